"""Conversations in the REST API: what the caller may see, nothing more."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja import Status as Reply
from ninja.errors import HttpError
from ninja.pagination import paginate

from aftersail.accounts.models import Agent, Team
from aftersail.api.auth import Caller, caller
from aftersail.api.errors import refused
from aftersail.api.models import Scope
from aftersail.api.pagination import Pagination
from aftersail.api.schemas import Input
from aftersail.conversations import actions
from aftersail.conversations.actions import NewMessage, do_add_message, do_open_conversation
from aftersail.conversations.models import (
    Category,
    Channel,
    Conversation,
    Message,
    Priority,
    Status,
)
from aftersail.core.errors import ActionError

router = Router(tags=["conversations"])


class ConversationOut(Schema):
    id: UUID = Field(alias="public_id")
    number: int = Field(alias="id")
    store: str = Field(alias="store.slug")
    customer: UUID = Field(alias="customer.public_id")
    channel: str
    status: str
    priority: str
    category: str
    subject: str
    language: str
    team: str | None = Field(None, alias="team.name")
    assignee: UUID | None = Field(None, alias="assignee.public_id")
    order_number: str | None = Field(None, alias="order.number")
    created_at: datetime
    last_message_at: datetime


class MessageOut(Schema):
    id: UUID = Field(alias="public_id")
    kind: str
    author_kind: str
    channel: str
    body_text: str
    body_html: str
    language: str
    created_at: datetime


class ConversationFilters(Input):
    status: Status | None = None
    channel: Channel | None = None
    language: str | None = Field(None, max_length=16)
    priority: Priority | None = None
    category: Category | None = None
    team: str | None = Field(None, max_length=100, description="Team name")
    assignee: UUID | None = Field(None, description="Agent id; see also `unassigned`")
    unassigned: bool | None = None
    customer: UUID | None = None


class ConversationIn(Input):
    customer: UUID
    text: str = Field(min_length=1, max_length=100_000, description="The customer's message")
    subject: str = Field("", max_length=300)
    channel: Channel = Channel.API
    language: str = Field("", max_length=16, pattern=r"^([a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?)?$")
    team: str | None = Field(None, max_length=100)
    order_number: str | None = Field(None, max_length=40)


class ConversationPatch(Input):
    status: Status | None = None
    priority: Priority | None = None
    category: Category | Literal[""] | None = None
    team: str | None = Field(None, max_length=100, description="Team name; '' unassigns")
    assignee: UUID | None = None
    unassign: bool = Field(False, description="Remove the assignee")


class MessageIn(Input):
    kind: Literal["reply", "note"] = "reply"
    text: str = Field("", max_length=100_000)
    html: str = Field("", max_length=500_000)


def _conversations(who: Caller) -> QuerySet[Conversation]:
    return who.conversations().select_related("store", "customer", "team", "assignee", "order")


def _visible(who: Caller, conversation_id: UUID) -> Conversation:
    return get_object_or_404(_conversations(who), public_id=conversation_id)


def _read(request: HttpRequest) -> Caller:
    who = caller(request)
    who.require(Scope.CONVERSATIONS_READ)
    return who


def _write(request: HttpRequest) -> Caller:
    who = caller(request)
    who.require(Scope.CONVERSATIONS_WRITE)
    return who


def _team(name: str) -> Team:
    team = Team.objects.filter(name=name).first()
    if team is None:
        raise HttpError(422, f"No team named {name!r}")
    return team


@router.get("", response=list[ConversationOut], summary="Conversations the caller may see")
@paginate(Pagination)
def list_conversations(
    request: HttpRequest, filters: Query[ConversationFilters]
) -> QuerySet[Conversation]:
    conversations = _conversations(_read(request))
    simple = {
        "status": filters.status,
        "channel": filters.channel,
        "priority": filters.priority,
        "category": filters.category,
        "team__name": filters.team,
        "assignee__public_id": filters.assignee,
        "customer__public_id": filters.customer,
    }
    conversations = conversations.filter(**{k: v for k, v in simple.items() if v is not None})
    if filters.language:
        conversations = conversations.filter(language=filters.language.lower())
    if filters.unassigned is not None:
        conversations = conversations.filter(assignee__isnull=filters.unassigned)
    return conversations


@router.post("", response={201: ConversationOut}, summary="Open a conversation")
def create_conversation(request: HttpRequest, data: ConversationIn) -> Reply:
    """Opens a conversation with the customer's first message, which then runs through the
    inbound pipeline like any other (acknowledgement, assignment, ...)."""
    who = _write(request)
    customer = get_object_or_404(who.customers(), public_id=data.customer)
    team = _team(data.team) if data.team else None
    order = None
    if data.order_number:
        order = customer.orders.filter(number=data.order_number).first()
        if order is None:
            raise HttpError(422, f"The customer has no order {data.order_number!r}")
    try:
        with transaction.atomic():
            conversation = do_open_conversation(
                store=customer.store,
                customer=customer,
                channel=data.channel,
                actor=who.actor,
                subject=data.subject,
                language=data.language.lower(),
                order=order,
                team=team,
            )
            do_add_message(
                conversation,
                NewMessage(
                    kind=Message.Kind.INBOUND,
                    author_kind=Message.AuthorKind.CUSTOMER,
                    text=data.text,
                    language=data.language.lower(),
                ),
            )
    except ActionError as exc:
        raise refused(exc) from exc
    return Reply(201, _visible_or_created(who, conversation))


def _visible_or_created(who: Caller, conversation: Conversation) -> Conversation:
    # A caller may open a conversation for a team it cannot see; it still gets the answer.
    return _conversations(who).filter(
        id=conversation.id
    ).first() or Conversation.objects.select_related(
        "store", "customer", "team", "assignee", "order"
    ).get(id=conversation.id)


@router.get("/{conversation_id}", response=ConversationOut, summary="One conversation")
def get_conversation(request: HttpRequest, conversation_id: UUID) -> Conversation:
    return _visible(_read(request), conversation_id)


@router.patch("/{conversation_id}", response=ConversationOut, summary="Change a conversation")
def update_conversation(
    request: HttpRequest, conversation_id: UUID, data: ConversationPatch
) -> Conversation:
    """Changes status, priority, category, team and assignee; each change is recorded on
    the conversation's timeline (and sent to webhooks)."""
    who = _write(request)
    conversation = _visible(who, conversation_id)
    fields = data.model_fields_set
    team = conversation.team
    if "team" in fields:
        team = _team(data.team) if data.team else None
    assignee = conversation.assignee
    if data.unassign:
        assignee = None
    elif data.assignee is not None:
        assignee = Agent.objects.filter(public_id=data.assignee).first()
        if assignee is None:
            raise HttpError(422, "No agent with that id")
    try:
        with transaction.atomic():
            if data.status is not None:
                actions.do_change_status(conversation, data.status, who.actor)
            if data.priority is not None:
                actions.do_change_priority(conversation, data.priority, who.actor)
            if data.category is not None:
                actions.do_change_category(conversation, data.category, who.actor)
            if team != conversation.team or assignee != conversation.assignee:
                actions.do_assign(conversation, team=team, agent=assignee, actor=who.actor)
    except ActionError as exc:
        raise refused(exc) from exc
    return _visible_or_created(who, conversation)


@router.get(
    "/{conversation_id}/messages", response=list[MessageOut], summary="Its messages, oldest first"
)
@paginate(Pagination)
def list_messages(request: HttpRequest, conversation_id: UUID) -> QuerySet[Message]:
    conversation = _visible(_read(request), conversation_id)
    return conversation.messages.order_by("created_at", "id")


@router.post(
    "/{conversation_id}/messages",
    response={201: MessageOut},
    summary="Reply to the customer or add an internal note",
)
def create_message(request: HttpRequest, conversation_id: UUID, data: MessageIn) -> Reply:
    """A reply is delivered on the conversation's channel by the background worker; a note
    stays inside the desk."""
    who = _write(request)
    conversation = _visible(who, conversation_id)
    try:
        message = do_add_message(
            conversation,
            NewMessage(
                kind=data.kind,
                author_kind=Message.AuthorKind.AGENT,
                author_agent=who.agent,
                text=data.text,
                html=data.html,
                language=conversation.language if data.kind == "reply" else "",
            ),
            actor=who.actor,
        )
    except ActionError as exc:
        raise refused(exc) from exc
    return Reply(201, message)
