"""Which macros a conversation offers, the variant in its language, and the filled text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from aftersail.accounts.models import Agent
from aftersail.commerce.models import Order
from aftersail.conversations.models import Conversation
from aftersail.macros.models import Macro, MacroVariant
from aftersail.macros.tracking import tracking_link

PLACEHOLDER = re.compile(r"\{(\w+)\}")
PLACEHOLDERS = ("customer_first_name", "order_number", "tracking_link", "agent_name", "store_name")


@dataclass(frozen=True)
class RenderedMacro:
    macro: Macro
    language: str
    text: str


def macros_for(conversation: Conversation) -> QuerySet[Macro]:
    return (
        Macro.objects.filter(is_active=True)
        .filter(Q(store__isnull=True) | Q(store_id=conversation.store_id))
        .prefetch_related("variants")
    )


def choose_variant(macro: Macro, language: str) -> MacroVariant | None:
    """The conversation's language, else the macro's fallback language, else English,
    else any variant."""
    variants = {variant.language: variant for variant in macro.variants.all()}
    for code in (language, (language or "").split("-")[0], macro.fallback_language, "en"):
        if code and code in variants:
            return variants[code]
    return next(iter(sorted(variants.items())), (None, None))[1]


def placeholder_values(
    conversation: Conversation, agent: Agent, recent_orders: Sequence[Order] | None = None
) -> dict[str, str]:
    """The placeholders' values. ``recent_orders``, when the caller has them, are the
    customer's latest orders (newest first) with their shipments prefetched: no query then
    for the order and the shipment, unless the conversation's order is older than them."""
    customer = conversation.customer
    order = conversation.order
    known = {recent.id: recent for recent in recent_orders or ()}
    if order is None:
        if recent_orders is None:
            order = customer.orders.order_by("-placed_at").first()
        else:
            order = recent_orders[0] if recent_orders else None
    shipment = None
    if order is not None and order.id in known:
        outbound = [s for s in known[order.id].shipments.all() if not s.is_return]
        shipment = max(outbound, key=lambda s: s.created_at, default=None)
    elif order is not None:
        shipment = order.shipments.filter(is_return=False).order_by("-created_at").first()
    return {
        "customer_first_name": customer.given_name or customer.name.split(" ")[0],
        "order_number": order.number if order else "",
        "tracking_link": tracking_link(shipment.carrier, shipment.tracking_number)
        if shipment
        else "",
        "agent_name": agent.user.get_short_name() if agent.user.full_name else agent.name,
        "store_name": conversation.store.name,
    }


def fill(body: str, values: dict[str, str]) -> str:
    """Replaces known ``{placeholders}``; anything else in braces stays as written."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)


def render_macro(macro: Macro, conversation: Conversation, agent: Agent) -> RenderedMacro | None:
    variant = choose_variant(macro, conversation.language)
    if variant is None:
        return None
    return RenderedMacro(
        macro, variant.language, fill(variant.body, placeholder_values(conversation, agent))
    )
