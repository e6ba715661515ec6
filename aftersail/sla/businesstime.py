"""Business-time arithmetic on a weekly schedule, exact across DST changes.

A :class:`Schedule` is a time zone, working intervals per weekday on the local wall clock,
and closed dates (public holidays from the ``holidays`` package plus custom closures).
Intervals belong to the local date they start on: ``(4, 22:00, 06:00)`` is Friday 22:00 to
Saturday 06:00, and a holiday on Friday removes it, a holiday on Saturday does not.

Wall times are turned into instants with :mod:`zoneinfo`; a start that falls into a DST gap
(e.g. 02:30 on the spring-forward night in Europe/Warsaw) moves forward by the gap, and an
ambiguous wall time (the repeated hour in autumn) means its first occurrence (``fold=0``).
So an interval 00:00-24:00 lasts 23 h on the spring-forward day and 25 h on the fall-back
day: business time is elapsed real time inside working hours.

All functions take aware datetimes and compute in UTC (Python subtracts two datetimes that
share a tzinfo as wall times, which is wrong across DST). Amounts are ``timedelta``, exact
to the microsecond; nothing here reads the clock.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

ZERO = timedelta(0)
DAY_MINUTES = 24 * 60
# How far ahead a search for working time looks before it gives up (a schedule with
# no intervals, or one closed by holidays for ever).
SEARCH_DAYS = 3 * 366


class NeverOpenError(ValueError):
    """The schedule has no working time within the search horizon."""


@dataclass(frozen=True)
class Interval:
    """Working time on one weekday (0 = Monday), in minutes after local midnight.

    ``end`` may exceed 1440: the interval then crosses midnight into the next day."""

    weekday: int
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday {self.weekday} is not 0 (Monday) to 6 (Sunday)")
        if (
            not 0 <= self.start < DAY_MINUTES
            or not self.start < self.end <= self.start + DAY_MINUTES
        ):
            raise ValueError(f"interval {self.start}-{self.end} is not within one day's length")

    @classmethod
    def parse(cls, weekday: int, start: str, end: str) -> Interval:
        """``Interval.parse(0, "22:00", "06:00")`` crosses midnight; "24:00" ends the day."""
        start_minute, end_minute = _minutes(start), _minutes(end)
        if end_minute <= start_minute:
            end_minute += DAY_MINUTES
        return cls(weekday, start_minute, end_minute)


def _minutes(text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    value = int(hours) * 60 + int(minutes or 0)
    if not 0 <= value <= DAY_MINUTES or not 0 <= int(minutes or 0) < 60:
        raise ValueError(f"{text!r} is not a time of day such as 09:30")
    return value


@lru_cache(maxsize=256)
def public_holidays(country: str, subdivision: str, year: int) -> frozenset[date]:
    """Public holidays from the ``holidays`` package (python-holidays, which cites each
    country's statutes in its sources: https://github.com/vacanza/holidays)."""
    import holidays

    try:
        table = holidays.country_holidays(country, subdiv=subdivision or None, years=year)
    except NotImplementedError:
        return frozenset()
    return frozenset(table.keys())


@dataclass(frozen=True)
class Schedule:
    zone: zoneinfo.ZoneInfo
    intervals: tuple[Interval, ...]
    closed_dates: frozenset[date] = frozenset()
    holiday_country: str = ""
    holiday_subdivision: str = ""
    _by_weekday: dict[int, list[Interval]] = field(default_factory=dict, compare=False, repr=False)
    # Working spans per local date, computed once per schedule object (it never changes).
    _day_cache: dict[date, list[tuple[datetime, datetime]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        for interval in sorted(self.intervals, key=lambda i: (i.weekday, i.start)):
            self._by_weekday.setdefault(interval.weekday, []).append(interval)

    @classmethod
    def always_open(cls) -> Schedule:
        """Calendar hours: every second counts."""
        return cls(zoneinfo.ZoneInfo("UTC"), tuple(Interval(d, 0, DAY_MINUTES) for d in range(7)))

    def is_closed_date(self, day: date) -> bool:
        if day in self.closed_dates:
            return True
        if self.holiday_country:
            return day in public_holidays(self.holiday_country, self.holiday_subdivision, day.year)
        return False

    def _wall(self, day: date, minute: int) -> datetime:
        naive = datetime.combine(day, time()) + timedelta(minutes=minute)
        # zoneinfo resolves gaps and folds with fold=0; normalizing through UTC makes the
        # gap case land after the jump instead of on a wall time that never existed.
        return naive.replace(tzinfo=self.zone).astimezone(UTC)

    def _day_spans(self, day: date) -> list[tuple[datetime, datetime]]:
        cached = self._day_cache.get(day)
        if cached is not None:
            return cached
        spans: list[tuple[datetime, datetime]] = []
        if not self.is_closed_date(day):
            for interval in self._by_weekday.get(day.weekday(), ()):
                start, end = self._wall(day, interval.start), self._wall(day, interval.end)
                if end > start:
                    spans.append((start, end))
            spans.sort()
        if len(self._day_cache) > 4096:
            self._day_cache.clear()
        self._day_cache[day] = spans
        return spans

    def spans(
        self, moment: datetime, days: int = SEARCH_DAYS
    ) -> Iterator[tuple[datetime, datetime]]:
        """Working spans in UTC, merged and in order, that end after ``moment``."""
        local_day = moment.astimezone(self.zone).date() - timedelta(days=1)
        pending: tuple[datetime, datetime] | None = None
        for offset in range(days + 2):
            for start, end in self._day_spans(local_day + timedelta(days=offset)):
                if pending is not None and start <= pending[1]:
                    pending = (pending[0], max(pending[1], end))
                    continue
                if pending is not None and pending[1] > moment:
                    yield pending
                pending = (start, end)
        if pending is not None and pending[1] > moment:
            yield pending


def is_open(schedule: Schedule, moment: datetime) -> bool:
    for start, _end in schedule.spans(moment, days=2):
        return start <= moment
    return False


def next_open(schedule: Schedule, moment: datetime) -> datetime:
    """``moment`` itself when the schedule is open then, else the next opening."""
    for start, _end in schedule.spans(moment):
        return max(start, moment)
    raise NeverOpenError("the schedule never opens")


def add_business_time(schedule: Schedule, start: datetime, amount: timedelta) -> datetime:
    """The instant at which ``amount`` of working time has passed since ``start``."""
    if amount < ZERO:
        raise ValueError("business time cannot be added backwards")
    remaining = amount
    tzinfo, start = start.tzinfo, start.astimezone(UTC)
    for span_start, span_end in schedule.spans(start):
        begin = max(span_start, start)
        available = span_end - begin
        if remaining <= available:
            return (begin + remaining).astimezone(tzinfo)
        remaining -= available
    raise NeverOpenError("the schedule has not enough working time ahead")


def business_time_between(schedule: Schedule, start: datetime, end: datetime) -> timedelta:
    """Working time inside ``[start, end)``; zero when ``end`` is not after ``start``."""
    total = ZERO
    if end <= start:
        return total
    # Aware datetimes sharing a tzinfo subtract as wall times; UTC keeps it real time.
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    days = (end - start).days + 3
    for span_start, span_end in schedule.spans(start, days=days):
        if span_start >= end:
            break
        total += min(span_end, end) - max(span_start, start)
    return total


Pauses = list[tuple[datetime, datetime | None]]


def due_with_pauses(
    schedule: Schedule, start: datetime, target: timedelta, pauses: Pauses
) -> datetime | None:
    """When ``target`` of working time, not counting the pauses, has passed since ``start``.

    ``pauses`` are ``(from, until)`` periods in order; ``until`` None means paused still,
    and the result is None (no due time while the clock stands still). A pause that
    overlaps working time pushes the due time later by that much working time.
    """
    used = ZERO
    cursor = start
    for pause_start, pause_end in pauses:
        if pause_end is not None and pause_end <= cursor:
            continue
        begin = max(pause_start, cursor)
        # Does the target run out before this pause begins?
        budget = business_time_between(schedule, cursor, begin)
        if used + budget >= target:
            return add_business_time(schedule, cursor, target - used)
        used += budget
        if pause_end is None:
            return None
        cursor = max(pause_end, cursor)
    return add_business_time(schedule, cursor, target - used)


def counted_time(schedule: Schedule, start: datetime, end: datetime, pauses: Pauses) -> timedelta:
    """Working time in ``[start, end)`` outside the pauses: the time a clock has used."""
    total = business_time_between(schedule, start, end)
    for pause_start, pause_end in pauses:
        total -= business_time_between(
            schedule, max(pause_start, start), min(pause_end or end, end)
        )
    return max(total, ZERO)
