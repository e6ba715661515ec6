"""The breach scan: warnings, breaches, priority raises and follow-the-sun hand-over.

It reads only clocks whose ``next_check_at`` has come, through the partial index
``sla_clock_due_idx``, and claims each with a conditional UPDATE so that two workers
scanning at once never warn or escalate twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent, Team
from aftersail.conversations.actions import do_assign, do_change_priority, do_record
from aftersail.conversations.models import Conversation, Priority
from aftersail.core.fields import speaks
from aftersail.sla import events as sla_events
from aftersail.sla.businesstime import is_open
from aftersail.sla.calendars import ScheduleCache
from aftersail.sla.models import SlaAlert, SlaClock

log = logging.getLogger(__name__)
RAISED = {
    Priority.LOW: Priority.NORMAL,
    Priority.NORMAL: Priority.HIGH,
    Priority.HIGH: Priority.URGENT,
}
SCAN_BATCH = 500


def clocks_to_check(now: datetime) -> QuerySet[SlaClock]:
    return SlaClock.objects.filter(next_check_at__isnull=False, next_check_at__lte=now).order_by(
        "next_check_at"
    )


def _people_to_tell(conversation: Conversation) -> list[Agent]:
    people: list[Agent] = []
    if conversation.assignee is not None:
        people.append(conversation.assignee)
    if conversation.team_id is not None:
        people += list(
            Agent.objects.filter(teams=conversation.team_id, role=Agent.Role.SUPERVISOR)
            .exclude(id__in=[conversation.assignee_id or 0])
            .order_by("id")
        )
    return people


def _alert(clock: SlaClock, kind: str) -> list[str]:
    people = _people_to_tell(clock.conversation)
    for agent in people:
        SlaAlert.objects.get_or_create(clock=clock, agent=agent, kind=kind)
    return [str(agent.public_id) for agent in people]


def on_shift_team_for(
    conversation: Conversation, now: datetime, schedules: ScheduleCache
) -> Team | None:
    """A team on shift now that speaks the conversation's language (fewest open first)."""
    teams = Team.objects.exclude(id__in=[conversation.team_id or 0]).order_by("name")
    if conversation.language:
        teams = teams.filter(speaks(conversation.language.split("-")[0]))
    for team in teams:
        if is_open(schedules.for_team(team.id, conversation.store_id), now):
            return team
    return None


def _warn(clock: SlaClock, now: datetime) -> None:
    recipients = _alert(clock, SlaAlert.Kind.WARNING)
    do_record(
        clock.conversation,
        sla_events.SLA_WARNING,
        Actor.system(),
        at=now,
        metric=clock.metric,
        due_at=clock.due_at.isoformat() if clock.due_at else None,
        notified=recipients,
    )


def _breach(clock: SlaClock, now: datetime, schedules: ScheduleCache) -> None:
    conversation = clock.conversation
    recipients = _alert(clock, SlaAlert.Kind.BREACH)
    do_record(
        conversation,
        sla_events.SLA_BREACHED,
        Actor.system(),
        at=now,
        metric=clock.metric,
        due_at=clock.due_at.isoformat() if clock.due_at else None,
        notified=recipients,
    )
    raised = RAISED.get(Priority(conversation.priority))
    if raised is not None:
        do_change_priority(conversation, raised, Actor.system())
    team_open = is_open(schedules.for_team(conversation.team_id, conversation.store_id), now)
    if not team_open:
        other = on_shift_team_for(conversation, now, schedules)
        if other is not None:
            do_assign(conversation, team=other, agent=None, actor=Actor.system())


@transaction.atomic
def _check(clock: SlaClock, now: datetime, schedules: ScheduleCache) -> str | None:
    breach = clock.due_at is not None and clock.due_at <= now
    new_next = None if breach else clock.due_at
    claimed = SlaClock.objects.filter(id=clock.id, next_check_at=clock.next_check_at).update(
        next_check_at=new_next,
        warned_at=clock.warned_at or now,
        breached_at=now if breach else None,
        state=SlaClock.State.BREACHED if breach else clock.state,
    )
    if claimed != 1:
        return None  # another worker took it, or a recompute moved it
    clock.refresh_from_db()
    if breach:
        _breach(clock, now, schedules)
        return "breached"
    _warn(clock, now)
    return "warned"


def do_scan_clocks(now: datetime | None = None) -> dict[str, int]:
    """Warns and escalates what is due; returns counts by outcome."""
    moment = now or timezone.now()
    schedules = ScheduleCache()
    counts = {"warned": 0, "breached": 0}
    batch = list(
        clocks_to_check(moment).select_related("conversation__assignee", "conversation__team")[
            :SCAN_BATCH
        ]
    )
    for clock in batch:
        try:
            outcome = _check(clock, moment, schedules)
        except Exception:  # one bad clock must not stop the scan
            log.exception("SLA check of clock %s failed", clock.id)
            continue
        if outcome:
            counts[outcome] += 1
    return counts
