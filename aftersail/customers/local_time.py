"""The customer's wall clock, shown to agents beside every conversation."""

from __future__ import annotations

import zoneinfo
from datetime import datetime

from django.utils import timezone

from aftersail.customers.models import Customer


def customer_zone(customer: Customer) -> zoneinfo.ZoneInfo | None:
    if not customer.time_zone:
        return None
    try:
        return zoneinfo.ZoneInfo(customer.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def customer_local_now(customer: Customer) -> datetime | None:
    zone = customer_zone(customer)
    return timezone.now().astimezone(zone) if zone else None
