"""Delay detection, run periodically: past the estimated date, no scan for longer than the
lane allows (origin -> destination country), or held in customs."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from aftersail.shipping.incidents import do_mark_delayed
from aftersail.shipping.models import DelayReason, LaneThreshold, Shipment, ShipmentStatus
from aftersail.shipping.notifications import settings_for

S = ShipmentStatus
# Statuses of a parcel that should be moving; label-only and final ones are not watched.
WATCHED = (S.IN_TRANSIT, S.CUSTOMS_HOLD, S.OUT_FOR_DELIVERY, S.DELAYED)


def max_hours_without_scan(store_id: int, origin: str, destination: str,
                           lanes: dict[tuple[int, str, str], int]) -> int:  # fmt: skip
    for key in ((store_id, origin, destination), (store_id, origin, "")):
        if key in lanes:
            return lanes[key]
    return settings_for(store_id).no_scan_default_hours


def delay_reason(shipment: Shipment, store_id: int, now: datetime,
                 lanes: dict[tuple[int, str, str], int]) -> str:  # fmt: skip
    if shipment.status == S.CUSTOMS_HOLD:
        return DelayReason.CUSTOMS
    if shipment.estimated_delivery and shipment.estimated_delivery < now.date():
        return DelayReason.PAST_ESTIMATE
    if shipment.last_event_at:
        hours = max_hours_without_scan(
            store_id, shipment.origin_country, shipment.destination_country, lanes
        )
        if now - shipment.last_event_at > timedelta(hours=hours):
            return DelayReason.NO_SCAN
    return ""


def scan_for_delays(now: datetime | None = None) -> int:
    """Marks every newly delayed shipment; returns how many."""
    when = now or timezone.now()
    lanes = {
        (lane.store_id, lane.origin_country, lane.destination_country): lane.max_hours_without_scan
        for lane in LaneThreshold.objects.all()
    }
    marked = 0
    candidates = Shipment.objects.filter(status__in=WATCHED, delay_reason="", is_return=False)
    for shipment in candidates.select_related("order").iterator():
        reason = delay_reason(shipment, shipment.order.store_id, when, lanes)
        if reason:
            with transaction.atomic():
                marked += do_mark_delayed(shipment, reason, when)
    return marked
