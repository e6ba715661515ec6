"""What a webhook says: the event type and a snapshot of the conversation (and message)."""

from __future__ import annotations

from typing import Any

from aftersail.conversations import events as conversation_events
from aftersail.conversations.models import Conversation, ConversationEvent, Message
from aftersail.webhooks.models import WebhookEvent

# Changes to the conversation itself; SLA clocks, promises, mentions and returns have
# their own events and are not sent (yet).
UPDATE_KINDS = (
    conversation_events.STATUS_CHANGED,
    conversation_events.PRIORITY_CHANGED,
    conversation_events.ASSIGNED,
    conversation_events.CATEGORY_CHANGED,
    conversation_events.ORDER_LINKED,
    conversation_events.TAGS_CHANGED,
    conversation_events.SNOOZED,
    conversation_events.WOKE_UP,
    conversation_events.MERGED,
    conversation_events.SPLIT,
    conversation_events.CUSTOMER_CHANGED,
)


def webhook_event_for(event: ConversationEvent) -> str | None:
    if event.kind == conversation_events.CREATED:
        return WebhookEvent.CONVERSATION_CREATED
    if event.kind == conversation_events.MESSAGE_ADDED:
        return WebhookEvent.MESSAGE_CREATED
    if event.kind in UPDATE_KINDS:
        return WebhookEvent.CONVERSATION_UPDATED
    return None


def conversation_data(c: Conversation) -> dict[str, Any]:
    return {
        "id": str(c.public_id),
        "number": c.id,
        "store": c.store.slug,
        "customer": str(c.customer.public_id),
        "channel": c.channel,
        "status": c.status,
        "priority": c.priority,
        "category": c.category,
        "subject": c.subject,
        "language": c.language,
        "team": c.team.name if c.team else None,
        "assignee": str(c.assignee.public_id) if c.assignee else None,
        "order_number": c.order.number if c.order else None,
        "created_at": c.created_at.isoformat(),
        "last_message_at": c.last_message_at.isoformat(),
    }


def message_data(m: Message) -> dict[str, Any]:
    return {
        "id": str(m.public_id),
        "kind": m.kind,
        "author_kind": m.author_kind,
        "channel": m.channel,
        "body_text": m.body_text,
        "language": m.language,
        "created_at": m.created_at.isoformat(),
    }


def build_payload(event_type: str, event: ConversationEvent) -> dict[str, Any]:
    conversation = Conversation.objects.select_related(
        "store", "customer", "team", "assignee", "order"
    ).get(id=event.conversation_id)
    data: dict[str, Any] = {"conversation": conversation_data(conversation)}
    if event_type == WebhookEvent.MESSAGE_CREATED:
        message = Message.objects.filter(public_id=event.data.get("message")).first()
        if message is not None:
            data["message"] = message_data(message)
    elif event_type == WebhookEvent.CONVERSATION_UPDATED:
        data["change"] = {"kind": event.kind, **event.data}
    return {
        "type": event_type,
        "occurred_at": event.created_at.isoformat(),
        "actor": event.actor_kind,
        "data": data,
    }
