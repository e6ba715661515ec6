from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from aftersail.shipping.models import ShipmentNotification
from aftersail.shipping.reports import is_wismo
from aftersail.testing import factories as f


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("supervisor_a", 200),
        ("agent_a", 403),
        ("agent_b", 403),
        ("outsourced", 403),
        ("customer", 403),
        ("anonymous", 302),
    ],
)
def test_report_permissions(cast, login, who, status):
    user = {"customer": cast.customer_user, "anonymous": None}.get(who)
    if who not in ("customer", "anonymous"):
        user = getattr(cast, who).user
    response = login(user).get(reverse("shipping_desk:report"))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("desk:login"))


@pytest.fixture
def frozen_clock():
    # Listed before ``cast``, so the cast's conversations are created at the same instant.
    with time_machine.travel("2026-03-02 10:00:00Z", tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize(
    ("who", "conversations"),
    [
        # The cast: "Paket fehlt" (team A, where is my order), "Refund please" (team B),
        # "Invoice copy" (the outsourced team). A supervisor counts only what they may see.
        ("admin", 3),
        ("supervisor_a", 1),
    ],
)
def test_report_counts_wismo_share_and_notifications_per_status(
    frozen_clock, cast, login, who, conversations
):
    order = f.make_order(cast.customer)
    shipment = f.make_shipment(order)
    now = timezone.now()
    for status, state in [("in_transit", "sent"), ("delivered", "sent"), ("delayed", "held")]:
        ShipmentNotification.objects.create(
            shipment=shipment, status=status, state=state, send_after=now
        )
    frozen_clock.shift(60)  # the report covers the days up to now, excluding now
    response = login(getattr(cast, who).user).get(reverse("shipping_desk:report"))
    report = response.context["report"]
    assert (report.wismo, report.conversations) == (1, conversations)
    assert report.notifications == [
        ("In transit", {"sent": 1}),
        ("Delayed", {"held": 1}),
        ("Delivered", {"sent": 1}),
    ]


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Where is my order?", True),
        ("Wo bleibt mein Paket", True),
        ("Où est ma commande", True),
        ("¿Dónde está mi pedido?", True),
        ("Gdzie jest moja paczka", True),
        ("荷物が届かない", True),
        ("Refund please", False),
        ("Rechnung", False),
    ],
)
def test_wismo_detection(subject, expected):
    assert is_wismo(subject) is expected


def test_a_supervisor_counts_no_notification_of_another_teams_customer(frozen_clock, cast, login):
    stranger = f.make_customer(cast.store, email="stranger@mail.example")
    f.make_conversation(stranger, team=cast.team_b)
    shipment = f.make_shipment(f.make_order(stranger))
    ShipmentNotification.objects.create(
        shipment=shipment, status="in_transit", state="sent", send_after=timezone.now()
    )
    frozen_clock.shift(60)
    own = login(cast.supervisor_a.user).get(reverse("shipping_desk:report"))
    everything = login(cast.admin.user).get(reverse("shipping_desk:report"))
    assert own.context["report"].notifications == []
    assert everything.context["report"].notifications == [("In transit", {"sent": 1})]
