"""Where the SLA app plugs into conversations: the inbound pipeline and timeline reactions."""

from __future__ import annotations

from aftersail.conversations.models import ConversationEvent, Message
from aftersail.conversations.pipeline import ACKNOWLEDGE, SLA, register_inbound_step
from aftersail.conversations.reactions import on_timeline_event
from aftersail.sla.clocks import do_recompute_clocks

Kind = ConversationEvent.Kind


@register_inbound_step(SLA, "sla.clocks")
def start_clocks(message: Message) -> None:
    do_recompute_clocks(message.conversation)


@register_inbound_step(ACKNOWLEDGE, "sla.acknowledge")
def acknowledge(message: Message) -> None:
    from aftersail.sla.promises import do_acknowledge

    do_acknowledge(message)


@on_timeline_event(
    Kind.MESSAGE_ADDED,
    Kind.STATUS_CHANGED,
    Kind.PRIORITY_CHANGED,
    Kind.ASSIGNED,
    Kind.CATEGORY_CHANGED,
)
def recompute_on_change(event: ConversationEvent) -> None:
    """Any change that can move a due time (a reply, a pause, another policy or team)."""
    if event.kind == Kind.MESSAGE_ADDED and event.data.get("message_kind") in (
        Message.Kind.NOTE,  # internal notes never answer the customer
        Message.Kind.INBOUND,  # the inbound pipeline's SLA step handles these
    ):
        return
    do_recompute_clocks(event.conversation)
    if event.kind == Kind.MESSAGE_ADDED:
        from aftersail.sla.promises import do_settle_promise

        do_settle_promise(event.conversation, at=event.created_at)
