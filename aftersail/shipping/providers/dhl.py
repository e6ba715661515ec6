"""DHL Shipment Tracking - Unified: pull only.

``GET {base}/track/shipments?trackingNumber=...`` with header ``DHL-API-Key``; the answer has
``shipments[]`` with ``status``, ``events[]`` (``timestamp``, ``statusCode``, ``status``,
``description``, ``location.address``) and ``estimatedTimeOfDelivery``; a return shipment
reports ``returnFlag: true`` (https://developer.dhl.com/api-reference/shipment-tracking).

"Return" there means a parcel that could not be delivered and goes back to its sender, not a
customer's return label, which has its own tracking number; DHL's example answer carries the
flag on the shipment itself
(https://support-developer.dhl.com/support/solutions/articles/47001251142 and
https://support-developer.dhl.com/support/solutions/articles/47001251916).
"""

from __future__ import annotations

from datetime import datetime

import httpx

from aftersail.shipping.models import Provider, TrackingAccount
from aftersail.shipping.models import ShipmentStatus as S
from aftersail.shipping.providers.base import (
    Parsed,
    ParsedEvent,
    PayloadError,
    as_dict,
    as_list,
    load_object,
    parse_date,
    parse_time,
    text,
)
from aftersail.shipping.statuses import DHL_STATUS_CODES

DEFAULT_BASE_URL = "https://api-eu.dhl.com"


class DhlError(RuntimeError):
    """The API refused or failed; the poll is retried on the next round."""


def fetch(account: TrackingAccount, tracking_number: str, *, timeout: float = 10.0) -> bytes:
    base = (account.api_base_url or DEFAULT_BASE_URL).rstrip("/")
    try:
        response = httpx.get(
            f"{base}/track/shipments",
            params={"trackingNumber": tracking_number},
            headers={"DHL-API-Key": account.api_key, "Accept": "application/json"},
            timeout=timeout,
        )
    except httpx.HTTPError as error:
        raise DhlError(f"DHL unreachable: {error}") from error
    if response.status_code == 404:
        return b'{"shipments": []}'
    if response.status_code != 200:
        raise DhlError(f"DHL answered {response.status_code}")
    return response.content


class Dhl:
    provider: str = Provider.DHL

    def verify(
        self, account: TrackingAccount, body: bytes, headers: dict[str, str], now: datetime
    ) -> bool:
        return False  # pull only: nothing may arrive as a webhook

    def parse(self, body: bytes) -> Parsed:
        parsed = Parsed()
        for item in as_list(load_object(body).get("shipments")):
            shipment = as_dict(item)
            number = text(shipment.get("id"), 64)
            if not number:
                raise PayloadError("a shipment without id")
            when = parse_date(shipment.get("estimatedTimeOfDelivery"))
            if when:
                parsed.estimates[number] = when
            is_return = bool(
                shipment.get("returnFlag") is True
                or as_dict(shipment.get("details")).get("returnFlag")
            )
            for entry in as_list(shipment.get("events")):
                event = as_dict(entry)
                code = text(event.get("statusCode"))
                status = DHL_STATUS_CODES.get(code)
                if status is None:
                    continue
                if (is_return or event.get("returnFlag") is True) and status != S.NO_INFO:
                    status = S.RETURNED if status == S.DELIVERED else S.RETURNING
                occurred_at, offset = parse_time(event.get("timestamp"))
                address = as_dict(as_dict(event.get("location")).get("address"))
                parsed.events.append(
                    ParsedEvent(
                        tracking_number=number,
                        status=status,
                        occurred_at=occurred_at,
                        utc_offset_minutes=offset,
                        carrier_status=code,
                        carrier_text=text(event.get("description") or event.get("status")),
                        location=text(address.get("addressLocality"), 200),
                        country=text(address.get("countryCode"), 2).upper(),
                    )
                )
        return parsed
