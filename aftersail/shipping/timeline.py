"""The only way to write a shipment's timeline (the ``shipment`` stream, kinds in
``shipping.events``): each entry is published through :mod:`aftersail.core.events`, which
runs the reactions of shipping and of other apps once the transaction commits."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from aftersail.core import events
from aftersail.shipping.models import Shipment, ShipmentChange


def record(
    shipment: Shipment, kind: str, *, at: datetime | None = None, **data: Any
) -> ShipmentChange:
    return events.publish(
        ShipmentChange(shipment=shipment, kind=kind, data=data, created_at=at or timezone.now())
    )
