"""The shipment's own timeline, and what follows its delays."""

from __future__ import annotations

import time_machine
from django.urls import reverse

from aftersail.shipping.delays import scan_for_delays
from aftersail.shipping.ingest import apply_events
from aftersail.shipping.models import ShipmentChange, ShipmentIncident
from aftersail.shipping.providers import ParsedEvent, parse_time


def _scan(shop, status: str, moment: str) -> None:
    occurred_at, offset = parse_time(moment)
    number = shop.shipment.tracking_number
    event = ParsedEvent(number, status, occurred_at, utc_offset_minutes=offset)
    apply_events(shop.shipment, [event], "import")


def test_the_shipment_timeline_records_changes_and_delays(
    shop, cast, login, django_capture_on_commit_callbacks
) -> None:
    with time_machine.travel("2026-11-02T03:00:00Z", tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            _scan(shop, "in_transit", "2026-11-02T02:00:00+01:00")
        with django_capture_on_commit_callbacks(execute=True):
            _scan(shop, "in_transit", "2026-11-01T22:00:00+01:00")  # older: no change
    with (
        time_machine.travel("2026-11-05T14:30:00Z", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert scan_for_delays() == 1
    with (
        time_machine.travel("2026-11-06T08:00:00Z", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _scan(shop, "in_transit", "2026-11-06T08:50:00+09:00")  # a new scan ends the delay
        _scan(shop, "delivered", "2026-11-06T14:10:00+09:00")
    changes = ShipmentChange.objects.filter(shipment=shop.shipment)
    assert [(c.kind, c.kind_label, c.data, c.created_at.isoformat()) for c in changes] == [
        (
            "status_changed",
            "Parcel status changed",
            {
                "status": "in_transit",
                "previous": "no_info",
                "occurred_at": "2026-11-02T01:00:00+00:00",
                "provider": "import",
            },
            "2026-11-02T03:00:00+00:00",
        ),
        ("delayed", "Parcel marked delayed", {"reason": "no_scan"}, "2026-11-05T14:30:00+00:00"),
        (
            "delay_over",
            "Parcel no longer delayed",
            {"reason": "no_scan"},
            "2026-11-06T08:00:00+00:00",
        ),
        (
            "status_changed",
            "Parcel status changed",
            {
                "status": "delivered",
                "previous": "in_transit",
                "occurred_at": "2026-11-06T05:10:00+00:00",
                "provider": "import",
            },
            "2026-11-06T08:00:00+00:00",
        ),
    ]
    # The delay was followed as before: one incident, the "delayed" notification.
    assert list(ShipmentIncident.objects.values_list("reason", flat=True)) == ["no_scan"]
    assert set(shop.shipment.notifications.values_list("status", flat=True)) == {
        "in_transit",
        "delayed",
        "delivered",
    }
    # Operators read it on the shipment in the admin.
    page = login(cast.admin.user).get(
        reverse("admin:shipping_shipment_change", args=[shop.shipment.id])
    )
    assert page.status_code == 200
    assert page.content.decode().count("Parcel status changed") == 2
    assert "Parcel no longer delayed" in page.content.decode()
