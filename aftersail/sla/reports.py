"""SLA reports: reply and resolution times (business and calendar), attainment and promises
kept, grouped by team, market, language or channel, over dates in the viewer's zone."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from statistics import median

from django.db.models import QuerySet

from aftersail.conversations.models import Conversation
from aftersail.core.localization import zone_or_utc
from aftersail.sla.models import Metric, Promise, SlaClock

DIMENSIONS = {
    "team": "conversation__team__name",
    "market": "conversation__customer__country",
    "language": "conversation__language",
    "channel": "conversation__channel",
}
TIMED = (Metric.FIRST_REPLY, Metric.NEXT_REPLY, Metric.RESOLUTION)


def date_range(first: date, last: date, zone_name: str) -> tuple[datetime, datetime]:
    """``[first 00:00, the day after last 00:00)`` on the viewer's wall clock, in UTC."""
    zone = zone_or_utc(zone_name)
    start = datetime.combine(first, time()).replace(tzinfo=zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time()).replace(tzinfo=zone)
    return start, end.astimezone(UTC)


@dataclass
class Times:
    business: list[int] = field(default_factory=list)
    calendar: list[int] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.calendar)

    @property
    def median_business(self) -> float | None:
        return median(self.business) if self.business else None

    @property
    def median_calendar(self) -> float | None:
        return median(self.calendar) if self.calendar else None


@dataclass
class Row:
    key: str
    times: dict[str, Times] = field(default_factory=lambda: {m: Times() for m in TIMED})
    met: int = 0
    breached: int = 0
    kept: int = 0
    broken: int = 0

    @property
    def attainment(self) -> float | None:
        decided = self.met + self.breached
        return self.met / decided if decided else None

    @property
    def promises_kept(self) -> float | None:
        settled = self.kept + self.broken
        return self.kept / settled if settled else None


def sla_report(
    conversations: QuerySet[Conversation], by: str, start: datetime, end: datetime
) -> list[Row]:
    """Rows per value of ``by`` for clocks started and promises made in ``[start, end)``."""
    if by not in DIMENSIONS:
        raise ValueError(f"unknown dimension {by!r}")
    key_field = DIMENSIONS[by]
    rows: dict[str, Row] = defaultdict(lambda: Row(""))
    clocks = SlaClock.objects.filter(
        conversation__in=conversations, started_at__gte=start, started_at__lt=end
    ).values_list(key_field, "metric", "state", "business_seconds", "calendar_seconds")
    for key, metric, state, business, calendar in clocks:
        row = rows[key or "-"]
        if metric in TIMED and calendar is not None:
            row.times[metric].calendar.append(calendar)
            row.times[metric].business.append(business or 0)
        if state == SlaClock.State.MET:
            row.met += 1
        elif state == SlaClock.State.BREACHED:
            row.breached += 1
    promises = Promise.objects.filter(
        conversation__in=conversations, received_at__gte=start, received_at__lt=end
    ).values_list(key_field, "state")
    for key, state in promises:
        row = rows[key or "-"]
        if state == Promise.State.KEPT:
            row.kept += 1
        elif state == Promise.State.BROKEN:
            row.broken += 1
    for key, row in rows.items():
        row.key = key
    return [rows[key] for key in sorted(rows)]
