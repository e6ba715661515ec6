"""From a conversation's history to its SLA clock runs; pure, no database.

Semantics follow the common helpdesk definitions (see shared/domain/sla.md: Zendesk,
Freshdesk, Zammad): only public agent replies answer; the first reply runs from creation;
next reply from the oldest unanswered customer message; periodic update from one agent
reply to the next while the conversation is open; resolution from creation to solved,
with earlier solved spells (later reopened) not counted. Pausing statuses stop every clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from aftersail.sla.businesstime import Pauses, Schedule, business_time_between, due_with_pauses
from aftersail.sla.models import Metric

DONE_STATUSES = ("solved", "closed")


@dataclass(frozen=True)
class History:
    created_at: datetime
    customer_messages: list[datetime]
    agent_replies: list[datetime]  # public replies by agents only
    statuses: list[tuple[datetime, str]]  # (when, new status), in order, from "new"


@dataclass(frozen=True)
class Targets:
    by_metric: dict[str, timedelta]
    pause_statuses: tuple[str, ...]
    warn_share: float  # 0.75 warns at 75 % of the target


@dataclass(frozen=True)
class Run:
    metric: str
    started_at: datetime
    target: timedelta
    due_at: datetime | None  # None while paused
    warn_at: datetime | None
    stopped_at: datetime | None
    breached: bool  # stopped after its due time

    @property
    def paused(self) -> bool:
        return self.stopped_at is None and self.due_at is None


def _periods(statuses: list[tuple[datetime, str]], wanted: tuple[str, ...]) -> Pauses:
    periods: Pauses = []
    since: datetime | None = None
    for when, status in statuses:
        if status in wanted and since is None:
            since = when
        elif status not in wanted and since is not None:
            periods.append((since, when))
            since = None
    if since is not None:
        periods.append((since, None))
    return periods


def _clip(pauses: Pauses, stop: datetime | None) -> Pauses:
    if stop is None:
        return pauses
    return [(s, stop if e is None or e > stop else e) for s, e in pauses if s < stop]


def _run(
    metric: str,
    start: datetime,
    stop: datetime | None,
    target: timedelta,
    schedule: Schedule,
    pauses: Pauses,
    warn_share: float,
) -> Run:
    # The due time as it stood when the run stopped (or stands now): pauses after the stop
    # do not matter; a stopped run has no open-ended pause.
    relevant = _clip(pauses, stop)
    if stop is not None:
        relevant = [(s, e if e is not None else stop) for s, e in relevant]
    due = due_with_pauses(schedule, start, target, relevant)
    if stop is not None and due is None:  # unreachable: clipped pauses all end
        due = stop
    warn = due_with_pauses(schedule, start, target * warn_share, relevant) if due else None
    breached = stop is not None and due is not None and stop > due
    return Run(metric, start, target, due, warn, stop, breached)


def compute_runs(history: History, targets: Targets, schedule: Schedule) -> list[Run]:
    runs: list[Run] = []
    pause = _periods(history.statuses, targets.pause_statuses)
    done = _periods(history.statuses, DONE_STATUSES)
    replies = sorted(history.agent_replies)
    inbound = sorted(history.customer_messages)
    final_done = done[-1][0] if done and done[-1][1] is None else None

    def add(
        metric: str, start: datetime, stop: datetime | None, extra: Pauses | None = None
    ) -> None:
        target = targets.by_metric.get(metric)
        if target:
            merged = sorted([*pause, *(extra or [])], key=lambda p: p[0])
            runs.append(_run(metric, start, stop, target, schedule, merged, targets.warn_share))

    first_reply = replies[0] if replies else None
    add(Metric.FIRST_REPLY, history.created_at, first_reply or final_done)
    # Next reply: each customer message that arrives after an agent reply and before the
    # next one starts a run (the oldest unanswered message counts).
    for index, reply in enumerate(replies):
        following = replies[index + 1] if index + 1 < len(replies) else None
        waiting = [m for m in inbound if m > reply and (following is None or m < following)]
        if waiting:
            stop = following if following is not None else final_done
            add(Metric.NEXT_REPLY, waiting[0], stop)
        # Periodic update: while open, an agent writes again within the target.
        stop = following
        if final_done is not None and (stop is None or final_done < stop) and final_done > reply:
            stop = final_done
        add(Metric.PERIODIC_UPDATE, reply, stop)
    earlier_done = [period for period in done if period[1] is not None]
    add(Metric.RESOLUTION, history.created_at, final_done, earlier_done)
    return runs


def elapsed(schedule: Schedule, start: datetime, stop: datetime) -> tuple[int, int]:
    """(business seconds, calendar seconds) between two instants, for reports."""
    business = business_time_between(schedule, start, stop)
    return int(business.total_seconds()), int((stop - start).total_seconds())
