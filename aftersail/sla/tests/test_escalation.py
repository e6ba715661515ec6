"""The breach scan: index use, warnings, breaches, priority raise, follow-the-sun."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aftersail.conversations.models import Priority
from aftersail.sla.clocks import do_recompute_clocks
from aftersail.sla.escalation import clocks_to_check, do_scan_clocks
from aftersail.sla.models import Metric, SlaAlert, SlaClock, SlaPolicy
from aftersail.sla.tests.conftest import MONDAY_9_BERLIN
from aftersail.testing import factories as f


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def open_conversation(cast, when, team, **extra):
    with time_machine.travel(when, tick=False):
        conversation = f.make_conversation(cast.customer, team=team, **extra)

    do_recompute_clocks(conversation)
    return conversation


def kinds(conversation):
    return list(conversation.events.values_list("kind", flat=True))


def test_scan_reads_only_due_clocks_through_the_index(hours):
    query = clocks_to_check(MONDAY_9_BERLIN)
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
        else:
            cursor.execute("SET LOCAL enable_seqscan = off")  # undone with the test's transaction
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
    assert "sla_clock_due_idx" in plan


def test_scan_query_count_does_not_grow_with_clocks_not_due(hours):
    for _ in range(5):
        open_conversation(hours, MONDAY_9_BERLIN, hours.team_a)
    with CaptureQueriesContext(connection) as queries:
        assert do_scan_clocks(MONDAY_9_BERLIN + timedelta(minutes=10)) == {
            "warned": 0,
            "breached": 0,
        }
    assert len(queries) == 1


def test_warning_then_breach_notifies_and_raises_priority(
    hours, django_capture_on_commit_callbacks
):
    conversation = open_conversation(hours, MONDAY_9_BERLIN, hours.team_a, assignee=hours.agent_a)
    first = SlaClock.objects.get(conversation=conversation, metric=Metric.FIRST_REPLY)
    assert first.warn_at == utc(2026, 11, 30, 9, 30)
    with django_capture_on_commit_callbacks(execute=True):
        assert do_scan_clocks(utc(2026, 11, 30, 9, 29)) == {"warned": 0, "breached": 0}
        assert do_scan_clocks(utc(2026, 11, 30, 9, 31)) == {"warned": 1, "breached": 0}
        assert do_scan_clocks(utc(2026, 11, 30, 9, 32)) == {"warned": 0, "breached": 0}
    alerts = set(SlaAlert.objects.filter(clock=first).values_list("agent_id", "kind"))
    assert alerts == {(hours.agent_a.id, "warning"), (hours.supervisor_a.id, "warning")}
    with django_capture_on_commit_callbacks(execute=True):
        counts = do_scan_clocks(utc(2026, 11, 30, 10, 1))
    assert counts["breached"] == 1
    conversation.refresh_from_db()
    first.refresh_from_db()
    assert conversation.priority == Priority.HIGH
    assert conversation.team == hours.team_a  # Berlin is on shift: no hand-over
    assert (first.state, first.breached_at, first.next_check_at) == (
        SlaClock.State.BREACHED,
        utc(2026, 11, 30, 10, 1),
        None,
    )
    events = kinds(conversation)
    assert (events.count("sla_warning"), events.count("sla_breached")) == (1, 1)
    assert SlaAlert.objects.filter(clock=first, kind="breach").count() == 2


def test_off_shift_breach_hands_over_to_on_shift_team_speaking_the_language(
    hours, django_capture_on_commit_callbacks
):
    # An English conversation reaches team A at Monday 16:30 Berlin; with a 29-minute
    # target it is due at 16:59, and at 17:05 Berlin is closed while New York works.

    SlaPolicy.objects.update(first_reply_minutes=29)
    conversation = open_conversation(hours, utc(2026, 11, 30, 15, 30), hours.team_a, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        counts = do_scan_clocks(utc(2026, 11, 30, 16, 5))  # 17:05 Berlin, 11:05 New York
    assert counts["breached"] == 1
    conversation.refresh_from_db()
    assert conversation.team == hours.team_b
    assigned = conversation.events.filter(kind="assigned").get()
    assert (assigned.data["previous_team"], assigned.data["team"]) == ("Team A", "Team B")
