"""The shop the return tests of the assistant use: a customer in Vienna whose jacket was
delivered late on 10 March 2026 (UTC), already 11 March on her calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from aftersail.commerce.models import Order, OrderLine, Store
from aftersail.customers.models import Customer
from aftersail.returns.models import ReturnPolicy
from aftersail.shipping.models import ShipmentItem
from aftersail.testing import factories as f
from aftersail.testing.returns import make_policy

PLACED = datetime(2026, 3, 1, 10, tzinfo=UTC)
# 00:30 on 11 March in Vienna: the 14 days count from the 11th there (Directive 2011/83/EU
# Art. 9(2)(b), physical possession), so the last day is 25 March, not the 24th of UTC.
DELIVERED = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)
NOW = datetime(2026, 3, 12, 9, tzinfo=UTC)
EMAIL = "anna@mail.example"


@dataclass
class Shop:
    store: Store
    customer: Customer
    policy: ReturnPolicy
    order: Order  # N100482: one jacket

    def line(self, order: Order, sku: str) -> OrderLine:
        return order.lines.get(sku=sku)


NAMES = {
    "JKT-1": ("Regenjacke Fjord", ""),
    "BRUSH-2": ("Schallzahnbürste Sonic", "Hygiene"),
    "CHEESE-3": ("Bergkäse 500 g", "Food"),
    "SOCK-4": ("Wandersocken", ""),
}


def delivered_order(
    customer: Customer, number: str, lines: tuple[tuple[str, int, str], ...]
) -> Order:
    order = f.make_order(customer, number=number, lines=lines, placed_at=PLACED)
    for sku, (name, category) in NAMES.items():
        order.lines.filter(sku=sku).update(name=name, category=category)
    shipment = f.make_shipment(order, status="delivered", shipped_at=PLACED, delivered_at=DELIVERED)
    for line in order.lines.all():
        ShipmentItem.objects.create(shipment=shipment, order_line=line, quantity=line.quantity)
    return order


def build_shop(store: Store) -> Shop:
    # The store gives the legal 14 days and no more, so the law is what the customer reads;
    # its own policy takes back no hygiene articles and no food.
    policy = make_policy(
        store,
        markets=["DE", "AT"],
        window_days=14,
        excluded_categories=["Hygiene", "Food"],
        category_tags={"Hygiene": ["sealed_hygiene"], "Food": ["perishable"]},
    )
    customer = f.make_customer(
        store,
        name="Anna Berger",
        email=EMAIL,
        language="de",
        country="AT",
        time_zone="Europe/Vienna",
    )
    order = delivered_order(customer, "N100482", (("JKT-1", 1, "149.00"),))
    return Shop(store, customer, policy, order)
