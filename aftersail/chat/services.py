"""What happens in a chat: the visitor's messages go through ``do_add_message`` (so the
inbound pipeline runs), the assistant answers first when it is installed, otherwise (or when
it gives up) the chat goes to an agent, or, when no agent is available, to email."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent
from aftersail.assignment.selectors import on_shift
from aftersail.chat import strings
from aftersail.chat.assistant_bridge import assistant_turn
from aftersail.chat.models import AgentPresence, ChatSession
from aftersail.chat.sessions import chat_settings, session_language
from aftersail.conversations.actions import (
    NewMessage,
    do_add_message,
    do_continue_on_channel,
    do_open_conversation,
)
from aftersail.conversations.models import Channel, Conversation, Message
from aftersail.core import ratelimit
from aftersail.customers.actions import CustomerError, IdentityKind, do_add_identity
from aftersail.sla.actions import do_carry_promise_to_email
from aftersail.sla.selectors import reply_by_values

MAX_TEXT = 4000
MESSAGES_PER_MINUTE = 20
S = ChatSession.State


class ChatError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_message_allowed(session: ChatSession) -> None:
    if not ratelimit.hit("chat-msg", session.public_id.hex, limit=MESSAGES_PER_MINUTE,
                         window_seconds=60):  # fmt: skip
        raise ChatError("too_fast")


def agents_available(session: ChatSession) -> bool:
    """An agent of the chat team (any team when none is set) has switched chat on and is on
    shift (agents without shifts count as always on shift, as in routing)."""
    team = chat_settings(session.store).team
    agents = Agent.objects.filter(presence__available=True, user__is_active=True)
    if team is not None:
        agents = agents.filter(teams=team)
    now = timezone.now()
    return any(
        on_shift(agent.shifts.all(), agent.time_zone, now)
        for agent in agents.prefetch_related("shifts").distinct()
    )


def _ensure_conversation(session: ChatSession, subject: str) -> Conversation:
    if session.conversation is not None:
        return session.conversation
    conversation = do_open_conversation(
        store=session.store,
        customer=session.customer,
        channel=Channel.CHAT,
        actor=Actor.customer(),
        subject=subject[:80],
        language=session_language(session),
        team=chat_settings(session.store).team,
    )
    session.conversation = conversation
    session.save(update_fields=["conversation", "updated_at"])
    return conversation


@transaction.atomic
def do_customer_message(session: ChatSession, text: str, client_id: str) -> Message | None:
    """Stores the visitor's message (once per ``client_id``); None for a repeat."""
    text = text.strip()
    if not text:
        raise ChatError("empty")
    if len(text) > MAX_TEXT:
        raise ChatError("too_long")
    external_id = f"{session.public_id.hex}:{client_id[:64]}"
    if Message.objects.filter(channel=Channel.CHAT, external_id=external_id).exists():
        return None
    conversation = _ensure_conversation(session, text)
    try:
        with transaction.atomic():
            return do_add_message(
                conversation,
                NewMessage(
                    kind=Message.Kind.INBOUND,
                    author_kind=Message.AuthorKind.CUSTOMER,
                    text=text,
                    channel=Channel.CHAT,
                    external_id=external_id,
                    language=session_language(session),
                ),
            )
    except IntegrityError:  # the same message arrived twice at the same moment
        return None


def _say(session: ChatSession, text: str, author: str = Message.AuthorKind.SYSTEM) -> Message:
    conversation = _ensure_conversation(session, text)
    return do_add_message(
        conversation,
        NewMessage(kind=Message.Kind.REPLY, author_kind=author, text=text,
                   language=session_language(session)),
    )  # fmt: skip


