"""Named reads of customers for other apps: who has an identity, their zone and wall clock,
and the zones of a country."""

from __future__ import annotations

from aftersail.customers.by_identity import find_customer
from aftersail.customers.errors import CustomerError
from aftersail.customers.identities import normalize_email
from aftersail.customers.local_time import (
    ZoneResolution,
    customer_local_now,
    customer_zone,
    resolve_customer_zone,
)
from aftersail.customers.zone_hints import country_zones, zone_for_address

__all__ = [
    "ZoneResolution",
    "country_zones",
    "customer_local_now",
    "customer_zone",
    "find_customer",
    "resolve_customer_zone",
    "stored_email",
    "zone_for_address",
]


def stored_email(value: str) -> str | None:
    """How an email address is stored as an identity (so ``Jörg@Bücher.DE`` finds
    ``jörg@xn--bcher-kva.de``); None when ``value`` is not an address."""
    try:
        return normalize_email(value)
    except CustomerError:
        return None
