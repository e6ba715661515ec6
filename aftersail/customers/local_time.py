"""The customer's wall clock, shown to agents beside every conversation.

Where the zone comes from, first hit wins: the profile, the chat widget's browser zone,
the shipping address (country, region where the country has several zones), the phone
number, the UTC offset in the ``Date:`` header of their mail.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from django.utils import timezone

from aftersail.core.fields import known_time_zones
from aftersail.customers import zone_hints
from aftersail.customers.models import Customer, CustomerIdentity

BROWSER_ZONE_KEYS = ("browser_time_zone", "time_zone")


class ZoneResolution(NamedTuple):
    zone: str
    source: str  # profile, browser, address, phone, date_header, store


def customer_zone(customer: Customer) -> zoneinfo.ZoneInfo | None:
    if not customer.time_zone:
        return None
    try:
        return zoneinfo.ZoneInfo(customer.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _valid(zone: Any) -> str | None:
    return zone if isinstance(zone, str) and zone in known_time_zones() else None


def _date_header(meta: dict[str, Any]) -> Any:
    raw = meta.get("headers")
    headers: dict[Any, Any] = raw if isinstance(raw, dict) else {}
    return meta.get("date") or {str(k).lower(): v for k, v in headers.items()}.get("date")


def resolve_customer_zone(
    customer: Customer, metas: Sequence[dict[str, Any]] = ()
) -> ZoneResolution:
    """``metas``: the channel metadata of the customer's recent messages, newest first
    (``conversations.selectors.recent_channel_metadata``)."""
    if _valid(customer.time_zone):
        return ZoneResolution(customer.time_zone, "profile")
    for meta in metas:
        for key in BROWSER_ZONE_KEYS:
            if _valid(meta.get(key)):
                return ZoneResolution(meta[key], "browser")
    order = customer.orders.order_by("-placed_at").first()
    if order is not None and order.ship_to_country:
        zone = zone_hints.zone_for_address(order.ship_to_country, order.ship_to_region)
        if zone:
            return ZoneResolution(zone, "address")
    phones = customer.identities.filter(
        kind__in=[CustomerIdentity.Kind.PHONE, CustomerIdentity.Kind.WHATSAPP]
    ).values_list("value", flat=True)
    for phone in phones:
        zone = zone_hints.zone_for_phone(phone, customer.country)
        if zone:
            return ZoneResolution(zone, "phone")
    for meta in metas:
        header = _date_header(meta)
        if isinstance(header, str):
            zone = zone_hints.zone_for_date_header(header, customer.country)
            if zone:
                return ZoneResolution(zone, "date_header")
    return ZoneResolution(customer.store.time_zone or "UTC", "store")


def customer_local_now(customer: Customer) -> datetime | None:
    zone = customer_zone(customer)
    return timezone.now().astimezone(zone) if zone else None
