"""Shared builders for the returns tests."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from aftersail.commerce.models import Order
from aftersail.customers.models import Customer
from aftersail.returns.models import ReturnDestination, ReturnPolicy
from aftersail.shipping.models import ShipmentItem
from aftersail.testing import factories as f

PLACED = datetime(2026, 3, 1, 10, tzinfo=UTC)
DELIVERED = datetime(2026, 3, 10, 9, tzinfo=UTC)


def make_policy(store: Any, **fields: Any) -> ReturnPolicy:
    defaults: dict[str, Any] = {"name": "Europe", "markets": ["DE", "AT", "FR"], "window_days": 30}
    policy = ReturnPolicy.objects.create(store=store, **{**defaults, **fields})
    ReturnDestination.objects.create(
        policy=policy,
        country="",
        kind=ReturnDestination.Kind.ORIGIN,
        name="Warehouse Leipzig",
        address="Nordlicht Retouren\nLagerstraße 4\n04109 Leipzig\nGermany",
        cost=Decimal("6.90"),
    )
    return policy


def delivered_order(customer: Customer, lines: Any = None, **fields: Any) -> Order:
    order = f.make_order(
        customer,
        lines=lines or (("JKT-1", 1, "120.00"), ("SOCK-2", 2, "15.00")),
        placed_at=PLACED,
        **fields,
    )
    shipment = f.make_shipment(order, status="delivered", shipped_at=PLACED, delivered_at=DELIVERED)
    for line in order.lines.all():
        ShipmentItem.objects.create(shipment=shipment, order_line=line, quantity=line.quantity)
    return order
