"""From the database to the eligibility engine: the policy of a market and the facts of
each order line (its parcel, the order's last parcel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from aftersail.commerce.models import Order, OrderLine, Store
from aftersail.returns.eligibility import (
    NO_POLICY,
    Case,
    Context,
    Eligibility,
    LineFacts,
    Terms,
    evaluate,
)
from aftersail.returns.explain import explain, format_deadline
from aftersail.returns.models import ReturnPolicy
from aftersail.shipping.models import ShipmentItem


def policy_for(store: Store, country: str) -> ReturnPolicy | None:
    """The policy naming the country, else the catch-all policy (no markets listed)."""
    policies = list(ReturnPolicy.objects.filter(store=store).order_by("created_at", "id"))
    for policy in policies:
        if country and country.upper() in [m.upper() for m in policy.markets]:
            return policy
    return next((p for p in policies if not p.markets), None)


def terms_of(policy: ReturnPolicy | None) -> Terms:
    if policy is None:
        return NO_POLICY
    return Terms(
        window_days=policy.window_days,
        window_start=policy.window_start,
        excluded_categories=frozenset(policy.excluded_categories),
        excluded_skus=frozenset(policy.excluded_skus),
        final_sale_skus=frozenset(policy.final_sale_skus),
        warranty_months=policy.warranty_months,
        damage_report_days=policy.damage_report_days,
        shows_return_terms=policy.shows_return_terms,
        informs_of_withdrawal=policy.informs_of_withdrawal,
    )


def line_facts(order: Order, policy: ReturnPolicy | None) -> dict[int, LineFacts]:
    lines = list(order.lines.all())
    parcels = ShipmentItem.objects.filter(
        order_line__order=order, shipment__is_return=False
    ).select_related("shipment")
    shipped: dict[int, datetime | None] = {}
    delivered: dict[int, datetime | None] = {}
    for item in parcels:
        s = item.shipment
        if s.shipped_at and (item.order_line_id not in shipped or shipped[item.order_line_id]):
            shipped[item.order_line_id] = s.shipped_at
        previous = delivered.get(item.order_line_id, s.delivered_at)
        # a line split over parcels counts as delivered when its last parcel arrived
        delivered[item.order_line_id] = (
            max(previous, s.delivered_at) if previous and s.delivered_at else None
        )
    everything = [delivered.get(line.id) for line in lines]
    last = max(everything) if everything and all(everything) else None  # type: ignore[type-var]
    tags_by_category = policy.category_tags if policy else {}
    return {
        line.id: LineFacts(
            sku=line.sku,
            category=line.category,
            ordered_at=order.placed_at,
            shipped_at=shipped.get(line.id),
            delivered_at=delivered.get(line.id),
            last_delivered_at=last,
            tags=frozenset(tags_by_category.get(line.category, [])),
            unit_price=line.unit_price,
        )
        for line in lines
    }


def context_for(order: Order, now: datetime | None = None) -> Context:
    customer = order.customer
    return Context(
        country=order.ship_to_country or customer.country,
        zone=customer.time_zone or order.store.time_zone,
        region=order.ship_to_region,
        now=now or timezone.now(),
    )


@dataclass(frozen=True)
class LineEligibility:
    line: OrderLine
    result: Eligibility
    explanation: str
    deadline_text: str


def order_eligibility(
    order: Order,
    case: Case = Case.CHANGE_OF_MIND,
    *,
    language: str = "en",
    now: datetime | None = None,
    unsealed: frozenset[int] = frozenset(),
) -> list[LineEligibility]:
    policy = policy_for(order.store, order.ship_to_country)
    terms = terms_of(policy)
    ctx = context_for(order, now)
    facts = line_facts(order, policy)
    rows = []
    for line in order.lines.all():
        fact = facts[line.id]
        if line.id in unsealed:
            fact = LineFacts(**{**fact.__dict__, "unsealed": True})
        result = evaluate(case, fact, terms, ctx)
        rows.append(
            LineEligibility(
                line,
                result,
                explain(result, ctx.zone, language),
                format_deadline(result, ctx.zone, language),
            )
        )
    return rows
