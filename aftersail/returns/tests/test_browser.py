"""The whole return in a real browser: the customer starts it in the portal, an agent
takes it to the refund in the desk (headless Debian Chromium through Playwright)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connections
from django.utils import timezone

from aftersail.returns.models import Refund, ReturnRequest, ReturnStatus
from aftersail.shipping.models import ShipmentItem
from aftersail.testing import factories as f
from aftersail.testing.browser import chromium_browser
from aftersail.testing.cast import build_cast
from aftersail.testing.returns import make_policy

pytestmark = [
    pytest.mark.browser,
]


@pytest.fixture
def shop(transactional_db):

    cast = build_cast()
    make_policy(cast.store)
    # Delivered two days ago (the live server runs on the real clock; no date is asserted).
    delivered = timezone.now() - timedelta(days=2)
    order = f.make_order(
        cast.customer,
        number="B-2001",
        lines=(("JKT-1", 1, "120.00"), ("SOCK-2", 2, "15.00")),
        placed_at=delivered - timedelta(days=3),
    )
    shipment = f.make_shipment(
        order, status="delivered", shipped_at=delivered, delivered_at=delivered
    )
    for line in order.lines.all():
        ShipmentItem.objects.create(shipment=shipment, order_line=line, quantity=line.quantity)
    return cast, order


def test_return_from_the_portal_to_the_refund(shop, live_server, monkeypatch) -> None:
    cast, order = shop
    # The ORM is only read between steps; monkeypatch restores the variable afterwards.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium_browser() as browser:
        customer = browser.new_context(locale="de-DE")
        page = customer.new_page()
        page.goto(f"{live_server.url}/returns/")
        page.fill("input[name=number]", order.number)
        page.fill("input[name=email]", "customer@mail.example")
        page.click("#find-order button")
        page.wait_for_selector("#return-form")
        jacket = page.locator("tr[data-sku='JKT-1']")
        assert "Nach unseren Rückgabebedingungen" in jacket.locator(".eligibility").inner_text()
        jacket.locator("input[type=checkbox]").first.check()
        page.click("#return-form button[type=submit]")
        page.wait_for_selector("#method-form")
        assert page.locator(".return-status").get_attribute("data-status") == "approved"
        page.check("input[value=drop_off]")
        page.click("#method-form button")
        code = page.locator(".drop-off-code").inner_text()
        href = page.locator("#return-form-pdf").get_attribute("href")
        pdf = page.request.get(f"{live_server.url}{href}")
        assert pdf.ok and pdf.body().startswith(b"%PDF")

        rma = ReturnRequest.objects.get()
        assert (rma.status, rma.drop_off_code) == (ReturnStatus.AWAITING_PARCEL, code)

        desk = browser.new_context(locale="en-GB").new_page()
        desk.goto(f"{live_server.url}/desk/login/")
        desk.fill("#id_username", cast.agent_a.user.email)
        desk.fill("#id_password", f.PASSWORD)
        desk.click("button[type=submit]")
        desk.wait_for_url(f"{live_server.url}/desk/")
        desk.goto(f"{live_server.url}/desk/returns/")
        desk.click(f"text={rma.number}")
        desk.click("button[value=in_transit]")
        desk.click("button[value=receive]")
        desk.select_option(".inspect-form select[name=grade]", "as_new")
        desk.click(".inspect-form button")
        desk.click("#refund-form button")
        assert desk.locator(".rma-status").get_attribute("data-status") == "resolved"
        assert "120.00 EUR" in desk.locator(".refund").inner_text()
        # Playwright runs this block in a greenlet with its own context, so the ORM read
        # above opened a connection of its own: close it, or it outlives the test and
        # PostgreSQL refuses to drop the test database.
        connections.close_all()
    assert list(Refund.objects.values_list("amount", "currency")) == [(Decimal("120.00"), "EUR")]
