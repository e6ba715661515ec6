"""Whatever order events arrive in, and however often, the timeline and status agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aftersail.shipping.ingest import apply_events
from aftersail.shipping.models import Shipment, TrackingEvent
from aftersail.shipping.providers import ParsedEvent

START = datetime(2026, 11, 1, 8, tzinfo=UTC)
JOURNEY = [
    ("label_created", 0), ("in_transit", 5), ("in_transit", 20), ("customs_hold", 30),
    ("in_transit", 50), ("out_for_delivery", 70), ("delivered", 74),
    ("out_for_delivery", 74),  # same second as delivered: delivered still wins
]  # fmt: skip


def _events(number: str) -> list[ParsedEvent]:
    return [
        ParsedEvent(number, status, START + timedelta(hours=hours), carrier_text=f"scan {n}")
        for n, (status, hours) in enumerate(JOURNEY)
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    order=st.permutations(range(len(JOURNEY))),
    repeats=st.lists(st.integers(0, len(JOURNEY) - 1), max_size=4),
    batch=st.integers(1, 3),
)
def test_any_arrival_order_gives_the_same_shipment(shop, order, repeats, batch):
    TrackingEvent.objects.all().delete()
    Shipment.objects.filter(id=shop.shipment.id).update(
        status="no_info", shipped_at=None, delivered_at=None, last_event_at=None
    )
    events = _events(shop.shipment.tracking_number)
    arrivals = [events[i] for i in [*order, *repeats]]
    for start in range(0, len(arrivals), batch):
        apply_events(shop.shipment, arrivals[start : start + batch], "import")
    shipment = Shipment.objects.get()
    assert shipment.status == "delivered"
    assert shipment.delivered_at == START + timedelta(hours=74)
    assert shipment.shipped_at == START + timedelta(hours=5)
    timeline = list(shipment.events.values_list("status", flat=True))
    assert timeline[:6] == [status for status, _hours in JOURNEY[:6]]
    assert sorted(timeline[6:]) == ["delivered", "out_for_delivery"]  # the same second
    assert TrackingEvent.objects.count() == len(JOURNEY)
