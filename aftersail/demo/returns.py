"""Demo data for returns: policies per group of markets and returns in every state."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from aftersail.accounts.actors import Actor
from aftersail.returns import actions as returns
from aftersail.returns.models import ReturnDestination, ReturnItem, ReturnPolicy, ReturnRequest
from aftersail.returns.selectors import policy_for

if TYPE_CHECKING:
    from aftersail.commerce.models import Order
    from aftersail.demo.context import DemoContext
    from aftersail.demo.orders import DemoOrder

EUROPE = ["DE", "AT", "FR", "ES", "PL", "IT", "NL", "SE", "CH", "NO"]
TAGS = {
    "personalised": ["personalised"],
    "hygiene_sealed": ["sealed_hygiene"],
    "food": ["perishable"],
}
# (policy, country or "" for every other, kind, name, address, cost)
DESTINATIONS = [
    ("europe", "", "origin", "Nordlicht warehouse Leipzig",
     "Nordlicht Outdoor Retouren\nLagerstraße 4\n04109 Leipzig\nGermany", "6.90"),
    ("europe", "PL", "local_hub", "Returns hub Poznań",
     "Nordlicht Zwroty\nul. Składowa 12\n61-897 Poznań\nPoland", "2.90"),
    ("europe", "FR", "partner", "Retours Lyon (partner)",
     "Nordlicht Retours c/o LogiRetour\n8 rue des Entrepôts\n69007 Lyon\nFrance", "4.50"),
    ("uk", "", "partner", "UK returns partner Coventry",
     "Nordlicht Returns c/o ReturnHub\nUnit 4, Siskin Drive\nCoventry CV3 4FJ\nUnited Kingdom",
     "5.00"),
    ("world", "US", "partner", "US returns partner Reno",
     "Nordlicht Returns c/o Sierra Returns\n1 Logistics Way\nReno, NV 89502\nUSA", "8.00"),
    ("world", "", "origin", "Nordlicht warehouse Leipzig",
     "Nordlicht Outdoor Retouren\nLagerstraße 4\n04109 Leipzig\nGermany", "24.00"),
]  # fmt: skip


def _policies(ctx: DemoContext) -> None:
    common = {"category_tags": TAGS, "excluded_categories": ["gift_card"]}
    policies = {
        "europe": ReturnPolicy.objects.create(
            store=ctx.store, name="Europe: 30 days, free returns", markets=EUROPE,
            window_days=30, keep_item_threshold=Decimal("10"),
            store_credit_bonus_percent=Decimal("10"), **common,
        ),
        "uk": ReturnPolicy.objects.create(
            store=ctx.store, name="United Kingdom: 30 days", markets=["GB"], window_days=30,
            **common,
        ),
        "world": ReturnPolicy.objects.create(
            store=ctx.store, name="Rest of the world: 30 days, reviewed", markets=[],
            window_days=30, return_shipping_payer=ReturnPolicy.Payer.CUSTOMER,
            return_shipping_fee=Decimal("7.95"), restocking_fee_percent=Decimal("10"),
            auto_approve=False, warranty_months=24, **common,
        ),
    }  # fmt: skip
    for key, country, kind, name, address, cost in DESTINATIONS:
        ReturnDestination.objects.create(
            policy=policies[key], country=country, kind=kind, name=name, address=address,
            cost=Decimal(cost),
        )  # fmt: skip


# The states the demo shows, one return each, in this order.
STEPS = [
    "requested", "approved", "label", "drop_off", "in_transit", "received", "inspected",
    "refunded", "store_credit", "closed", "rejected",
]  # fmt: skip


def _advance(rma: ReturnRequest, step: str) -> None:
    agent = Actor.system()
    if step == "rejected":
        returns.do_reject(rma, "The jacket shows clear signs of use outdoors.", actor=agent)
        return
    if step in ("requested", "approved"):
        return
    method = ReturnRequest.Method.DROP_OFF if step == "drop_off" else ReturnRequest.Method.LABEL
    if rma.status == "approved":
        rma = returns.do_choose_method(rma, method, actor=agent)
    if step in ("label", "drop_off"):
        return
    rma = returns.do_mark_in_transit(rma, actor=agent)
    if step == "in_transit":
        return
    rma = returns.do_receive(rma, actor=agent)
    if step == "received":
        return
    for item in rma.items.all():
        returns.do_inspect_item(
            item, ReturnItem.Grade.RESELLABLE, ReturnItem.Disposition.RESTOCK, actor=agent
        )
    if step == "inspected":
        return
    returns.do_refund(rma, actor=agent)
    if step == "closed":
        returns.do_close(rma, actor=agent)


def build_returns(ctx: DemoContext, orders: list[DemoOrder]) -> int:
    _policies(ctx)
    recent = [
        demo
        for demo in orders
        if demo.order.status == "delivered"
        and all(
            s.delivered_at and s.delivered_at > ctx.now - timedelta(days=12) for s in demo.shipments
        )
    ]
    recent.sort(key=lambda demo: (demo.order.placed_at, demo.order.number), reverse=True)
    made = 0
    seen: set[int] = set()
    for demo in recent:
        if made == len(STEPS):
            break
        order = demo.order
        if order.customer_id in seen:
            continue
        step = STEPS[made]
        outcome = (
            ReturnRequest.Outcome.STORE_CREDIT if step == "store_credit"
            else ReturnRequest.Outcome.REFUND
        )  # fmt: skip
        line = demo.lines[0]
        policy = policy_for(order.store, order.ship_to_country)
        if step == "requested" and (policy is None or policy.auto_approve):
            continue  # show one that waits for an agent's decision
        try:
            rma = returns.do_start_return(
                order,
                [returns.Selection(line.id, 1, reason="Too small")],
                actor=Actor.customer(),
                proof=_proof(order),
                outcome=outcome,
                channel=ReturnRequest.Channel.PORTAL,
                now=ctx.now,
            ).rma
            if step != "requested" and rma.status == "requested":
                rma = returns.do_approve(rma, actor=Actor.system())
            _advance(rma, step)
        except returns.ReturnError:
            continue
        seen.add(order.customer_id)
        made += 1
    older = [demo for demo in orders if demo.order.status == "delivered" and demo not in recent]
    if older:
        returns.do_open_claim(
            older[0].lines[0],
            "The zip broke after a few weeks of normal use.",
            actor=Actor.customer(),
            proof=_proof(older[0].order),
            now=ctx.now,
        )
    return made


def _proof(order: Order) -> returns.OrderProof:
    """What the demo customer shows in the portal: the order number and their address."""
    email = (
        order.customer.identities.filter(kind="email")
        .order_by("-is_primary", "id")
        .values_list("value", flat=True)
        .first()
    )
    return returns.OrderProof(order.number, email or "")
