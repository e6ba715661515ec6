"""Demo orders with their lines and parcels, in every state a parcel can be in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from aftersail.commerce.models import Order, OrderLine, Product
from aftersail.demo.catalog import EXCHANGE_RATES, ZERO_DECIMAL_CURRENCIES
from aftersail.demo.people import Market
from aftersail.shipping.models import Shipment, ShipmentItem, ShipmentStatus

if TYPE_CHECKING:
    from aftersail.customers.models import Customer
    from aftersail.demo.context import DemoContext

EXTRA_ORDERS = 300  # beyond one order per customer
ORDER_HISTORY_DAYS = 300
S = ShipmentStatus


@dataclass
class DemoOrder:
    order: Order
    market: Market
    lines: list[OrderLine] = field(default_factory=list)
    shipments: list[Shipment] = field(default_factory=list)


def _money(amount_eur: Decimal, currency: str) -> Decimal:
    exponent = Decimal("1") if currency in ZERO_DECIMAL_CURRENCIES else Decimal("0.01")
    return (amount_eur * EXCHANGE_RATES[currency]).quantize(exponent, rounding=ROUND_HALF_UP)


def _tracking_number(ctx: DemoContext, carrier: str, taken: set[str]) -> str:
    digits = "0123456789"
    alnum = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    while True:
        pick = ctx.rng.choice
        if carrier == "ups":
            number = "1Z" + "".join(pick(alnum) for _ in range(16))
        elif carrier == "dhl":
            number = "00340434" + "".join(pick(digits) for _ in range(12))
        elif carrier in {"dhl_express", "fedex"}:
            number = "".join(pick(digits) for _ in range(10 if carrier == "dhl_express" else 12))
        elif carrier == "dpd":
            number = "0" + "".join(pick(digits) for _ in range(13))
        elif carrier == "inpost":
            number = "".join(pick(digits) for _ in range(24))
        elif carrier == "postnl":
            number = "3S" + "".join(pick(alnum) for _ in range(13))
        elif carrier == "colissimo":
            number = "6A" + "".join(pick(digits) for _ in range(11))
        else:  # postal operators: UPU S10 item identifiers from the German sender
            number = "LX" + "".join(pick(digits) for _ in range(9)) + "DE"
        if number not in taken:
            taken.add(number)
            return number


def _order_customers(ctx: DemoContext) -> list[tuple[Customer, Market]]:
    buyers = list(ctx.customers)
    # Repeat buyers: a quarter of the customers place most of the extra orders.
    loyal = ctx.rng.sample(ctx.customers, k=len(ctx.customers) // 4)
    for _ in range(EXTRA_ORDERS):
        pool = loyal if ctx.rng.random() < 0.7 else ctx.customers
        buyers.append(ctx.rng.choice(pool))
    return buyers


def _placed_at(ctx: DemoContext, customer: Customer) -> datetime:
    days = ORDER_HISTORY_DAYS * ctx.rng.random() ** 1.7  # more recent orders than old ones
    placed = ctx.ago(days=days)
    return max(placed, customer.created_at + timedelta(hours=1))


def build_orders(ctx: DemoContext) -> list[DemoOrder]:
    buyers = _order_customers(ctx)
    placed = sorted((_placed_at(ctx, customer), i) for i, (customer, _m) in enumerate(buyers))
    demo_orders: list[DemoOrder] = []
    for number, (placed_at, index) in enumerate(placed, start=100001):
        customer, market = buyers[index]
        order = Order(
            public_id=ctx.uuid(),
            store=ctx.store,
            customer=customer,
            number=f"N{number}",
            external_id=str(5_100_000_000 + number),
            currency=market.currency,
            placed_at=placed_at,
            created_at=placed_at,
            ship_to_name=customer.name,
            ship_to_country=market.country,
        )
        city, postcode, region, _zone = ctx.rng.choice(market.cities)
        street = ctx.rng.choice(market.streets)
        order.ship_to_line1 = (
            street if market.family_first else f"{street} {ctx.rng.randint(1, 120)}"
        )
        order.ship_to_city, order.ship_to_postcode, order.ship_to_region = city, postcode, region
        demo_orders.append(DemoOrder(order, market))
    Order.objects.bulk_create([d.order for d in demo_orders])
    _build_lines(ctx, demo_orders)
    _build_shipments(ctx, demo_orders)
    return demo_orders


def _build_lines(ctx: DemoContext, demo_orders: list[DemoOrder]) -> None:
    everyday: list[Product] = [p for p in ctx.products if p.category != "gift_card"]
    all_lines: list[OrderLine] = []
    for demo in demo_orders:
        order = demo.order
        count = ctx.rng.choice((1, 1, 1, 2, 2, 3, 4))
        products = ctx.rng.sample(everyday, k=count)
        if ctx.rng.random() < 0.03:
            products.append(ctx.products[-1])  # the occasional gift card
        for product in products:
            quantity = 2 if product.category == "accessories" and ctx.rng.random() < 0.3 else 1
            unit = _money(product.price, order.currency)
            line = OrderLine(
                public_id=ctx.uuid(),
                order=order,
                product=product,
                sku=product.sku,
                name=product.name,
                category=product.category,
                quantity=quantity,
                unit_price=unit,
                total=unit * quantity,
                created_at=order.placed_at,
            )
            demo.lines.append(line)
            all_lines.append(line)
        order.subtotal = sum((line.total for line in demo.lines), Decimal("0"))
        free_from = _money(Decimal("100"), order.currency)
        fee = Decimal("5.90") if demo.market.in_eu else Decimal("14.90")
        order.shipping_total = (
            Decimal("0") if order.subtotal >= free_from else _money(fee, order.currency)
        )
        order.total = order.subtotal + order.shipping_total
        # Prices include German VAT for EU customers; exports leave VAT-free.
        order.tax_total = (
            (order.total * Decimal("19") / Decimal("119")).quantize(Decimal("0.01"))
            if demo.market.in_eu
            else Decimal("0")
        )
    OrderLine.objects.bulk_create(all_lines)


def _parcel_status(
    ctx: DemoContext, market: Market, shipped_at: datetime, due: datetime
) -> tuple[str, datetime | None, datetime]:
    """(status, delivered_at, last_event_at) of a parcel at ``ctx.now``."""
    now, roll = ctx.now, ctx.rng.random()
    if shipped_at > now:
        return S.LABEL_CREATED, None, shipped_at - timedelta(hours=2)
    if roll < 0.015 and now > shipped_at + timedelta(days=4):
        return S.EXCEPTION, None, shipped_at + timedelta(days=3)
    if roll < 0.025 and now > shipped_at + timedelta(days=20):
        return S.RETURNED, None, shipped_at + timedelta(days=19)
    if roll < 0.09:  # held up: customs outside the EU, a delay inside it
        due = due + timedelta(days=ctx.rng.randint(5, 12))
        if due > now:
            status = S.CUSTOMS_HOLD if not market.in_eu else S.DELAYED
            return status, None, now - timedelta(hours=ctx.rng.uniform(20, 90))
    if due <= now:
        return S.DELIVERED, due, due
    if due - now < timedelta(hours=10):
        return S.OUT_FOR_DELIVERY, None, now - timedelta(hours=2)
    if roll < 0.12:
        return S.ATTEMPT_FAILED, None, now - timedelta(hours=5)
    return S.IN_TRANSIT, None, now - timedelta(hours=ctx.rng.uniform(3, 30))


def _order_status(shipments: list[Shipment]) -> str:
    if all(s.status == S.DELIVERED for s in shipments):
        return Order.Status.DELIVERED
    if any(s.shipped_at is None for s in shipments):
        shipped_some = any(s.shipped_at is not None for s in shipments)
        return Order.Status.PARTIALLY_SHIPPED if shipped_some else Order.Status.OPEN
    return Order.Status.SHIPPED


def _build_shipments(ctx: DemoContext, demo_orders: list[DemoOrder]) -> None:
    taken: set[str] = set()
    items: list[ShipmentItem] = []
    for demo in demo_orders:
        order, market = demo.order, demo.market
        age = ctx.now - order.placed_at
        if ctx.rng.random() < 0.03 and age > timedelta(days=1):
            order.status, order.payment_status = (
                Order.Status.CANCELLED,
                Order.PaymentStatus.REFUNDED,
            )
            continue
        if age < timedelta(hours=14):
            continue  # not yet picked and packed
        groups = [demo.lines]
        if len(demo.lines) >= 2 and ctx.rng.random() < 0.15:  # split delivery
            groups = [demo.lines[:1], demo.lines[1:]]
        for position, group in enumerate(groups):
            carrier = ctx.rng.choice(market.carriers)
            shipped_at = order.placed_at + timedelta(hours=ctx.rng.uniform(6, 30) + 72 * position)
            transit = ctx.rng.randint(*market.transit_days)
            due = shipped_at + timedelta(days=transit, hours=ctx.rng.uniform(0, 8))
            status, delivered_at, last_event = _parcel_status(ctx, market, shipped_at, due)
            shipment = Shipment(
                public_id=ctx.uuid(),
                order=order,
                carrier=carrier,
                tracking_number=_tracking_number(ctx, carrier, taken),
                status=status,
                origin_country="DE",
                destination_country=market.country,
                shipped_at=shipped_at if shipped_at <= ctx.now else None,
                estimated_delivery=(shipped_at + timedelta(days=market.transit_days[1])).date(),
                delivered_at=delivered_at,
                last_event_at=min(last_event, ctx.now),
                created_at=min(shipped_at - timedelta(hours=3), ctx.now),
            )
            demo.shipments.append(shipment)
            items.extend(
                ShipmentItem(
                    public_id=ctx.uuid(),
                    shipment=shipment,
                    order_line=line,
                    quantity=line.quantity,
                    created_at=shipment.created_at,
                )
                for line in group
            )
        order.status = _order_status(demo.shipments)
    Shipment.objects.bulk_create([s for d in demo_orders for s in d.shipments])
    ShipmentItem.objects.bulk_create(items)
    Order.objects.bulk_update(
        [d.order for d in demo_orders],
        ["status", "payment_status", "subtotal", "shipping_total", "tax_total", "total"],
        batch_size=200,
    )
