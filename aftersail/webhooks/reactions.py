"""Timeline events become webhook deliveries."""

from __future__ import annotations

from aftersail.conversations import events as conversation_events
from aftersail.conversations.models import ConversationEvent
from aftersail.core import events
from aftersail.webhooks.delivery import do_emit
from aftersail.webhooks.payloads import UPDATE_KINDS


@events.reaction(conversation_events.CREATED, conversation_events.MESSAGE_ADDED, *UPDATE_KINDS)
def send_webhooks(event: ConversationEvent) -> None:
    do_emit(event)
