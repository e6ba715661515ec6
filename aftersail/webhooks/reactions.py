"""Timeline events become webhook deliveries."""

from __future__ import annotations

from aftersail.conversations.models import ConversationEvent
from aftersail.conversations.reactions import on_timeline_event
from aftersail.webhooks.delivery import do_emit
from aftersail.webhooks.payloads import UPDATE_KINDS

Kind = ConversationEvent.Kind


@on_timeline_event(Kind.CREATED, Kind.MESSAGE_ADDED, *UPDATE_KINDS)
def send_webhooks(event: ConversationEvent) -> None:
    do_emit(event)
