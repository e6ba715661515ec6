"""Tracking events for the demo store's parcels: a plausible timeline per shipment that ends
in the status the demo gave it, the notifications the customer got, delay settings per lane."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from aftersail.commerce.models import Store
from aftersail.shipping.models import (
    LaneThreshold,
    NotificationSettings,
    Provider,
    Shipment,
    ShipmentNotification,
    TrackingEvent,
)
from aftersail.shipping.models import ShipmentStatus as S
from aftersail.shipping.selectors import DEFAULT_STATUSES

HUBS = {
    "DE": "Leipzig", "AT": "Wien", "CH": "Basel", "FR": "Roissy", "ES": "Madrid",
    "PL": "Warszawa", "IT": "Milano", "NL": "Amsterdam", "SE": "Malmö", "GB": "East Midlands",
    "US": "Cincinnati", "CA": "Toronto", "AU": "Sydney", "JP": "Tokyo", "BR": "São Paulo",
}  # fmt: skip
TEXTS: dict[str, str] = {
    S.LABEL_CREATED: "Shipment information received",
    S.IN_TRANSIT: "Departed facility",
    S.CUSTOMS_HOLD: "Held by customs: documents requested",
    S.OUT_FOR_DELIVERY: "With delivery courier",
    S.READY_FOR_PICKUP: "Available for pickup at the parcel shop",
    S.ATTEMPT_FAILED: "Recipient not at home, notice left",
    S.DELAYED: "Delayed in the network",
    S.EXCEPTION: "Parcel could not be located",
    S.RETURNING: "Returning to sender",
    S.RETURNED: "Returned to sender",
    S.DELIVERED: "Delivered",
}
# Lanes watched more closely or more patiently than the 72-hour default.
LANES = [("DE", "AT", 48), ("DE", "FR", 48), ("DE", "PL", 48), ("DE", "US", 96),
         ("DE", "AU", 120), ("DE", "JP", 96), ("DE", "BR", 144)]  # fmt: skip


def build_tracking(store: Store, now: datetime, seed: int) -> int:
    """Creates the events (returns how many); deterministic for a seed and clock."""
    rng = random.Random(seed)

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    NotificationSettings.objects.create(public_id=new_id(), store=store, created_at=now)
    LaneThreshold.objects.bulk_create(
        LaneThreshold(public_id=new_id(), store=store, origin_country=origin,
                      destination_country=destination, max_hours_without_scan=hours)
        for origin, destination, hours in LANES
    )  # fmt: skip
    events: list[TrackingEvent] = []
    notifications: list[ShipmentNotification] = []
    shipments = Shipment.objects.filter(order__store=store).order_by("id")
    for shipment in shipments:
        steps = _steps(shipment, now, rng)
        for number, (status, when, country) in enumerate(steps):
            events.append(
                TrackingEvent(
                    public_id=new_id(),
                    shipment=shipment,
                    provider=Provider.DEMO,
                    provider_event_id=f"{shipment.tracking_number}-{number}",
                    status=status,
                    carrier_status=status,
                    carrier_text=TEXTS.get(status, ""),
                    location=HUBS.get(country, ""),
                    country=country,
                    occurred_at=when,
                    utc_offset_minutes=60 if country == "DE" else None,
                    created_at=min(when + timedelta(minutes=3), now),
                )
            )
        notified = {status for status, _when, _c in steps if status in DEFAULT_STATUSES}
        notifications.extend(
            ShipmentNotification(
                public_id=new_id(),
                shipment=shipment,
                status=status,
                state=ShipmentNotification.State.SENT,
                language="",
                send_after=when,
                sent_at=when,
                created_at=when,
            )
            for status, when, _country in steps
            if status in notified and not shipment.is_return and when <= now
        )
    TrackingEvent.objects.bulk_create(events, batch_size=500, ignore_conflicts=True)
    ShipmentNotification.objects.bulk_create(notifications, batch_size=500, ignore_conflicts=True)
    return len(events)


def _steps(
    shipment: Shipment, now: datetime, rng: random.Random
) -> list[tuple[str, datetime, str]]:
    """Label, departure, hubs, then the shipment's final status at ``last_event_at``."""
    start = shipment.created_at
    end = shipment.last_event_at or shipment.delivered_at or now
    origin, destination = shipment.origin_country, shipment.destination_country
    steps: list[tuple[str, datetime, str]] = [(S.LABEL_CREATED, start, origin)]
    if shipment.status in (S.NO_INFO, S.LABEL_CREATED) or not shipment.shipped_at:
        return steps
    moving = shipment.shipped_at
    steps.append((S.IN_TRANSIT, moving, origin))
    span = max((end - moving).total_seconds(), 3600)
    for fraction in sorted(rng.uniform(0.2, 0.8) for _ in range(rng.randint(1, 3))):
        steps.append((S.IN_TRANSIT, moving + timedelta(seconds=span * fraction), destination))
    final = shipment.status
    if final == S.DELIVERED:
        steps.append((S.OUT_FOR_DELIVERY, end - timedelta(hours=rng.uniform(2, 6)), destination))
    if final != S.IN_TRANSIT:
        steps.append((final, end, destination if final not in (S.RETURNED,) else origin))
    return [(status, min(when, now), country) for status, when, country in steps]
