"""Changes to conversations. Each ``do_*`` function checks who asks and the state, writes,
and records the change on the conversation's timeline in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent, Team
from aftersail.commerce.models import Order, Store
from aftersail.conversations import events as conversation_events
from aftersail.conversations import timeline
from aftersail.conversations.models import (
    Channel,
    Conversation,
    Message,
    Priority,
    Status,
    reply_channel,
)
from aftersail.conversations.permissions import (
    ConversationError,
    check_assign,
    check_may_change,
    check_may_open,
)
from aftersail.conversations.pipeline import process_inbound_message
from aftersail.core.html import html_to_text, sanitize_html
from aftersail.core.queue import enqueue_on_commit
from aftersail.customers.models import Customer


def check_order_belongs_to_customer(order: Order | None, customer: Customer) -> None:
    if order is not None and order.customer_id != customer.id:
        raise ConversationError("the order belongs to another customer")


@transaction.atomic
def do_open_conversation(
    *,
    store: Store,
    customer: Customer,
    channel: str,
    actor: Actor,
    subject: str = "",
    language: str = "",
    order: Order | None = None,
    team: Team | None = None,
    at: datetime | None = None,
) -> Conversation:
    if channel not in Channel.values:
        raise ConversationError(f"unknown channel {channel!r}")
    if customer.store_id != store.id:
        raise ConversationError("the customer belongs to another store")
    check_order_belongs_to_customer(order, customer)
    check_may_open(actor, store, team)
    when = at or timezone.now()
    conversation = Conversation.objects.create(
        store=store,
        customer=customer,
        channel=channel,
        subject=subject[:300],
        language=language or customer.language,
        order=order,
        team=team,
        created_at=when,
        last_message_at=when,
    )
    timeline.record(conversation, conversation_events.CREATED, actor, at=when, channel=channel)
    return conversation


@dataclass
class NewMessage:
    kind: str
    author_kind: str
    text: str = ""
    html: str = ""
    author_agent: Agent | None = None
    channel: str = ""
    language: str = ""
    external_id: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    at: datetime | None = None


def message_actor(new: NewMessage) -> Actor:
    if new.author_agent is not None:
        return Actor.of_agent(new.author_agent)
    if new.author_kind == Message.AuthorKind.CUSTOMER:
        return Actor.customer()
    return Actor.system()


@transaction.atomic
def do_add_message(
    conversation: Conversation, new: NewMessage, *, actor: Actor | None = None
) -> Message:
    """Adds a message; an inbound message wakes a solved or pending conversation.

    ``actor`` is who adds it when that is not its author (an API key posting an agent's
    reply); by default the author."""
    if new.kind not in Message.Kind.values:
        raise ConversationError(f"unknown message kind {new.kind!r}")
    if new.kind == Message.Kind.INBOUND and new.author_kind != Message.AuthorKind.CUSTOMER:
        raise ConversationError("inbound messages come from the customer")
    actor = actor or message_actor(new)
    check_may_change(actor, conversation)
    # PostgreSQL text cannot hold NUL bytes; no channel needs them in a message body.
    # (U+FFFD marks where one was, so a message of nothing but NULs is still stored.)
    html = sanitize_html(new.html.replace("\x00", "\ufffd"))
    text = new.text.replace("\x00", "\ufffd").strip() or html_to_text(html)
    if not text and not html:
        raise ConversationError("a message needs a text")
    when = new.at or timezone.now()
    channel = new.channel or conversation.channel
    if new.kind == Message.Kind.REPLY and not new.channel:
        channel = reply_channel(conversation.channel)
    message = Message.objects.create(
        conversation=conversation,
        kind=new.kind,
        author_kind=new.author_kind,
        author_agent=new.author_agent,
        channel=channel,
        body_text=text,
        body_html=html,
        language=new.language,
        external_id=new.external_id,
        channel_metadata=new.metadata,
        delivery=Message.Delivery.PENDING if new.kind == Message.Kind.REPLY else "",
        created_at=when,
    )
    timeline.record(
        conversation,
        conversation_events.MESSAGE_ADDED,
        actor,
        at=when,
        message=str(message.public_id),
        message_kind=new.kind,
    )
    update_fields = ["updated_at"]
    if when > conversation.last_message_at:
        conversation.last_message_at = when
        update_fields.append("last_message_at")
    if new.kind == Message.Kind.INBOUND and conversation.snoozed_until is not None:
        timeline.record(
            conversation, conversation_events.WOKE_UP, Actor.customer(), at=when, reason="reply"
        )
        conversation.snoozed_until = None
        update_fields.append("snoozed_until")
    if new.kind == Message.Kind.INBOUND and conversation.status in (Status.SOLVED, Status.PENDING):
        _set_status(conversation, Status.OPEN, Actor.customer(), when)
        update_fields.append("status")
    conversation.save(update_fields=update_fields)
    if new.kind == Message.Kind.INBOUND:
        enqueue_on_commit(process_inbound_message, message.id)
    return message


def _set_status(conversation: Conversation, status: str, actor: Actor, when: datetime) -> None:
    timeline.record(
        conversation,
        conversation_events.STATUS_CHANGED,
        actor,
        at=when,
        old=conversation.status,
        new=status,
    )
    conversation.status = status


@transaction.atomic
def do_change_status(conversation: Conversation, status: str, actor: Actor) -> None:
    if status not in Status.values:
        raise ConversationError(f"unknown status {status!r}")
    check_may_change(actor, conversation)
    if status == conversation.status:
        return
    _set_status(conversation, status, actor, timezone.now())
    conversation.save(update_fields=["status", "updated_at"])


@transaction.atomic
def do_change_priority(conversation: Conversation, priority: str, actor: Actor) -> None:
    if priority not in Priority.values:
        raise ConversationError(f"unknown priority {priority!r}")
    check_may_change(actor, conversation)
    if priority == conversation.priority:
        return
    timeline.record(
        conversation,
        conversation_events.PRIORITY_CHANGED,
        actor,
        old=conversation.priority,
        new=priority,
    )
    conversation.priority = priority
    conversation.save(update_fields=["priority", "updated_at"])


def team_for_assignee(conversation: Conversation, agent: Agent) -> Team | None:
    """The team that goes with handing ``conversation`` to ``agent`` when nobody chose one
    ("Assign to me", the inbox's bulk assign): the conversation's own team if the agent is
    in it, else the agent's first team. Whether the caller may hand it there is still
    :func:`do_assign`'s to decide."""
    if conversation.team_id is not None and agent.teams.filter(id=conversation.team_id).exists():
        return conversation.team
    return agent.teams.order_by("name", "id").first()


@transaction.atomic
def do_assign(
    conversation: Conversation, *, team: Team | None, agent: Agent | None, actor: Actor
) -> None:
    """Hands the conversation to a team and/or an agent; the agent must be in the team, and
    whoever asks must be allowed to hand it there (see ``permissions.check_assign``)."""
    check_assign(actor, conversation, team, agent)
    if team == conversation.team and agent == conversation.assignee:
        return
    timeline.record(
        conversation,
        conversation_events.ASSIGNED,
        actor,
        team=team.name if team else None,
        agent=str(agent.public_id) if agent else None,
        previous_team=conversation.team.name if conversation.team else None,
        previous_agent=str(conversation.assignee.public_id) if conversation.assignee else None,
    )
    conversation.team = team
    conversation.assignee = agent
    conversation.save(update_fields=["team", "assignee", "updated_at"])
