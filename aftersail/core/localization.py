"""Speaking to a customer: in their language (with a fallback) and their local time.

The fallback chain for every customer-facing text is: the customer's language, the store's
default language, English, each only if Aftersail ships translations for it.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from babel.dates import format_datetime, get_timezone_location
from django.conf import settings
from django.utils import translation

if TYPE_CHECKING:
    from aftersail.commerce.models import Store
    from aftersail.customers.models import Customer


def supported_language(code: str | None) -> str | None:
    """``"de-AT"`` -> ``"de"``; None when Aftersail has no translations for the language."""
    if not code:
        return None
    shipped = {language for language, _name in settings.LANGUAGES}
    normalized = code.strip().lower().replace("_", "-")
    for candidate in (normalized, normalized.split("-")[0]):
        if candidate in shipped:
            return candidate
    return None


def customer_language(customer: Customer | None, store: Store | None = None) -> str:
    chain = [customer.language if customer else None, store.default_language if store else None]
    for code in chain:
        language = supported_language(code)
        if language:
            return language
    return "en"


@contextmanager
def speaking_to(customer: Customer | None, store: Store | None = None) -> Iterator[str]:
    """Activates the customer's language for gettext inside the block; yields its code."""
    language = customer_language(customer, store)
    with translation.override(language):
        yield language


def zone_or_utc(zone_name: str | None) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(zone_name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def format_local(moment: datetime, zone_name: str | None, language: str,
                 pattern: str = "EEEE d MMMM, HH:mm") -> str:  # fmt: skip
    """``moment`` on the customer's wall clock, in their language (CLDR patterns via Babel):
    ``format_local(t, "Asia/Singapore", "de", "EEEE HH:mm") == "Dienstag 10:00"``."""
    return format_datetime(moment, pattern, tzinfo=zone_or_utc(zone_name), locale=language)


def zone_label(zone_name: str | None, language: str) -> str:
    """How the customer's language names their zone: "Singapore Time", "Singapur (Ortszeit)"."""
    return get_timezone_location(zone_or_utc(zone_name), locale=language)
