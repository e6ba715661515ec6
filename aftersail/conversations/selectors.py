"""Named reads of conversations for other apps: what an agent may see and hand work to,
and what the customer's recent messages tell about them."""

from __future__ import annotations

from typing import Any

from aftersail.conversations.models import Message
from aftersail.conversations.permissions import assignable_agents, assignable_teams
from aftersail.conversations.visibility import (
    can_see_conversation,
    conversations_visible_to,
    customers_visible_to,
    orders_visible_to,
    sees_whole_stores,
    visible_conversation_q,
    visible_conversations,
    visible_customers,
)
from aftersail.customers.models import Customer

__all__ = [
    "assignable_agents",
    "assignable_teams",
    "can_see_conversation",
    "conversations_visible_to",
    "customers_visible_to",
    "orders_visible_to",
    "recent_channel_metadata",
    "sees_whole_stores",
    "visible_conversation_q",
    "visible_conversations",
    "visible_customers",
]


def recent_channel_metadata(
    customer: Customer, message: Message | None = None
) -> list[dict[str, Any]]:
    """The channel metadata of ``message`` and of the customer's latest inbound messages
    (the chat widget's browser zone, a mail's ``Date:`` header), newest first."""
    latest = (
        Message.objects.filter(conversation__customer=customer, kind=Message.Kind.INBOUND)
        .order_by("-created_at")
        .values_list("channel_metadata", flat=True)[:5]
    )
    metas = [message.channel_metadata] if message is not None else []
    return [meta for meta in [*metas, *latest] if isinstance(meta, dict)]
