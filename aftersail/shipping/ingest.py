"""Tracking data in: store the raw payload first, then process it idempotently.

Processing is order-independent: events are deduplicated by (provider, event id), an event
that arrives late is simply inserted at its place on the timeline, and the shipment's
status is always the status of its latest event by occurrence time. A status change is
published as a ``status_changed`` event of the shipment stream (``shipping.events``), which
the notifications and other apps follow.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone
from huey.contrib.djhuey import db_task

from aftersail.core.queue import enqueue_on_commit
from aftersail.shipping import timeline
from aftersail.shipping.events import DELAY_OVER, STATUS_CHANGED
from aftersail.shipping.models import (
    DelayReason,
    DeliveryEstimate,
    RawTrackingPayload,
    Shipment,
    ShipmentStatus,
    TrackingAccount,
    TrackingEvent,
)
from aftersail.shipping.providers import Parsed, ParsedEvent, PayloadError, adapters
from aftersail.shipping.statuses import FINAL

log = logging.getLogger(__name__)
State = RawTrackingPayload.State
MAX_BODY_BYTES = 2 * 1024 * 1024
# Tie-break between events stamped with the same time: how far along each status is.
PROGRESS: dict[str, int] = {status: rank for rank, status in enumerate([
    ShipmentStatus.NO_INFO, ShipmentStatus.STALE, ShipmentStatus.LABEL_CREATED,
    ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELAYED, ShipmentStatus.CUSTOMS_HOLD,
    ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.ATTEMPT_FAILED,
    ShipmentStatus.READY_FOR_PICKUP, ShipmentStatus.EXCEPTION, ShipmentStatus.CANCELLED,
    ShipmentStatus.RETURNING, ShipmentStatus.RETURNED, ShipmentStatus.DELIVERED,
])}  # fmt: skip
KEPT_HEADERS = ("content-type", "user-agent", "aftership-hmac-sha256", "sign",
                "x-hmac-signature", "shippo-auth-signature")  # fmt: skip


def do_receive(
    account: TrackingAccount, body: bytes, headers: dict[str, str]
) -> RawTrackingPayload:
    """Stores one webhook delivery. A bad signature is stored quarantined with the reason
    (the log of refused deliveries) and nothing else happens; a good one is queued."""
    adapter = adapters()[account.provider]
    now = timezone.now()
    valid = len(body) <= MAX_BODY_BYTES and adapter.verify(account, body, headers, now)
    raw = RawTrackingPayload.objects.create(
        account=account,
        provider=account.provider,
        body=_storable(body[:MAX_BODY_BYTES].decode("utf-8", "replace")),
        headers={k: _storable(v[:500]) for k, v in headers.items() if k.lower() in KEPT_HEADERS},
        signature_valid=valid,
        state=State.RECEIVED if valid else State.QUARANTINED,
        error="" if valid else "bad or missing signature",
    )
    if valid:
        enqueue_on_commit(process_tracking_payload, raw.id)
    else:
        log.warning("refused %s webhook %s: bad signature", account.provider, raw.public_id)
    return raw


def _storable(text: str) -> str:
    """PostgreSQL text and JSON cannot hold NUL characters; a body with one is not valid
    JSON anyway, so replacing it keeps the record without changing the outcome."""
    return text.replace("\x00", "\ufffd")


def process_payload(raw_id: int) -> None:
    """Processes a stored payload once; quarantines it with the reason when it cannot."""
    raw = RawTrackingPayload.objects.select_related("account").filter(id=raw_id).first()
    if raw is None or raw.state != State.RECEIVED or not raw.signature_valid:
        return
    try:
        parsed = adapters()[raw.provider].parse(raw.body.encode("utf-8"))
        with transaction.atomic():
            store_id = raw.account.store_id if raw.account else None
            unknown = apply_parsed(parsed, raw.provider, store_id=store_id, raw=raw)
            note = ", ".join(sorted(unknown))[:1000]
            note = f"unknown tracking numbers: {note}" if note else ""
            RawTrackingPayload.objects.filter(id=raw.id, state=State.RECEIVED).update(
                state=State.PROCESSED, error=note, processed_at=timezone.now()
            )
    except (PayloadError, KeyError) as error:
        _quarantine(raw, str(error))
    except Exception as error:  # one bad payload must never stop the worker
        log.exception("tracking payload %s failed", raw.public_id)
        _quarantine(raw, f"unexpected error: {error}")


@db_task()
def process_tracking_payload(raw_id: int) -> None:
    process_payload(raw_id)


def _quarantine(raw: RawTrackingPayload, reason: str) -> None:
    RawTrackingPayload.objects.filter(id=raw.id).update(
        state=State.QUARANTINED, error=reason[:2000], processed_at=timezone.now()
    )


def apply_parsed(
    parsed: Parsed, provider: str, *, store_id: int | None, raw: RawTrackingPayload | None = None
) -> set[str]:
    """Adds the events and estimates to their shipments; returns unknown tracking numbers."""
    numbers = {event.tracking_number for event in parsed.events} | set(parsed.estimates)
    shipments = Shipment.objects.filter(tracking_number__in=numbers)
    if store_id is not None:
        shipments = shipments.filter(order__store_id=store_id)
    by_number = {shipment.tracking_number: shipment for shipment in shipments}
    for number, shipment in by_number.items():
        events = [event for event in parsed.events if event.tracking_number == number]
        apply_events(shipment, events, provider, raw=raw, estimate=parsed.estimates.get(number))
    return numbers - set(by_number)


@transaction.atomic
def apply_events(
    shipment: Shipment,
    events: Iterable[ParsedEvent],
    provider: str,
    *,
    raw: RawTrackingPayload | None = None,
    estimate: date | None = None,
) -> bool:
    """Adds new events (duplicates are dropped by the unique constraint) and re-derives the
    shipment's status; returns whether the status changed."""
    rows = [
        TrackingEvent(
            shipment=shipment,
            provider=provider,
            provider_event_id=event.event_id(),
            status=event.status,
            carrier_status=event.carrier_status,
            carrier_text=event.carrier_text,
            location=event.location,
            country=event.country,
            occurred_at=event.occurred_at,
            utc_offset_minutes=event.utc_offset_minutes,
            raw=raw,
        )
        for event in events
    ]
    if rows:
        TrackingEvent.objects.bulk_create(rows, ignore_conflicts=True)
    if estimate is not None:
        do_revise_estimate(shipment, estimate, provider)
    return refresh_status(shipment)


