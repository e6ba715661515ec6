"""Polling DHL Unified Shipment Tracking for the parcels it carries (DHL has no webhook).

Each answer is stored as a raw payload first, then processed like a webhook."""

from __future__ import annotations

import logging

from aftersail.shipping.ingest import process_payload
from aftersail.shipping.models import (
    Provider,
    RawTrackingPayload,
    Shipment,
    TrackingAccount,
)
from aftersail.shipping.providers.dhl import DhlError, fetch
from aftersail.shipping.statuses import FINAL

log = logging.getLogger(__name__)
DHL_CARRIERS = ("dhl", "dhl-express", "dhl-parcel", "deutsche-post")


def poll_shipment(account: TrackingAccount, shipment: Shipment) -> RawTrackingPayload | None:
    try:
        body = fetch(account, shipment.tracking_number)
    except DhlError as error:
        log.warning("DHL poll of %s failed: %s", shipment.tracking_number, error)
        return None
    raw = RawTrackingPayload.objects.create(
        account=account,
        provider=Provider.DHL,
        body=body.decode("utf-8", "replace"),
        headers={"source": "poll"},
        signature_valid=True,  # we asked DHL ourselves, with our key
    )
    process_payload(raw.id)
    raw.refresh_from_db()
    return raw


def poll_dhl_shipments(limit: int = 250) -> int:
    """One round: every active DHL account's unfinished parcels; returns how many polled."""
    polled = 0
    for account in TrackingAccount.objects.filter(provider=Provider.DHL, is_active=True):
        shipments = (
            Shipment.objects.filter(order__store_id=account.store_id, carrier__in=DHL_CARRIERS)
            .exclude(status__in=FINAL)
            .order_by("updated_at")[:limit]
        )
        for shipment in shipments:
            poll_shipment(account, shipment)
            polled += 1
    return polled
