"""The customer's time zone: profile, browser, address, phone, Date: header, store."""

from __future__ import annotations

import pytest

from aftersail.conversations.models import Message
from aftersail.conversations.selectors import recent_channel_metadata
from aftersail.customers.models import CustomerIdentity
from aftersail.customers.selectors import resolve_customer_zone
from aftersail.customers.zone_hints import zone_for_address, zone_for_date_header, zone_for_phone
from aftersail.testing import factories as f


@pytest.fixture
def unknown(cast):
    """A customer with no zone on the profile and one conversation."""
    customer = f.make_customer(cast.store, time_zone="", country="")
    f.make_conversation(customer)
    return customer


def test_profile_wins(cast):
    assert resolve_customer_zone(cast.customer) == ("Europe/Berlin", "profile")


def test_browser_zone_from_the_chat_widget(unknown):
    Message.objects.filter(conversation__customer=unknown).update(
        channel_metadata={"browser_time_zone": "America/Sao_Paulo"}
    )
    assert resolve_customer_zone(unknown, recent_channel_metadata(unknown)) == (
        "America/Sao_Paulo",
        "browser",
    )


def test_hostile_browser_zone_is_ignored(unknown):
    Message.objects.filter(conversation__customer=unknown).update(
        channel_metadata={"browser_time_zone": "../../etc/passwd", "time_zone": ["x"]}
    )
    assert resolve_customer_zone(unknown, recent_channel_metadata(unknown)) == (
        "Europe/Berlin",
        "store",
    )


def test_shipping_address_with_region_for_multi_zone_countries(unknown):
    order = f.make_order(unknown)
    order.ship_to_country, order.ship_to_region = "US", "WA"
    order.save()
    assert resolve_customer_zone(unknown, recent_channel_metadata(unknown)) == (
        "America/Los_Angeles",
        "address",
    )


def test_phone_number(unknown):
    CustomerIdentity.objects.create(
        store=unknown.store, customer=unknown, kind="whatsapp", value="+6591234567"
    )
    assert resolve_customer_zone(unknown, recent_channel_metadata(unknown)) == (
        "Asia/Singapore",
        "phone",
    )


def test_date_header_offset(unknown):
    Message.objects.filter(conversation__customer=unknown).update(
        channel_metadata={"headers": {"Date": "Mon, 30 Nov 2026 14:02:11 +0545"}}
    )
    assert resolve_customer_zone(unknown, recent_channel_metadata(unknown)) == (
        "Asia/Kathmandu",
        "date_header",
    )


@pytest.mark.parametrize(
    ("country", "region", "expected"),
    [
        ("DE", "", "Europe/Berlin"),
        ("PL", "", "Europe/Warsaw"),
        ("US", "", None),  # several zones and no region: unknown
        ("US", "ny", "America/New_York"),
        ("AU", "WA", "Australia/Perth"),
        ("CA", "NL", "America/St_Johns"),
        ("IN", "", "Asia/Kolkata"),
        ("ZZ", "", None),
    ],
)
def test_zone_for_address(country, region, expected):
    assert zone_for_address(country, region) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("+48 600 100 200", "Europe/Warsaw"),
        ("+1 212 555 0100", "America/New_York"),
        ("+7 495 123 45 67", "Europe/Moscow"),
        ("not a number", None),
        ("+" + "9" * 40, None),
    ],
)
def test_zone_for_phone(number, expected):
    assert zone_for_phone(number) == expected


@pytest.mark.parametrize(
    ("header", "country", "expected"),
    [
        ("Tue, 1 Dec 2026 09:00:00 +0530", "", "Asia/Kolkata"),
        ("Tue, 1 Dec 2026 09:00:00 +0100", "PL", "Europe/Warsaw"),
        ("Tue, 1 Dec 2026 09:00:00 +0800", "", "Etc/GMT-8"),
        ("Tue, 1 Dec 2026 09:00:00 -0500", "US", "America/New_York"),
        ("Tue, 1 Dec 2026 09:00:00 +0000", "", "UTC"),
        ("Tue, 1 Dec 2026 09:00:00 +9999", "", None),
        ("garbage", "", None),
        ("", "", None),
    ],
)
def test_zone_for_date_header(header, country, expected):
    assert zone_for_date_header(header, country) == expected
