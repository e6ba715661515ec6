"""Every capability's pages render with the demo store's data, for the people who use them."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from aftersail.accounts.models import User
from aftersail.commerce.models import Order
from aftersail.customers.models import CustomerIdentity
from aftersail.demo.loader import load_demo

pytestmark = pytest.mark.django_db

DEMO_NOW = datetime.fromisoformat("2026-11-22T09:30:00+00:00")


@pytest.fixture
def demo():
    with time_machine.travel(DEMO_NOW, tick=False):
        yield load_demo(now=DEMO_NOW)


def test_supervisor_pages_show_demo_figures(demo, login):
    client = login(User.objects.get(email="sophie.wagner@nordlicht-outdoor.example"))
    with time_machine.travel(DEMO_NOW, tick=False):
        coverage = client.get(reverse("desk:sla-coverage"))
        reports = client.get(reverse("desk:sla-reports"), {"by": "market"})
        returns = client.get(reverse("returns_desk:list"))
        shipping = client.get(reverse("shipping_desk:report"))
    assert [r.status_code for r in (coverage, reports, returns, shipping)] == [200] * 4
    assert len(coverage.context["markets"]) >= 10, "one heat map per market with history"
    assert reports.context["rows"], "the demo's conversations give SLA figures"


def test_customer_pages_work_on_demo_orders(demo, client):
    order = Order.objects.filter(shipments__isnull=False).order_by("id").first()
    assert order is not None
    email = CustomerIdentity.objects.get(
        customer=order.customer, kind=CustomerIdentity.Kind.EMAIL, is_primary=True
    ).value
    lookup = client.post(reverse("shipping:track"), {"number": order.number, "email": email})
    assert lookup.status_code == 302
    timeline = client.get(lookup["Location"])
    assert timeline.status_code == 200
    assert order.number in timeline.content.decode()
    for name in ("portal:landing", "portal:contact", "knowledge:index", "chat:demo_shop"):
        assert client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="de").status_code == 200, name
