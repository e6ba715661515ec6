"""Conversations in the REST API: what the calling agent may see, nothing more."""

from datetime import datetime
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from aftersail.api.auth import calling_agent
from aftersail.conversations.models import Channel, Conversation, Message, Status
from aftersail.conversations.visibility import visible_conversations

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


class ConversationFilters(Schema):
    status: Status | None = None
    channel: Channel | None = None
    language: str | None = Field(None, max_length=16)


def _conversations(request: HttpRequest) -> QuerySet[Conversation]:
    return visible_conversations(calling_agent(request)).select_related(
        "store", "customer", "team", "assignee", "order"
    )


@router.get("", response=list[ConversationOut], summary="Conversations the caller may see")
@paginate(LimitOffsetPagination)
def list_conversations(
    request: HttpRequest, filters: Query[ConversationFilters]
) -> QuerySet[Conversation]:
    conversations = _conversations(request)
    if filters.status:
        conversations = conversations.filter(status=filters.status)
    if filters.channel:
        conversations = conversations.filter(channel=filters.channel)
    if filters.language:
        conversations = conversations.filter(language=filters.language.lower())
    return conversations


@router.get("/{conversation_id}", response=ConversationOut, summary="One conversation")
def get_conversation(request: HttpRequest, conversation_id: UUID) -> Conversation:
    return get_object_or_404(_conversations(request), public_id=conversation_id)


@router.get(
    "/{conversation_id}/messages", response=list[MessageOut], summary="Its messages, oldest first"
)
@paginate(LimitOffsetPagination)
def list_messages(request: HttpRequest, conversation_id: UUID) -> QuerySet[Message]:
    conversation = get_object_or_404(_conversations(request), public_id=conversation_id)
    return conversation.messages.order_by("created_at", "id")
