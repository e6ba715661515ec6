"""SLA fixtures: office hours for the cast's teams, and a policy."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from aftersail.accounts.models import Team
from aftersail.commerce.models import Store
from aftersail.sla.models import BusinessCalendar, SlaPolicy, TeamCalendar

# Monday 30 November 2026, 09:00 in Berlin.
MONDAY_9_BERLIN = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def office_hours(
    days: range = range(5), start: str = "09:00", end: str = "17:00"
) -> list[dict[str, Any]]:
    return [{"weekday": d, "start": start, "end": end} for d in days]


def make_calendar(
    store: Store, name: str, zone: str, teams: tuple[Team, ...] = (), **extra: Any
) -> BusinessCalendar:
    extra.setdefault("intervals", office_hours())
    calendar = BusinessCalendar.objects.create(store=store, name=name, time_zone=zone, **extra)
    for team in teams:
        TeamCalendar.objects.create(team=team, calendar=calendar)
    return calendar


def make_policy(store: Store, **fields: Any) -> SlaPolicy:
    defaults: dict[str, Any] = {
        "name": "Standard",
        "first_reply_minutes": 120,
        "next_reply_minutes": 240,
        "periodic_update_minutes": 24 * 60,
        "resolution_minutes": 3 * 8 * 60,
        "pause_statuses": ["pending"],
        "warn_at_percent": 75,
    }
    return SlaPolicy.objects.create(store=store, **{**defaults, **fields})


@pytest.fixture
def hours(cast: Any) -> Any:
    """Team A works 09-17 Berlin, team B 09-17 New York, outsourced team 08-20 Manila."""
    make_calendar(
        cast.store,
        "Berlin office",
        "Europe/Berlin",
        (cast.team_a,),
        holiday_country="DE",
        is_store_default=True,
    )
    make_calendar(
        cast.store, "New York office", "America/New_York", (cast.team_b,), holiday_country="US"
    )
    make_calendar(
        cast.store,
        "Manila",
        "Asia/Manila",
        (cast.team_out,),
        intervals=office_hours(range(7), "08:00", "20:00"),
    )
    make_policy(cast.store)
    return cast
