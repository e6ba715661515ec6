"""Orders pushed by a shop integration: created or updated by the shop's own id, with their
lines (their shipments: ``shipping.actions.do_sync_order_with_shipments``). Pushing the
same order twice changes nothing the second time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from aftersail.commerce.models import Order, OrderLine, Product, Store
from aftersail.core.errors import ActionError

if TYPE_CHECKING:
    from aftersail.customers.models import Customer


class OrderSyncError(ActionError):
    """An order that cannot be written as pushed; the reason names the field or the clash."""


@dataclass
class LineData:
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    category: str = ""


@dataclass
class OrderData:
    external_id: str
    number: str
    placed_at: datetime
    currency: str
    status: str = Order.Status.OPEN
    payment_status: str = Order.PaymentStatus.PAID
    shipping_total: Decimal = Decimal("0")
    tax_total: Decimal = Decimal("0")
    ship_to: dict[str, str] = field(default_factory=dict)
    lines: list[LineData] = field(default_factory=list)


SHIP_TO_FIELDS = ("name", "line1", "line2", "postcode", "city", "region", "country")


def validate_for_sync(instance: models.Model, exclude: list[str]) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        raise OrderSyncError(problems) from exc


@transaction.atomic
def do_sync_order(
    *, store: Store, customer: Customer, data: OrderData
) -> tuple[Order, bool, dict[str, OrderLine]]:
    """Creates or updates the order the shop knows as ``data.external_id``; returns it,
    whether it was created, and its lines by SKU. Lines are replaced."""
    if customer.store_id != store.id:
        raise OrderSyncError("the customer belongs to another store")
    order = (
        Order.objects.select_for_update().filter(store=store, external_id=data.external_id).first()
    )
    created = order is None
    if order is None:
        order = Order(store=store, external_id=data.external_id)
    elif order.customer_id != customer.id:
        raise OrderSyncError("the order belongs to another customer")
    if Order.objects.filter(store=store, number=data.number).exclude(id=order.id).exists():
        raise OrderSyncError(f"another order has the number {data.number!r}")
    subtotal = sum((line.unit_price * line.quantity for line in data.lines), Decimal("0"))
    order.customer = customer
    order.number = data.number
    order.placed_at = data.placed_at
    order.currency = data.currency.upper()
    order.status = data.status
    order.payment_status = data.payment_status
    order.subtotal = subtotal
    order.shipping_total = data.shipping_total
    order.tax_total = data.tax_total
    order.total = subtotal + data.shipping_total
    for name in SHIP_TO_FIELDS:
        setattr(order, f"ship_to_{name}", (data.ship_to.get(name) or "").strip())
    order.ship_to_country = (order.ship_to_country or customer.country or store.country).upper()
    validate_for_sync(order, exclude=["store", "customer"])
    try:
        with transaction.atomic():
            order.save()
    except IntegrityError as exc:  # the same number written concurrently
        raise OrderSyncError(f"another order has the number {data.number!r}") from exc
    lines = _replace_lines(order, data.lines)
    return order, created, lines


def _replace_lines(order: Order, lines: list[LineData]) -> dict[str, OrderLine]:
    existing = {(line.sku, line.quantity, line.unit_price): line for line in order.lines.all()}
    wanted = {(line.sku, line.quantity, line.unit_price) for line in lines}
    order.lines.exclude(id__in=[line.id for k, line in existing.items() if k in wanted]).delete()
    by_sku: dict[str, OrderLine] = {}
    for line in lines:
        key = (line.sku, line.quantity, line.unit_price)
        saved = existing.get(key)
        if saved is None:
            product, _ = Product.objects.get_or_create(
                store=order.store,
                sku=line.sku,
                defaults={"name": line.name, "category": line.category, "price": line.unit_price},
            )
            saved = OrderLine.objects.create(
                order=order,
                product=product,
                sku=line.sku,
                name=line.name,
                category=line.category,
                quantity=line.quantity,
                unit_price=line.unit_price,
                total=line.unit_price * line.quantity,
            )
        by_sku.setdefault(line.sku, saved)
    return by_sku
