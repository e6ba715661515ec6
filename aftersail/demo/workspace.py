"""The demo's workspace setup: routing rules and shifts, the macro library, some tags and a
couple of snoozed conversations, so every workspace page has something real to show."""

from __future__ import annotations

from datetime import time, timedelta
from typing import TYPE_CHECKING, Any

from aftersail.accounts.actors import Actor
from aftersail.assignment.models import RoutingMode, Shift, TeamRouting, TeamRule
from aftersail.conversations import events as conversation_events
from aftersail.conversations.actions import import_timeline
from aftersail.conversations.models import OPEN_STATUSES, Conversation, Tag
from aftersail.demo import staff
from aftersail.macros.actions import load_library

if TYPE_CHECKING:
    from aftersail.demo.context import DemoContext

MODES = {
    "Europe": RoutingMode.ROUND_ROBIN,
    "Americas": RoutingMode.LEAST_LOADED,
    "Asia-Pacific": RoutingMode.MANUAL,
}
# Tags a merchant's desk typically grows: by category and by carrier trouble.
TAGS_BY_CATEGORY = {
    "where_is_my_order": "carrier-delay",
    "damaged_item": "photos-requested",
    "customs": "ddp",
    "warranty": "defect",
}


def build_workspace(ctx: DemoContext) -> None:
    load_library(ctx.store)
    for position, (name, _kind, _zone, _languages, markets) in enumerate(staff.TEAMS, 1):
        team = ctx.teams[name]
        TeamRule.objects.create(
            public_id=ctx.uuid(),
            name=f"{name} markets",
            position=position * 10,
            team=team,
            countries=list(markets),
        )
        TeamRouting.objects.create(public_id=ctx.uuid(), team=team, mode=MODES[name])
    shifts = []
    for agent in ctx.agents:
        start = time(9) if agent.time_zone == "Asia/Tokyo" else time(8)
        end = time(18) if agent.time_zone == "Asia/Tokyo" else time(17)
        shifts += [
            Shift(public_id=ctx.uuid(), agent=agent, weekday=day, starts=start, ends=end)
            for day in range(5)
        ]
    Shift.objects.bulk_create(shifts)
    _tag_and_snooze(ctx)


def _tag_and_snooze(ctx: DemoContext) -> None:
    tags = {name: Tag.objects.create(public_id=ctx.uuid(), name=name)
            for name in [*TAGS_BY_CATEGORY.values(), "vip"]}  # fmt: skip
    events: list[tuple[Conversation, str, Actor, Any, dict[str, Any]]] = []
    conversations = list(
        Conversation.objects.filter(store=ctx.store).select_related("customer").order_by("id")
    )
    through = Conversation.tags.through
    links = []
    for conversation in conversations:
        names = []
        if conversation.category in TAGS_BY_CATEGORY:
            names.append(TAGS_BY_CATEGORY[conversation.category])
        if ctx.rng.random() < 0.08:
            names.append("vip")
        for name in names:
            links.append(through(conversation_id=conversation.id, tag_id=tags[name].id))
        if names:
            events.append(
                (conversation, conversation_events.TAGS_CHANGED, Actor.system(),
                 conversation.last_message_at, {"added": sorted(names), "removed": []})
            )  # fmt: skip
    through.objects.bulk_create(links)
    pending = [c for c in conversations if c.status == "pending" and c.status in OPEN_STATUSES]
    for conversation in pending[:3]:
        until = ctx.now + timedelta(days=ctx.rng.choice([1, 2, 3]))
        conversation.snoozed_until = until
        actor = Actor.of_agent(conversation.assignee) if conversation.assignee else Actor.system()
        events.append(
            (conversation, conversation_events.SNOOZED, actor, conversation.last_message_at,
             {"until": until.isoformat(), "status": "pending"})
        )  # fmt: skip
    Conversation.objects.bulk_update(pending[:3], ["snoozed_until"])
    import_timeline(events)
