"""Changes to conversations. Each ``do_*`` function validates, writes, and records the change
on the conversation's timeline in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from aftersail.accounts.models import Agent, Team
from aftersail.commerce.models import Order, Store
from aftersail.conversations import timeline
from aftersail.conversations.models import (
    Channel,
    Conversation,
    ConversationEvent,
    Message,
    Priority,
    Status,
)
from aftersail.conversations.tasks import process_inbound_message
from aftersail.conversations.timeline import Actor
from aftersail.core.html import html_to_text, sanitize_html
from aftersail.core.queue import enqueue_on_commit
from aftersail.customers.models import Customer
from aftersail.messaging.registry import reply_channel
from aftersail.messaging.tasks import deliver_message

Event = ConversationEvent.Kind


class ConversationError(ValueError):
    """A change that the conversation's state or the inputs do not allow."""


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
    timeline.record(conversation, Event.CREATED, actor, at=when, channel=channel)
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


@transaction.atomic
def do_add_message(conversation: Conversation, new: NewMessage) -> Message:
    """Adds a message; an inbound message wakes a solved or pending conversation."""
    if new.kind not in Message.Kind.values:
        raise ConversationError(f"unknown message kind {new.kind!r}")
    if new.kind == Message.Kind.INBOUND and new.author_kind != Message.AuthorKind.CUSTOMER:
        raise ConversationError("inbound messages come from the customer")
    html = sanitize_html(new.html)
    text = new.text.strip() or html_to_text(html)
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
    actor = (
        Actor.of_agent(new.author_agent)
        if new.author_agent
        else Actor(ConversationEvent.ActorKind.CUSTOMER)
        if new.author_kind == Message.AuthorKind.CUSTOMER
        else Actor.system()
    )
    timeline.record(
        conversation,
        Event.MESSAGE_ADDED,
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
        timeline.record(conversation, Event.WOKE_UP, Actor.customer(), at=when, reason="reply")
        conversation.snoozed_until = None
        update_fields.append("snoozed_until")
    if new.kind == Message.Kind.INBOUND and conversation.status in (Status.SOLVED, Status.PENDING):
        _set_status(conversation, Status.OPEN, Actor.customer(), when)
        update_fields.append("status")
    conversation.save(update_fields=update_fields)
    if new.kind == Message.Kind.INBOUND:
        enqueue_on_commit(process_inbound_message, message.id)
    elif new.kind == Message.Kind.REPLY:
        enqueue_on_commit(deliver_message, message.id)
    return message


def _set_status(conversation: Conversation, status: str, actor: Actor, when: datetime) -> None:
    timeline.record(
        conversation, Event.STATUS_CHANGED, actor, at=when, old=conversation.status, new=status
    )
    conversation.status = status


@transaction.atomic
def do_change_status(conversation: Conversation, status: str, actor: Actor) -> None:
    if status not in Status.values:
        raise ConversationError(f"unknown status {status!r}")
    if status == conversation.status:
        return
    _set_status(conversation, status, actor, timezone.now())
    conversation.save(update_fields=["status", "updated_at"])


@transaction.atomic
def do_change_priority(conversation: Conversation, priority: str, actor: Actor) -> None:
    if priority not in Priority.values:
        raise ConversationError(f"unknown priority {priority!r}")
    if priority == conversation.priority:
        return
    timeline.record(
        conversation, Event.PRIORITY_CHANGED, actor, old=conversation.priority, new=priority
    )
    conversation.priority = priority
    conversation.save(update_fields=["priority", "updated_at"])


@transaction.atomic
def do_assign(
    conversation: Conversation, *, team: Team | None, agent: Agent | None, actor: Actor
) -> None:
    """Hands the conversation to a team and/or an agent; the agent must be in the team."""
    if agent is not None and team is not None and not agent.teams.filter(id=team.id).exists():
        raise ConversationError(f"{agent} is not a member of {team}")
    if team == conversation.team and agent == conversation.assignee:
        return
    timeline.record(
        conversation,
        Event.ASSIGNED,
        actor,
        team=team.name if team else None,
        agent=str(agent.public_id) if agent else None,
        previous_team=conversation.team.name if conversation.team else None,
        previous_agent=str(conversation.assignee.public_id) if conversation.assignee else None,
    )
    conversation.team = team
    conversation.assignee = agent
    conversation.save(update_fields=["team", "assignee", "updated_at"])
