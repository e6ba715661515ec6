"""A public reply added to a conversation is queued for delivery on its channel."""

from __future__ import annotations

from aftersail.conversations import events as conversation_events
from aftersail.conversations.models import ConversationEvent, Message
from aftersail.core import events
from aftersail.core.queue import enqueue_on_commit
from aftersail.messaging.tasks import deliver_message


@events.reaction(conversation_events.MESSAGE_ADDED, inline=True)
def queue_reply_delivery(event: ConversationEvent) -> None:
    if event.data.get("message_kind") != Message.Kind.REPLY:
        return
    message_id = (
        Message.objects.filter(public_id=event.data["message"], delivery=Message.Delivery.PENDING)
        .values_list("id", flat=True)
        .first()
    )
    if message_id is not None:
        enqueue_on_commit(deliver_message, message_id)
