"""SLA clocks: the matching policy, due times in working hours, pauses, public agent replies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import (
    NewMessage,
    do_add_message,
    do_change_status,
)
from aftersail.conversations.models import Message, Status, Tag
from aftersail.sla.clocks import do_recompute_clocks, policy_matches
from aftersail.sla.models import Metric, SlaClock
from aftersail.sla.tests.conftest import MONDAY_9_BERLIN, make_policy
from aftersail.testing import factories as f


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def clock(conversation, metric):
    return SlaClock.objects.filter(conversation=conversation, metric=metric).latest("started_at")


def reply(conversation, agent, text="Here is the answer.", kind=Message.Kind.REPLY):
    return do_add_message(
        conversation,
        NewMessage(kind=kind, author_kind=Message.AuthorKind.AGENT, author_agent=agent, text=text),
    )


def test_new_conversation_starts_clocks_in_team_hours(hours, django_capture_on_commit_callbacks):
    # Monday 16:30 Berlin: 30 min today, 90 min from Tuesday 09:00.
    with (
        time_machine.travel(utc(2026, 11, 30, 15, 30), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        conversation = f.make_conversation(hours.customer, team=hours.team_a)
    first = clock(conversation, Metric.FIRST_REPLY)
    assert (first.state, first.due_at) == (SlaClock.State.RUNNING, utc(2026, 12, 1, 9, 30))
    assert first.warn_at == utc(2026, 12, 1, 9)  # 75 % of two working hours
    assert first.next_check_at == first.warn_at
    resolution = clock(conversation, Metric.RESOLUTION)
    assert resolution.due_at == utc(2026, 12, 3, 15, 30)  # 24 working hours
    assert not SlaClock.objects.filter(metric=Metric.NEXT_REPLY).exists()


def test_public_agent_reply_meets_first_reply_and_notes_do_not(
    hours, django_capture_on_commit_callbacks
):
    with time_machine.travel(MONDAY_9_BERLIN, tick=False) as traveller:
        with django_capture_on_commit_callbacks(execute=True):
            conversation = f.make_conversation(hours.customer, team=hours.team_a)
        traveller.shift(timedelta(minutes=30))
        with django_capture_on_commit_callbacks(execute=True):
            reply(conversation, hours.agent_a, "Checking with the warehouse.", Message.Kind.NOTE)
        assert clock(conversation, Metric.FIRST_REPLY).state == SlaClock.State.RUNNING
        traveller.shift(timedelta(minutes=30))
        with django_capture_on_commit_callbacks(execute=True):
            reply(conversation, hours.agent_a)
    first = clock(conversation, Metric.FIRST_REPLY)
    assert (first.state, first.stopped_at) == (SlaClock.State.MET, utc(2026, 11, 30, 9))
    assert (first.business_seconds, first.calendar_seconds, first.next_check_at) == (
        3600,
        3600,
        None,
    )
    update = clock(conversation, Metric.PERIODIC_UPDATE)
    assert (update.started_at, update.state) == (utc(2026, 11, 30, 9), SlaClock.State.RUNNING)


def test_late_reply_breaches_and_next_reply_starts_at_oldest_unanswered(
    hours, django_capture_on_commit_callbacks
):
    with time_machine.travel(MONDAY_9_BERLIN, tick=False) as traveller:
        with django_capture_on_commit_callbacks(execute=True):
            conversation = f.make_conversation(hours.customer, team=hours.team_a)
        traveller.shift(timedelta(hours=3))
        with django_capture_on_commit_callbacks(execute=True):
            reply(conversation, hours.agent_a)
        for _ in range(2):
            traveller.shift(timedelta(minutes=10))
            with django_capture_on_commit_callbacks(execute=True):
                do_add_message(
                    conversation, NewMessage(kind="inbound", author_kind="customer", text="And?")
                )
    assert clock(conversation, Metric.FIRST_REPLY).state == SlaClock.State.BREACHED
    following = clock(conversation, Metric.NEXT_REPLY)
    assert following.started_at == utc(2026, 11, 30, 11, 10)
    assert following.due_at == utc(2026, 11, 30, 15, 10)


def test_pending_pauses_and_resumes_the_clock(hours, django_capture_on_commit_callbacks):
    with time_machine.travel(MONDAY_9_BERLIN, tick=False) as traveller:
        with django_capture_on_commit_callbacks(execute=True):
            conversation = f.make_conversation(hours.customer, team=hours.team_a)
        traveller.shift(timedelta(minutes=30))
        with django_capture_on_commit_callbacks(execute=True):
            do_change_status(conversation, Status.PENDING, Actor.of_agent(hours.agent_a))
        paused = clock(conversation, Metric.FIRST_REPLY)
        assert (paused.state, paused.due_at, paused.next_check_at) == (
            SlaClock.State.PAUSED,
            None,
            None,
        )
        traveller.shift(timedelta(hours=2))
        with django_capture_on_commit_callbacks(execute=True):
            do_add_message(
                conversation, NewMessage(kind="inbound", author_kind="customer", text="Any news?")
            )
    resumed = clock(conversation, Metric.FIRST_REPLY)
    # 30 min used before the pause; 90 min left from 10:30 UTC.
    assert (resumed.state, resumed.due_at) == (SlaClock.State.RUNNING, utc(2026, 11, 30, 12))


def test_recompute_is_idempotent_and_keeps_scan_marks(hours, django_capture_on_commit_callbacks):
    with (
        time_machine.travel(MONDAY_9_BERLIN, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        conversation = f.make_conversation(hours.customer, team=hours.team_a)
    SlaClock.objects.filter(metric=Metric.FIRST_REPLY).update(warned_at=utc(2026, 11, 30, 9, 30))
    before = SlaClock.objects.count()
    do_recompute_clocks(conversation)
    do_recompute_clocks(conversation)
    first = clock(conversation, Metric.FIRST_REPLY)
    assert SlaClock.objects.count() == before
    assert (first.warned_at, first.next_check_at) == (utc(2026, 11, 30, 9, 30), first.due_at)


def test_first_matching_policy_in_order_wins(hours):
    vip = make_policy(
        hours.store,
        name="Chat DE",
        position=1,
        channels=["chat"],
        countries=["DE"],
        first_reply_minutes=15,
    )
    conversation = hours.conversation_a
    assert not policy_matches(vip, conversation)
    conversation.channel = "chat"
    conversation.save()
    assert policy_matches(vip, conversation)
    do_recompute_clocks(conversation)
    assert clock(conversation, Metric.FIRST_REPLY).target_seconds == 15 * 60


def test_calendar_hours_policy_counts_every_hour(hours, django_capture_on_commit_callbacks):
    make_policy(hours.store, name="24/7", position=1, business_hours=False, first_reply_minutes=60)
    with (
        time_machine.travel(utc(2026, 12, 5, 12), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):  # a Saturday
        conversation = f.make_conversation(hours.customer, team=hours.team_a)
    assert clock(conversation, Metric.FIRST_REPLY).due_at == utc(2026, 12, 5, 13)


def test_without_a_policy_there_are_no_clocks(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        f.make_conversation(cast.customer, team=cast.team_a)
    assert not SlaClock.objects.exists()


def test_policy_for_a_tag_matches_tagged_conversations(hours):

    vip = make_policy(hours.store, name="VIP", position=1, customer_tags=["vip"])
    conversation = hours.conversation_a
    assert not policy_matches(vip, conversation)
    conversation.tags.add(Tag.objects.create(name="vip"))
    assert policy_matches(vip, conversation)
