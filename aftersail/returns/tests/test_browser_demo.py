"""The whole return on the demo store, in a real browser: a German demo customer returns an
item of a recently delivered order in the portal, and the demo's admin refunds it in the desk
(headless Debian Chromium through Playwright)."""

from __future__ import annotations

import pytest
from django.db import connections
from django.utils import timezone

from aftersail.commerce.models import Order
from aftersail.customers.models import CustomerIdentity
from aftersail.demo.loader import load_demo
from aftersail.demo.staff import DEMO_PASSWORD
from aftersail.returns.models import Refund, ReturnRequest, ReturnStatus
from aftersail.testing.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
]


@pytest.fixture
def demo_order(transactional_db):
    """A German demo customer's delivered order with no return yet and a line worth sending
    back (above the keep-the-item threshold)."""
    load_demo(now=timezone.now())  # the live server runs on the real clock
    candidates = (
        Order.objects.filter(ship_to_country="DE", status="delivered", returns__isnull=True)
        .exclude(shipments__delivered_at__isnull=True)
        .order_by("-placed_at", "number")
    )
    for order in candidates:
        line = order.lines.filter(unit_price__gt=20, quantity=1).order_by("id").first()
        if line is not None:
            email = CustomerIdentity.objects.get(
                customer=order.customer, kind=CustomerIdentity.Kind.EMAIL, is_primary=True
            ).value
            return order, line, email
    raise AssertionError("the demo has no recent German order to return")


def test_demo_return_from_the_portal_to_the_refund(demo_order, live_server, monkeypatch) -> None:
    order, line, email = demo_order
    # The ORM is only read between steps; monkeypatch restores the variable afterwards.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium_browser() as browser:
        page = browser.new_context(locale="de-DE").new_page()
        page.goto(f"{live_server.url}/returns/")
        page.fill("input[name=number]", order.number)
        page.fill("input[name=email]", email)
        page.click("#find-order button")
        page.wait_for_selector("#return-form")
        row = page.locator(f"tr[data-sku='{line.sku}']").first
        assert row.locator(".eligibility").inner_text().strip()
        row.locator("input[type=checkbox]").first.check()
        page.click("#return-form button[type=submit]")
        page.wait_for_selector("#method-form")
        assert page.locator(".return-status").get_attribute("data-status") == "approved"
        page.check("input[value=drop_off]")
        page.click("#method-form button")
        code = page.locator(".drop-off-code").inner_text()
        rma = ReturnRequest.objects.get(order=order)
        assert (rma.status, rma.drop_off_code) == (ReturnStatus.AWAITING_PARCEL, code)

        desk = browser.new_context(locale="en-GB").new_page()
        desk.goto(f"{live_server.url}/desk/login/")
        desk.fill("#id_username", "sophie.wagner@nordlicht-outdoor.example")
        desk.fill("#id_password", DEMO_PASSWORD)
        desk.click("button[type=submit]")
        desk.wait_for_url(f"{live_server.url}/desk/")
        desk.goto(f"{live_server.url}/desk/returns/{rma.public_id}/")
        desk.click("button[value=in_transit]")
        desk.click("button[value=receive]")
        desk.select_option(".inspect-form select[name=grade]", "as_new")
        desk.click(".inspect-form button")
        desk.click("#refund-form button")
        assert desk.locator(".rma-status").get_attribute("data-status") == "resolved"
        # The ORM read in this Playwright block opened a connection of its own (see
        # test_browser.py): close it so that it does not outlive the test.
        connections.close_all()
    paid = line.unit_price * line.quantity
    assert list(Refund.objects.filter(rma=rma).values_list("amount", "currency")) == [
        (paid, order.currency)
    ]
