"""Orders pushed with their parcels: the order and its lines through ``commerce``, then the
shipments, matched by carrier and tracking number, with what travels in each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from aftersail.commerce.actions import (
    OrderData,
    OrderSyncError,
    do_sync_order,
    validate_for_sync,
)
from aftersail.commerce.models import Order, OrderLine, Store
from aftersail.customers.models import Customer
from aftersail.shipping.models import Shipment, ShipmentItem


@dataclass
class ShipmentData:
    carrier: str
    tracking_number: str
    status: str = "no_info"
    skus: dict[str, int] = field(default_factory=dict)  # what travels in it: sku -> quantity
    shipped_at: datetime | None = None
    is_return: bool = False


@transaction.atomic
def do_sync_order_with_shipments(
    *, store: Store, customer: Customer, data: OrderData, shipments: list[ShipmentData]
) -> tuple[Order, bool]:
    """Creates or updates the order and its lines, then its shipments; returns the order
    and whether it was created. Nothing is written when any part is refused."""
    order, created, lines = do_sync_order(store=store, customer=customer, data=data)
    _sync_shipments(order, shipments, lines)
    return order, created


def _sync_shipments(
    order: Order, shipments: list[ShipmentData], lines: dict[str, OrderLine]
) -> None:
    for data in shipments:
        unknown = set(data.skus) - set(lines)
        if unknown:
            raise OrderSyncError(f"shipment {data.tracking_number}: unknown sku(s) {unknown}")
        shipment = Shipment.objects.filter(
            carrier=data.carrier, tracking_number=data.tracking_number
        ).first()
        if shipment is not None and shipment.order_id != order.id:
            raise OrderSyncError(f"tracking number {data.tracking_number} is another order's")
        if shipment is None:
            shipment = Shipment(
                order=order,
                carrier=data.carrier,
                tracking_number=data.tracking_number,
                origin_country=order.store.country,
                destination_country=order.ship_to_country,
            )
        shipment.status = data.status
        shipment.is_return = data.is_return
        shipment.shipped_at = data.shipped_at
        validate_for_sync(shipment, exclude=["order"])
        shipment.save()
        shipment.items.all().delete()
        ShipmentItem.objects.bulk_create(
            ShipmentItem(shipment=shipment, order_line=lines[sku], quantity=quantity)
            for sku, quantity in data.skus.items()
        )
