"""Tags, category, snooze and wake-up, merge and split: each change lands on the timeline."""

from datetime import datetime, timedelta

import pytest
import time_machine

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import (
    ConversationError,
    NewMessage,
    do_add_message,
    do_change_category,
    do_change_tags,
    do_merge,
    do_snooze,
    do_split,
    do_wake,
    wake_due_conversations,
)
from aftersail.conversations.models import Message, Status
from aftersail.conversations.tasks import wake_snoozed_conversations
from aftersail.core.events import check_kind
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db
NOW = datetime.fromisoformat("2026-03-02 09:00:00+00:00")


def kinds(conversation):
    return list(conversation.events.values_list("kind", flat=True))


def test_tags_are_normalized_added_and_removed(cast):
    c = cast.conversation_a
    actor = Actor.of_agent(cast.agent_a)
    assert do_change_tags(c, actor, add=["VIP", "dhl delay"]) == ["dhl-delay", "vip"]
    assert do_change_tags(c, actor, add=["vip"], remove=["dhl-delay"]) == ["vip"]
    assert do_change_tags(c, actor, add=["vip"]) == ["vip"]  # no change, no event
    events = c.events.filter(kind="tags_changed").order_by("id")
    assert [e.data for e in events] == [
        {"added": ["dhl-delay", "vip"], "removed": []},
        {"added": [], "removed": ["dhl-delay"]},
    ]


@pytest.mark.parametrize("bad", ["", " ", "a/b", "x" * 51, "<script>", "tag;drop"])
def test_hostile_tags_are_refused(cast, bad):
    with pytest.raises(ConversationError):
        do_change_tags(cast.conversation_a, Actor.system(), add=[bad])


def test_category_changes_are_recorded_and_checked(cast):
    c = cast.conversation_a
    do_change_category(c, "damaged_item", Actor.of_agent(cast.agent_a))
    assert c.category == "damaged_item"
    assert c.events.get(kind="category_changed").data == {"old": "", "new": "damaged_item"}
    with pytest.raises(ConversationError):
        do_change_category(c, "nonsense", Actor.system())


def test_snooze_hides_until_the_periodic_wake_up(cast):
    c = cast.conversation_a
    with time_machine.travel(NOW, tick=False):
        do_snooze(c, NOW + timedelta(hours=4), Actor.of_agent(cast.agent_a))
    c.refresh_from_db()
    assert (c.status, c.snoozed_until) == (Status.PENDING, NOW + timedelta(hours=4))
    with time_machine.travel(NOW + timedelta(hours=3, minutes=59), tick=False):
        assert wake_due_conversations() == 0
    with time_machine.travel(NOW + timedelta(hours=4), tick=False):
        wake_snoozed_conversations.call_local()
    c.refresh_from_db()
    assert (c.status, c.snoozed_until) == (Status.OPEN, None)
    assert c.events.get(kind="woke_up").data == {"reason": "time"}
    assert do_wake(c, Actor.system(), reason="time") is False  # idempotent


def test_snooze_in_the_past_is_refused(cast):
    with time_machine.travel(NOW, tick=False), pytest.raises(ConversationError):
        do_snooze(cast.conversation_a, NOW - timedelta(minutes=1), Actor.system())


def test_customer_reply_wakes_a_snoozed_conversation_and_reopens_solved(cast):
    c = cast.conversation_a
    with time_machine.travel(NOW, tick=False):
        do_snooze(c, NOW + timedelta(days=2), Actor.system())
        do_add_message(c, NewMessage(kind="inbound", author_kind="customer", text="Any news?"))
    c.refresh_from_db()
    assert (c.status, c.snoozed_until) == (Status.OPEN, None)
    assert c.events.get(kind="woke_up").data == {"reason": "reply"}


def test_merge_moves_messages_and_closes_the_source(cast):
    customer = cast.customer
    target = cast.conversation_a
    source = f.make_conversation(customer, team=cast.team_a, text="Also: invoice please")
    do_change_tags(source, Actor.system(), add=["invoice"])
    do_merge(source, target, Actor.of_agent(cast.agent_a))
    source.refresh_from_db()
    assert source.status == Status.CLOSED and source.merged_into == target
    assert source.messages.count() == 0
    assert sorted(target.messages.values_list("body_text", flat=True)) == [
        "Also: invoice please",
        "Wo ist mein Paket?",
    ]
    assert list(target.tags.values_list("name", flat=True)) == ["invoice"]
    assert target.events.get(kind="merged").data == {
        "source": source.id,
        "target": target.id,
        "messages": 1,
    }
    assert "merged" in kinds(source)


def test_merge_refuses_other_customers_and_itself(cast):
    with pytest.raises(ConversationError):
        do_merge(cast.conversation_b, cast.conversation_a, Actor.system())
    with pytest.raises(ConversationError):
        do_merge(cast.conversation_a, cast.conversation_a, Actor.system())


def test_split_moves_one_message_to_a_new_conversation(cast):
    c = cast.conversation_a
    second = do_add_message(
        c, NewMessage(kind="inbound", author_kind="customer", text="Separate: my invoice")
    )
    new = do_split(second, Actor.of_agent(cast.agent_a), subject="Invoice")
    assert new.customer == c.customer and new.team == c.team and new.subject == "Invoice"
    assert list(new.messages.values_list("body_text", flat=True)) == ["Separate: my invoice"]
    assert list(c.messages.values_list("body_text", flat=True)) == ["Wo ist mein Paket?"]
    assert c.events.get(kind="split").data["target"] == new.id
    assert new.status == Status.OPEN


def test_split_refuses_the_only_message_and_agent_messages(cast):
    only = cast.conversation_a.messages.get()
    with pytest.raises(ConversationError):
        do_split(only, Actor.system())
    note = do_add_message(
        cast.conversation_a, NewMessage(kind="note", author_kind="agent", text="n")
    )
    with pytest.raises(ConversationError):
        do_split(note, Actor.system())
    assert Message.objects.filter(id=note.id, conversation=cast.conversation_a).exists()


def test_every_lifecycle_event_kind_is_known():
    for kind in ("tags_changed", "snoozed", "woke_up", "merged", "split", "mentioned"):
        assert check_kind("conversation", kind).app == "conversations"
