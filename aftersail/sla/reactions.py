"""Where the SLA app plugs into conversations: two steps of the inbound pipeline, and
reactions to the conversation events that can move a due time."""

from __future__ import annotations

from aftersail.conversations import events as conversation_events
from aftersail.conversations.models import ConversationEvent, Message
from aftersail.conversations.pipeline import ACKNOWLEDGE, SLA, register_inbound_step
from aftersail.core import events
from aftersail.sla.clocks import do_recompute_clocks
from aftersail.sla.promises import do_acknowledge, do_settle_promise


@register_inbound_step(SLA, "sla.clocks")
def start_clocks(message: Message) -> None:
    do_recompute_clocks(message.conversation)


@register_inbound_step(ACKNOWLEDGE, "sla.acknowledge")
def acknowledge(message: Message) -> None:
    do_acknowledge(message)


@events.reaction(
    conversation_events.MESSAGE_ADDED,
    conversation_events.STATUS_CHANGED,
    conversation_events.PRIORITY_CHANGED,
    conversation_events.ASSIGNED,
    conversation_events.CATEGORY_CHANGED,
)
def recompute_on_change(event: ConversationEvent) -> None:
    """Any change that can move a due time (a reply, a pause, another policy or team)."""
    if event.kind == conversation_events.MESSAGE_ADDED and event.data.get("message_kind") in (
        Message.Kind.NOTE,  # internal notes never answer the customer
        Message.Kind.INBOUND,  # the inbound pipeline's SLA step handles these
    ):
        return
    do_recompute_clocks(event.conversation)
    if event.kind == conversation_events.MESSAGE_ADDED:
        do_settle_promise(event.conversation, at=event.created_at)
