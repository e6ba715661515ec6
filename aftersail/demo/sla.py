"""Demo data for the SLA app: team calendars, policies, clocks and promises.

Called by the demo loader after the conversations exist; deterministic (no randomness:
everything follows from the conversations' own timestamps)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aftersail.conversations.models import Conversation
from aftersail.sla.actions import do_backfill
from aftersail.sla.models import BusinessCalendar, SlaPolicy, TeamCalendar

if TYPE_CHECKING:
    from aftersail.demo.context import DemoContext

WEEKDAYS = range(5)
CALENDARS = (
    # team, zone, holidays of, weekdays, start, end
    ("Europe", "Europe/Berlin", "DE", WEEKDAYS, "08:00", "18:00"),
    ("Americas", "America/New_York", "US", WEEKDAYS, "09:00", "17:30"),
    ("Asia-Pacific", "Asia/Manila", "PH", range(6), "07:00", "19:00"),
)
POLICIES: tuple[tuple[str, dict[str, list[str]], int, int, int | None, int], ...] = (
    # name, conditions, first reply, next reply, periodic update, resolution (minutes)
    ("Live chat", {"channels": ["chat"]}, 15, 60, None, 8 * 60),
    ("Japan and Australia", {"countries": ["JP", "AU"]}, 4 * 60, 8 * 60, 24 * 60, 3 * 10 * 60),
    ("Standard", {}, 8 * 60, 8 * 60, 2 * 8 * 60, 5 * 8 * 60),
)


def build_sla_demo(ctx: DemoContext) -> None:
    for position, (team, zone, country, days, start, end) in enumerate(CALENDARS):
        calendar = BusinessCalendar.objects.create(
            store=ctx.store,
            name=f"{team} office hours",
            time_zone=zone,
            holiday_country=country,
            intervals=[{"weekday": d, "start": start, "end": end} for d in days],
            is_store_default=position == 0,
        )
        TeamCalendar.objects.create(team=ctx.teams[team], calendar=calendar)
    for position, (name, conditions, first, following, update, resolution) in enumerate(POLICIES):
        SlaPolicy.objects.create(
            store=ctx.store,
            name=name,
            position=(position + 1) * 10,
            first_reply_minutes=first,
            next_reply_minutes=following,
            periodic_update_minutes=update,
            resolution_minutes=resolution,
            pause_statuses=["pending"],
            **conditions,
        )
    conversations = list(
        Conversation.objects.filter(store=ctx.store).select_related("customer", "team", "store")
    )
    do_backfill(conversations, now=ctx.now, new_id=ctx.uuid)
