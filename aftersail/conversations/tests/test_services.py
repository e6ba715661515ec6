from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import (
    ConversationError,
    NewMessage,
    do_add_message,
    do_assign,
    do_change_priority,
    do_change_status,
    do_open_conversation,
)
from aftersail.conversations.models import Conversation, Message, Status
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


def _events(conversation: Conversation) -> list[tuple[str, dict]]:
    return [(e.kind, e.data) for e in conversation.events.order_by("created_at", "id")]


def test_open_conversation_records_creation_and_takes_the_customer_language(cast):
    with time_machine.travel("2026-11-20 08:15:00+00:00", tick=False):
        conversation = do_open_conversation(
            store=cast.store, customer=cast.customer, channel="form", actor=Actor.customer()
        )
    assert conversation.language == "de"
    assert conversation.status == Status.NEW
    assert conversation.last_message_at.isoformat() == "2026-11-20T08:15:00+00:00"
    assert _events(conversation) == [("created", {"channel": "form"})]


def test_open_conversation_refuses_foreign_orders_and_stores(cast):
    other_customer = cast.conversation_b.customer
    foreign_order = f.make_order(other_customer)
    with pytest.raises(ConversationError, match="another customer"):
        do_open_conversation(
            store=cast.store,
            customer=cast.customer,
            channel="email",
            actor=Actor.customer(),
            order=foreign_order,
        )
    with pytest.raises(ConversationError, match="another store"):
        do_open_conversation(
            store=f.make_store(), customer=cast.customer, channel="email", actor=Actor.customer()
        )
    with pytest.raises(ConversationError, match="unknown channel"):
        do_open_conversation(
            store=cast.store, customer=cast.customer, channel="pigeon", actor=Actor.customer()
        )


def test_add_message_sanitizes_html_and_derives_text(cast):
    message = do_add_message(
        cast.conversation_a,
        NewMessage(
            kind="inbound",
            author_kind="customer",
            html='<p>Paket <b>fehlt</b></p><img src=x onerror="alert(1)">',
        ),
    )
    assert message.body_html == '<p>Paket <b>fehlt</b></p><img src="x">'
    assert message.body_text == "Paket fehlt"
    assert message.channel == "email"


def test_add_message_refuses_empty_and_misattributed_messages(cast):
    with pytest.raises(ConversationError, match="needs a text"):
        do_add_message(
            cast.conversation_a,
            NewMessage(kind="inbound", author_kind="customer", html="<script>x</script>"),
        )
    with pytest.raises(ConversationError, match="come from the customer"):
        do_add_message(
            cast.conversation_a, NewMessage(kind="inbound", author_kind="agent", text="x")
        )
    with pytest.raises(ConversationError, match="unknown message kind"):
        do_add_message(cast.conversation_a, NewMessage(kind="shout", author_kind="agent", text="x"))


def test_a_customer_reply_reopens_a_pending_or_solved_conversation(cast):
    conversation = cast.conversation_a
    do_change_status(conversation, Status.SOLVED, Actor.of_agent(cast.agent_a))
    later = timezone.now() + timedelta(hours=3)
    do_add_message(
        conversation,
        NewMessage(kind="inbound", author_kind="customer", text="Doch noch eine Frage", at=later),
    )
    conversation.refresh_from_db()
    assert conversation.status == Status.OPEN
    assert conversation.last_message_at == later
    kinds = [(kind, data.get("new")) for kind, data in _events(conversation)]
    assert kinds[-3:] == [
        ("status_changed", "solved"),
        ("message_added", None),
        ("status_changed", "open"),
    ]


def test_an_agent_reply_does_not_reopen_and_is_pending_delivery(cast):
    conversation = cast.conversation_a
    do_change_status(conversation, Status.PENDING, Actor.of_agent(cast.agent_a))
    reply = do_add_message(
        conversation,
        NewMessage(kind="reply", author_kind="agent", author_agent=cast.agent_a, text="Unterwegs!"),
    )
    conversation.refresh_from_db()
    assert conversation.status == Status.PENDING
    assert reply.delivery == Message.Delivery.PENDING
    assert conversation.events.last().actor_agent == cast.agent_a


def test_older_messages_do_not_move_last_message_at(cast):
    conversation = cast.conversation_a
    before = conversation.last_message_at
    do_add_message(
        conversation,
        NewMessage(
            kind="inbound", author_kind="customer", text="old", at=before - timedelta(days=2)
        ),
    )
    conversation.refresh_from_db()
    assert conversation.last_message_at == before


def test_status_priority_and_assignment_are_recorded(cast):
    conversation = cast.conversation_a
    actor = Actor.of_agent(cast.supervisor_a)
    do_change_status(conversation, Status.OPEN, actor)
    do_change_status(conversation, Status.OPEN, actor)  # no change, no event
    do_change_priority(conversation, "urgent", actor)
    do_assign(conversation, team=cast.team_a, agent=cast.agent_a, actor=actor)
    events = _events(conversation)[-3:]
    assert events == [
        ("status_changed", {"old": "new", "new": "open"}),
        ("priority_changed", {"old": "normal", "new": "urgent"}),
        (
            "assigned",
            {
                "team": "Team A",
                "agent": str(cast.agent_a.public_id),
                "previous_team": "Team A",
                "previous_agent": None,
            },
        ),
    ]
    with pytest.raises(ConversationError, match="unknown status"):
        do_change_status(conversation, "lost", actor)
    with pytest.raises(ConversationError, match="unknown priority"):
        do_change_priority(conversation, "meh", actor)


def test_an_agent_can_only_be_assigned_within_their_team(cast):
    with pytest.raises(ConversationError, match="not a member of Team B"):
        do_assign(
            cast.conversation_a,
            team=cast.team_b,
            agent=cast.agent_a,
            actor=Actor.of_agent(cast.admin),
        )
