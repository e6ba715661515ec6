"""Demo data for the SLA app: team calendars, policies, clocks and promises.

Called by the demo loader after the conversations exist; deterministic (no randomness:
everything follows from the conversations' own timestamps)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.utils import translation

from aftersail.conversations.models import Conversation, Message
from aftersail.conversations.selectors import recent_channel_metadata
from aftersail.core.localization import customer_language
from aftersail.customers.selectors import resolve_customer_zone
from aftersail.sla.businesstime import add_business_time, is_open, next_open
from aftersail.sla.calendars import ScheduleCache
from aftersail.sla.clocks import PolicyCache, Recomputer
from aftersail.sla.models import BusinessCalendar, Metric, Promise, SlaPolicy, TeamCalendar
from aftersail.sla.promises import MAX_PROMISE, QUARTER, acknowledgement_text

if TYPE_CHECKING:
    from aftersail.demo.loader import DemoContext

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
        Conversation.objects.filter(store=ctx.store).select_related("customer", "team")
    )
    Recomputer().recompute(conversations)
    _promises(ctx, conversations)


def _promises(ctx: DemoContext, conversations: list[Conversation]) -> None:
    schedules, policies = ScheduleCache(), PolicyCache()
    first_messages: dict[int, Message] = {}
    first_replies: dict[int, datetime] = {}
    for stored in Message.objects.filter(conversation__store=ctx.store).order_by("created_at"):
        if stored.kind == Message.Kind.INBOUND:
            first_messages.setdefault(stored.conversation_id, stored)
        elif stored.kind == Message.Kind.REPLY and stored.author_kind == "agent":
            first_replies.setdefault(stored.conversation_id, stored.created_at)
    promises = []
    for conversation in conversations:
        message = first_messages.get(conversation.id)
        if message is None:
            continue
        policy = policies.matching(conversation)
        target = policy.target(Metric.FIRST_REPLY) if policy else None
        schedule = schedules.for_team(conversation.team_id, conversation.store_id)
        received = message.created_at
        due = add_business_time(
            schedule, next_open(schedule, received), target or timedelta(hours=8)
        )
        rounded = datetime.fromtimestamp(
            math.ceil(due.timestamp() / QUARTER) * QUARTER, tz=due.tzinfo
        )
        reply_by = min(rounded, received + MAX_PROMISE)
        replied = first_replies.get(conversation.id)
        state, settled = Promise.State.OPEN, None
        if replied is not None and replied <= reply_by:
            state, settled = Promise.State.KEPT, replied
        elif reply_by < ctx.now:
            state, settled = Promise.State.BROKEN, reply_by
        customer = conversation.customer
        zone = resolve_customer_zone(customer, recent_channel_metadata(customer, message)).zone
        language = customer_language(customer, ctx.store)
        outside = not is_open(schedule, received)
        with translation.override(language):
            text = acknowledgement_text(
                customer.address_name, ctx.store.name, reply_by, zone, language, outside
            )
        promises.append(
            Promise(
                public_id=ctx.uuid(),
                conversation=conversation,
                message=message,
                received_at=received,
                reply_by=reply_by,
                customer_zone=zone,
                language=language,
                outside_hours=outside,
                text=text,
                state=state,
                settled_at=settled,
                created_at=received,
            )
        )
    Promise.objects.bulk_create(promises)
