"""Which working hours apply: a team's calendar, else its store's default, as a Schedule."""

from __future__ import annotations

from datetime import datetime

from aftersail.accounts.models import Team
from aftersail.commerce.models import Store
from aftersail.core.localization import zone_or_utc
from aftersail.sla.businesstime import Interval, Schedule, is_open
from aftersail.sla.models import BusinessCalendar, TeamCalendar


def schedule_of(calendar: BusinessCalendar) -> Schedule:
    intervals = tuple(
        Interval.parse(int(item["weekday"]), str(item["start"]), str(item["end"]))
        for item in calendar.intervals
    )
    closed = frozenset(calendar.closures.values_list("date", flat=True))
    return Schedule(
        zone_or_utc(calendar.time_zone),
        intervals,
        closed_dates=closed,
        holiday_country=calendar.holiday_country,
        holiday_subdivision=calendar.holiday_subdivision,
    )


class ScheduleCache:
    """Schedules by team and store for one unit of work (a request, a scan, a batch)."""

    def __init__(self) -> None:
        self._by_calendar: dict[int, Schedule] = {}
        self._team_calendar: dict[int, int | None] = {}
        self._store_default: dict[int, int | None] = {}

    def _schedule(self, calendar_id: int | None) -> Schedule | None:
        if calendar_id is None:
            return None
        if calendar_id not in self._by_calendar:
            calendar = BusinessCalendar.objects.get(id=calendar_id)
            self._by_calendar[calendar_id] = schedule_of(calendar)
        return self._by_calendar[calendar_id]

    def for_store(self, store_id: int) -> Schedule | None:
        if store_id not in self._store_default:
            self._store_default[store_id] = (
                BusinessCalendar.objects.filter(store_id=store_id, is_store_default=True)
                .values_list("id", flat=True)
                .first()
            )
        return self._schedule(self._store_default[store_id])

    def for_team(self, team_id: int | None, store_id: int) -> Schedule:
        """The team's working hours; the store default; else every hour (no calendar yet)."""
        if team_id is not None and team_id not in self._team_calendar:
            self._team_calendar[team_id] = (
                TeamCalendar.objects.filter(team_id=team_id)
                .values_list("calendar_id", flat=True)
                .first()
            )
        own = self._schedule(self._team_calendar.get(team_id)) if team_id is not None else None
        return own or self.for_store(store_id) or Schedule.always_open()


def team_schedule(team: Team | None, store: Store) -> Schedule:
    return ScheduleCache().for_team(team.id if team else None, store.id)


def on_shift(team: Team, store: Store, moment: datetime) -> bool:
    return is_open(team_schedule(team, store), moment)
