"""Coverage: when a market's customers write, against when a team speaking their language
is on shift, hour by hour over a week in the market's local time."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import QuerySet

from aftersail.accounts.models import Team
from aftersail.conversations.models import Conversation, Message
from aftersail.core.fields import speaks
from aftersail.core.localization import zone_or_utc
from aftersail.customers.selectors import country_zones, zone_for_address
from aftersail.sla.businesstime import Schedule
from aftersail.sla.calendars import ScheduleCache

HOUR = timedelta(hours=1)


@dataclass
class Cell:
    messages: int = 0
    covered: float = 0.0  # share of the hour with a team on shift, 0..1

    @property
    def uncovered(self) -> bool:
        return self.messages > 0 and self.covered < 1.0


@dataclass
class MarketCoverage:
    country: str
    zone: str
    language: str
    teams: list[str]
    grid: list[list[Cell]] = field(default_factory=list)  # [weekday][hour]

    @property
    def messages(self) -> int:
        return sum(cell.messages for row in self.grid for cell in row)

    @property
    def uncovered_messages(self) -> int:
        return sum(cell.messages for row in self.grid for cell in row if cell.uncovered)

    @property
    def uncovered_hours(self) -> int:
        return sum(1 for row in self.grid for cell in row if cell.uncovered)

    @property
    def peak(self) -> int:
        return max((cell.messages for row in self.grid for cell in row), default=0)


def market_zone(country: str) -> str:
    """The zone a market's hours are shown in: its only wall clock, else its first zone."""
    zones = country_zones(country)
    return zone_for_address(country) or (zones[0] if zones else "UTC")


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def covered_time(schedules: list[Schedule], start: datetime, end: datetime) -> timedelta:
    """Time in ``[start, end)`` when at least one of the schedules is open."""
    pieces = []
    for schedule in schedules:
        for span_start, span_end in schedule.spans(start, days=2):
            if span_start >= end:
                break
            pieces.append((max(span_start, start), min(span_end, end)))
    total, cursor = timedelta(0), start
    for piece_start, piece_end in sorted(pieces):
        begin = max(piece_start, cursor)
        if piece_end > begin:
            total += piece_end - begin
            cursor = piece_end
    return total


def market_coverage(
    conversations: QuerySet[Conversation], since: datetime, until: datetime
) -> list[MarketCoverage]:
    """Per market (the customer's country), inbound messages by local weekday and hour in
    ``[since, until)``, and how much of each hour a team speaking the market's main
    language works, measured on the first full week after ``until``."""
    rows = Message.objects.filter(
        conversation__in=conversations,
        kind=Message.Kind.INBOUND,
        created_at__gte=since,
        created_at__lt=until,
    ).values_list("conversation__customer__country", "conversation__language", "created_at")
    by_market: dict[str, list[datetime]] = defaultdict(list)
    languages: dict[str, Counter[str]] = defaultdict(Counter)
    for country, language, created_at in rows:
        if country:
            by_market[country].append(created_at)
            if language:
                languages[country][language.split("-")[0]] += 1
    schedules = ScheduleCache()
    store_id = conversations.values_list("store_id", flat=True).first()
    result = []
    for country in sorted(by_market):
        zone_name = market_zone(country)
        zone = zone_or_utc(zone_name)
        language = languages[country].most_common(1)[0][0] if languages[country] else ""
        teams = list(Team.objects.filter(speaks(language)).order_by("name")) if language else []
        market = MarketCoverage(country, zone_name, language, [t.name for t in teams])
        market.grid = [[Cell() for _hour in range(24)] for _day in range(7)]
        for moment in by_market[country]:
            local = moment.astimezone(zone)
            market.grid[local.weekday()][local.hour].messages += 1
        monday = _monday_on_or_after(until.astimezone(zone).date())
        team_schedules = [schedules.for_team(t.id, store_id or 0) for t in teams]
        for day in range(7):
            for hour in range(24):
                local_start = datetime.combine(monday + timedelta(days=day), time(hour))
                start = local_start.replace(tzinfo=zone).astimezone(UTC)
                worked = covered_time(team_schedules, start, start + HOUR)
                market.grid[day][hour].covered = round(worked / HOUR, 3)
        result.append(market)
    return result