@transaction.atomic
def do_respond(session: ChatSession, message: Message) -> None:
    """The desk's answer to a new visitor message, according to the chat's state."""
    if session.state == S.ASK_EMAIL and "@" in message.body_text and " " not in message.body_text:
        do_leave_email(session, message.body_text)
        return
    if session.state != S.ASSISTANT:
        return
    turn = assistant_turn(session, message)
    if turn is not None and not turn.handover and turn.text:
        session.assistant_state = turn.state
        session.save(update_fields=["assistant_state", "updated_at"])
        _say(session, turn.text, Message.AuthorKind.ASSISTANT)
        return
    announced = turn is not None and bool(turn.text)
    if turn is not None and turn.text:
        _say(session, turn.text, Message.AuthorKind.ASSISTANT)
    if turn is not None and turn.note:
        # The agent who takes over reads what the assistant found (a verified order, what
        # of it can go back) instead of asking the customer again.
        do_add_message(
            _ensure_conversation(session, turn.text),
            NewMessage(kind=Message.Kind.NOTE, author_kind=Message.AuthorKind.SYSTEM,
                       text=turn.note),
        )  # fmt: skip
    do_hand_over(session, announced=announced)


def do_hand_over(session: ChatSession, *, announced: bool = False) -> None:
    """To an agent when one is available (the assistant may have announced it already),
    else the visitor is asked for an email address."""
    language = session_language(session)
    if agents_available(session):
        session.state = S.WAITING
        session.save(update_fields=["state", "updated_at"])
        if not announced:
            with override(language):
                _say(session, str(strings.HANDED_OVER))
        return
    session.state = S.ASK_EMAIL
    session.save(update_fields=["state", "updated_at"])
    with override(language):
        _say(session, str(strings.NO_AGENT))


@transaction.atomic
def do_leave_email(session: ChatSession, address: str) -> None:
    """The visitor's address joins the customer and the conversation continues by email."""
    language = session_language(session)
    try:
        # An address someone else in the store has stays theirs: the chat continues to it,
        # and an agent may merge the two records.
        identity, _added = do_add_identity(session.customer, IdentityKind.EMAIL, address)
    except CustomerError:
        raise ChatError("invalid_email") from None
    address = identity.value
    conversation = _ensure_conversation(session, address)
    if session.state in (S.ASK_EMAIL, S.ASSISTANT):
        do_continue_on_channel(conversation, Channel.EMAIL)
        session.state = S.EMAIL
        session.save(update_fields=["state", "updated_at"])
        do_add_message(
            conversation,
            NewMessage(kind=Message.Kind.NOTE, author_kind=Message.AuthorKind.SYSTEM,
                       text=f"No agent was available for the chat; it continues by email "
                            f"to {address}."),
        )  # fmt: skip
        # The reply-by promise made for the chat now goes out by email, and is said here.
        promise = do_carry_promise_to_email(conversation, address)
        with override(language):
            if promise is not None:
                values = reply_by_values(promise.reply_by, promise.customer_zone, language)
                text = str(strings.CONTINUES_BY_EMAIL_BY) % {"email": address, **values}
            else:
                text = str(strings.CONTINUES_BY_EMAIL) % {"email": address}
        # Said on the chat channel: this one line still reaches the open widget.
        do_add_message(
            conversation,
            NewMessage(kind=Message.Kind.REPLY, author_kind=Message.AuthorKind.SYSTEM,
                       text=text, channel=Channel.CHAT, language=language),
        )  # fmt: skip


def do_set_presence(agent: Agent, available: bool) -> None:
    AgentPresence.objects.update_or_create(agent=agent, defaults={"available": available})


@dataclass(frozen=True)
class WireMessage:
    id: int
    payload: dict[str, Any]


def wire_messages(conversation_id: int, after_id: int = 0, *, replies_only: bool = False,
                  limit: int = 200) -> list[WireMessage]:  # fmt: skip
    """Public messages as the widget shows them, oldest first."""
    messages = Message.objects.filter(conversation_id=conversation_id, id__gt=after_id).exclude(
        kind=Message.Kind.NOTE
    )
    if replies_only:
        messages = messages.filter(kind=Message.Kind.REPLY)
    rows = messages.select_related("author_agent__user").prefetch_related("attachments")
    result = []
    for message in rows.order_by("id")[:limit]:
        author = message.author_kind
        name = ""
        if message.author_agent is not None:
            name = message.author_agent.user.full_name.split(" ")[0]
        result.append(
            WireMessage(message.id, {
                "id": message.public_id.hex,
                "author": author,
                "name": name,
                "text": message.body_text,
                "at": message.created_at.isoformat(),
                "attachments": [
                    {"name": a.filename, "size": a.size} for a in message.attachments.all()
                ],
            })
        )  # fmt: skip
    return result