def do_revise_estimate(shipment: Shipment, estimated: date, provider: str) -> None:
    if shipment.estimated_delivery == estimated:
        return
    now = timezone.now()
    DeliveryEstimate.objects.create(
        shipment=shipment, estimated_date=estimated, provider=provider, revised_at=now
    )
    Shipment.objects.filter(id=shipment.id).update(estimated_delivery=estimated, updated_at=now)
    shipment.estimated_delivery = estimated


@transaction.atomic
def refresh_status(shipment: Shipment) -> bool:
    """Sets status, shipped/delivered/last-event times from the events; on a change,
    publishes ``status_changed`` (and ``delay_over`` when the scan ends a delay). The row
    lock keeps two workers from deciding the same change twice."""
    locked = Shipment.objects.select_for_update().get(id=shipment.id)
    latest = locked.events.order_by("-occurred_at", "-id").first()
    if latest is None:
        return False
    tied = list(locked.events.filter(occurred_at=latest.occurred_at))
    if len(tied) > 1:  # same second: the furthest along wins, whatever arrived first
        latest = max(
            tied, key=lambda event: (PROGRESS.get(event.status, 0), event.provider_event_id)
        )
    first_move = (
        locked.events.exclude(status__in=[ShipmentStatus.NO_INFO, ShipmentStatus.LABEL_CREATED])
        .order_by("occurred_at")
        .values_list("occurred_at", flat=True)
        .first()
    )
    delivered = latest.occurred_at if latest.status == ShipmentStatus.DELIVERED else None
    old = locked.status
    fields: dict[str, object] = {
        "status": latest.status,
        "last_event_at": latest.occurred_at,
        "shipped_at": first_move,
        "delivered_at": delivered,
        "updated_at": timezone.now(),
    }
    delay_over = _delay_is_over(locked, latest)
    if delay_over:
        fields.update(delay_reason="", delayed_since=None)
    Shipment.objects.filter(id=locked.id).update(**fields)
    for name, value in fields.items():
        setattr(shipment, name, value)
    if delay_over:
        timeline.record(locked, DELAY_OVER, reason=locked.delay_reason)
    if latest.status == old:
        return False
    timeline.record(
        locked,
        STATUS_CHANGED,
        status=latest.status,
        previous=old,
        occurred_at=latest.occurred_at.isoformat(),
        provider=latest.provider,
    )
    return True


def _delay_is_over(shipment: Shipment, latest: TrackingEvent) -> bool:
    reason, since = shipment.delay_reason, shipment.delayed_since
    if not reason:
        return False
    if latest.status in FINAL:
        return True
    if reason == DelayReason.NO_SCAN:
        return since is not None and latest.occurred_at > since
    if reason == DelayReason.CUSTOMS:
        return latest.status != ShipmentStatus.CUSTOMS_HOLD
    return False  # past the estimate stays late until the parcel arrives
