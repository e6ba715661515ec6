"""End to end with a controlled clock: a conversation is acknowledged with a promise, warned,
breached and handed over to the on-shift team in New York, and the promise is recorded as
broken; a second one answered in time keeps its promise."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from django.core import mail

from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Message, Priority
from aftersail.sla.models import Metric, Promise, SlaAlert, SlaClock
from aftersail.sla.tasks import scan_sla_clocks
from aftersail.sla.tests.conftest import make_policy
from aftersail.testing import factories as f


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_warned_escalated_followed_by_the_sun_and_promise_settled(
    hours, django_capture_on_commit_callbacks
):
    # English chat and email: two calendar hours to the first reply.
    make_policy(hours.store, name="English", position=1, languages=["en"], business_hours=False)
    customer = f.make_customer(
        hours.store,
        name="Sam Tan",
        language="en",
        time_zone="Asia/Singapore",
        email="sam@mail.example",
        country="SG",
    )
    other = f.make_customer(hours.store, name="Ana", language="en", email="ana@mail.example")
    with time_machine.travel(utc(2026, 11, 30, 15), tick=False) as clock:  # 16:00 Berlin
        with django_capture_on_commit_callbacks(execute=True):
            late = f.make_conversation(
                customer,
                team=hours.team_a,
                assignee=hours.agent_a,
                language="en",
                subject="Broken zip",
            )
            on_time = f.make_conversation(other, team=hours.team_a, language="en", subject="Size")
        promise = Promise.objects.get(conversation=late)
        assert promise.reply_by == utc(2026, 11, 30, 17)
        assert "reply by Tuesday 01:00, Singapore time." in mail.outbox[0].body

        clock.move_to(utc(2026, 11, 30, 16, 31))
        with django_capture_on_commit_callbacks(execute=True):
            scan_sla_clocks()
        warnings = late.events.filter(kind="sla_warning").values_list("data", flat=True)
        assert [w["metric"] for w in warnings] == [Metric.FIRST_REPLY]
        warned = set(
            SlaAlert.objects.filter(kind="warning", clock__conversation=late).values_list(
                "agent_id", flat=True
            )
        )
        assert warned == {hours.agent_a.id, hours.supervisor_a.id}

        clock.move_to(utc(2026, 11, 30, 16, 45))
        with django_capture_on_commit_callbacks(execute=True):
            do_add_message(
                on_time,
                NewMessage(
                    kind="reply", author_kind="agent", author_agent=hours.agent_a, text="M fits."
                ),
            )

        clock.move_to(utc(2026, 11, 30, 17, 1))  # 18:01 Berlin (closed), 12:01 New York
        with django_capture_on_commit_callbacks(execute=True):
            scan_sla_clocks()
        late.refresh_from_db()
        assert late.priority == Priority.HIGH
        assert late.team == hours.team_b
        assert late.assignee is None
        first = SlaClock.objects.get(conversation=late, metric=Metric.FIRST_REPLY)
        assert (first.state, first.breached_at) == (
            SlaClock.State.BREACHED,
            utc(2026, 11, 30, 17, 1),
        )

        clock.move_to(utc(2026, 11, 30, 17, 20))
        with django_capture_on_commit_callbacks(execute=True):
            do_add_message(
                late,
                NewMessage(
                    kind="reply", author_kind="agent", author_agent=hours.agent_b, text="Sorry!"
                ),
            )
    assert Promise.objects.get(conversation=late).state == Promise.State.BROKEN
    assert Promise.objects.get(conversation=on_time).state == Promise.State.KEPT
    first.refresh_from_db()
    assert (first.state, first.stopped_at) == (SlaClock.State.BREACHED, utc(2026, 11, 30, 17, 20))
    kinds = list(late.events.values_list("kind", flat=True))
    for kind in (
        "promise_made",
        "sla_warning",
        "sla_breached",
        "priority_changed",
        "assigned",
        "promise_broken",
    ):
        assert kind in kinds
    assert kinds.index("sla_warning") < kinds.index("sla_breached") < kinds.index("assigned")
    assert Message.objects.filter(conversation=late, kind="reply").count() == 1
