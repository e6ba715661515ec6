"""The portal tracking page in headless Chromium (Debian's), against a live server."""

from __future__ import annotations

import pytest

from aftersail.shipping.ingest import apply_events
from aftersail.shipping.models import NotificationSettings
from aftersail.shipping.providers import ParsedEvent, parse_time
from aftersail.testing import factories as f
from aftersail.testing.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
]


@pytest.fixture
def parcel(transactional_db):
    store = f.make_store(name="Nordlicht", slug="nordlicht")
    NotificationSettings.objects.create(store=store)
    customer = f.make_customer(
        store,
        name="Zofia Nowak",
        email="zofia@mail.example",
        language="pl",
        country="PL",
        time_zone="Europe/Warsaw",
    )
    order = f.make_order(customer, number="NL-5001")
    shipment = f.make_shipment(
        order, tracking_number="JJD0001", status="no_info", estimated_delivery=None
    )
    events = []
    for status, moment, text in [
        ("label_created", "2026-11-02T09:00:00+01:00", "Label printed"),
        ("in_transit", "2026-11-02T18:00:00+01:00", "Departed Leipzig hub"),
        ("out_for_delivery", "2026-11-04T07:45:00+01:00", "With the courier in Kraków"),
    ]:
        occurred_at, offset = parse_time(moment)
        events.append(
            ParsedEvent(
                "JJD0001", status, occurred_at, utc_offset_minutes=offset, carrier_text=text
            )
        )
    apply_events(shipment, events, "import")
    return order


def test_customer_finds_the_order_and_sees_the_timeline(parcel, live_server, monkeypatch):
    # Playwright runs an event loop in this thread; Django answers in the server's thread.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    with chromium_browser() as browser:
        page = browser.new_page(locale="en-US")
        page.goto(f"{live_server.url}/track/")
        page.fill("input[name=number]", "NL-5001")
        page.fill("input[name=email]", "wrong@mail.example")
        page.click("button[type=submit]")
        assert "could not find an order" in page.inner_text("[role=alert]")
        page.fill("input[name=number]", "NL-5001")
        page.fill("input[name=email]", "zofia@mail.example")
        page.click("button[type=submit]")
        page.wait_for_url("**/track/o/**")
        assert page.inner_text("h1") == "Zamówienie NL-5001"
        assert page.inner_text(".shipment-status") == "W doręczeniu"
        items = page.locator("ol.timeline li").all_inner_texts()
        assert len(items) == 3
        assert items[0].startswith("4 lis 2026, 07:45")  # Warsaw time, Polish
        assert "With the courier in Kraków" in items[0]
        assert "Etykieta utworzona" in items[2]
