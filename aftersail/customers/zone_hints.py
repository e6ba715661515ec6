"""Turning what we know about a customer (country, region, phone number, a mail's UTC
offset) into an IANA time zone.

Region tables: the primary zone of each US state, Canadian province/territory and
Australian state/territory, from the comments of the IANA time zone database's
``zone1970.tab`` / ``zone.tab`` (https://data.iana.org/time-zones/tzdb/zone1970.tab).
Where a region spans zones (e.g. Texas, Kentucky), the zone of most of its population.
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import phonenumbers
from babel.core import get_global
from phonenumbers import timezone as phone_zones

_US = {
    "America/New_York": "CT DE DC FL GA KY ME MD MA MI NH NJ NY NC OH PA RI SC VT VA WV",
    "America/Indiana/Indianapolis": "IN",
    "America/Chicago": "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI",
    "America/Denver": "CO MT NM UT WY",
    "America/Boise": "ID",
    "America/Phoenix": "AZ",
    "America/Los_Angeles": "CA NV OR WA",
    "America/Anchorage": "AK",
    "Pacific/Honolulu": "HI",
}
_CA = {
    "America/Vancouver": "BC",
    "America/Edmonton": "AB",
    "America/Regina": "SK",
    "America/Winnipeg": "MB",
    "America/Toronto": "ON QC",
    "America/Halifax": "NB NS PE",
    "America/St_Johns": "NL",
    "America/Whitehorse": "YT",
    "America/Yellowknife": "NT",
    "America/Iqaluit": "NU",
}
_AU = {
    "Australia/Sydney": "NSW ACT",
    "Australia/Melbourne": "VIC",
    "Australia/Brisbane": "QLD",
    "Australia/Adelaide": "SA",
    "Australia/Perth": "WA",
    "Australia/Hobart": "TAS",
    "Australia/Darwin": "NT",
}
REGION_ZONES = {
    country: {code: zone for zone, codes in table.items() for code in codes.split()}
    for country, table in (("US", _US), ("CA", _CA), ("AU", _AU))
}
# Offsets that are not whole hours, and the zone most people on them live in.
_FRACTIONAL = {
    (5, 30): "Asia/Kolkata",
    (5, 45): "Asia/Kathmandu",
    (3, 30): "Asia/Tehran",
    (4, 30): "Asia/Kabul",
    (6, 30): "Asia/Yangon",
    (9, 30): "Australia/Darwin",
    (10, 30): "Australia/Adelaide",
    (-3, 30): "America/St_Johns",
    (-2, 30): "America/St_Johns",
}


def country_zones(country: str) -> list[str]:
    zones: list[str] = get_global("territory_zones").get(country.upper(), [])
    return zones


def zone_for_address(country: str, region: str = "", at: datetime | None = None) -> str | None:
    """The zone of a shipping address: by region where the country has several offsets."""
    zones = country_zones(country)
    if not zones:
        return None
    by_region = REGION_ZONES.get(country.upper(), {})
    if region.strip().upper() in by_region:
        return by_region[region.strip().upper()]
    moment = at or datetime(2026, 1, 15, tzinfo=UTC)
    offsets = {
        (
            moment.astimezone(zoneinfo.ZoneInfo(z)).utcoffset(),
            (moment + timedelta(days=182)).astimezone(zoneinfo.ZoneInfo(z)).utcoffset(),
        )
        for z in zones
    }
    # One wall clock for the whole country (Germany's Busingen runs like Berlin).
    return zones[0] if len(offsets) == 1 else None


def zone_for_phone(number: str, country: str = "") -> str | None:
    try:
        parsed = phonenumbers.parse(number, country.upper() or None)
    except phonenumbers.NumberParseException:
        return None
    zones = [z for z in phone_zones.time_zones_for_number(parsed) if z != "Etc/Unknown"]
    return zones[0] if len(zones) == 1 else None


def zone_for_date_header(value: str, country: str = "") -> str | None:
    """The zone implied by a ``Date:`` header's UTC offset (RFC 5322 section 3.3)."""
    try:
        sent = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    offset = sent.utcoffset() if sent.tzinfo else None
    if offset is None or abs(offset) > timedelta(hours=14):
        return None
    # The main zones of a multi-zone country first (New York before Indiana/Marengo).
    primary = list(dict.fromkeys(REGION_ZONES.get(country.upper(), {}).values()))
    for zone in primary + country_zones(country):
        if sent.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() == offset:
            return zone
    minutes = int(offset.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    if rest:
        return _FRACTIONAL.get((hours if minutes > 0 else -hours, rest))
    if minutes == 0:
        return "UTC"
    # POSIX-style names invert the sign: Etc/GMT-8 is eight hours ahead of UTC.
    return f"Etc/GMT{'-' if minutes > 0 else '+'}{hours}"
