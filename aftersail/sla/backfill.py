"""Clocks and promises for conversations that arrived before the desk knew them: an import
of past conversations, the demo store. What the desk would have promised on the first
message, and whether the first reply kept it, from the conversations' own timestamps."""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import translation

from aftersail.conversations.models import Conversation, Message
from aftersail.conversations.selectors import recent_channel_metadata
from aftersail.core.localization import customer_language
from aftersail.customers.selectors import resolve_customer_zone
from aftersail.sla.businesstime import add_business_time, is_open, next_open
from aftersail.sla.calendars import ScheduleCache
from aftersail.sla.clocks import PolicyCache, Recomputer
from aftersail.sla.models import Metric, Promise
from aftersail.sla.promises import MAX_PROMISE, QUARTER, acknowledgement_text


def do_backfill(
    conversations: list[Conversation],
    *,
    now: datetime,
    new_id: Callable[[], uuid.UUID] = uuid.uuid4,
) -> None:
    """Computes the clocks of ``conversations`` and creates the promise each would have got
    (kept, broken, or still open at ``now``). ``new_id`` gives the promises' public ids
    (the demo passes a seeded one, so that every load is the same)."""
    Recomputer().recompute(conversations)
    _backfill_promises(conversations, now, new_id)


def _backfill_promises(
    conversations: list[Conversation], now: datetime, new_id: Callable[[], uuid.UUID]
) -> None:
    schedules, policies = ScheduleCache(), PolicyCache()
    first_messages: dict[int, Message] = {}
    first_replies: dict[int, datetime] = {}
    for stored in Message.objects.filter(conversation__in=[c.id for c in conversations]).order_by(
        "created_at"
    ):
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
        elif reply_by < now:
            state, settled = Promise.State.BROKEN, reply_by
        customer = conversation.customer
        zone = resolve_customer_zone(customer, recent_channel_metadata(customer, message)).zone
        language = customer_language(customer, conversation.store)
        outside = not is_open(schedule, received)
        with translation.override(language):
            text = acknowledgement_text(
                customer.address_name, conversation.store.name, reply_by, zone, language, outside
            )
        promises.append(
            Promise(
                public_id=new_id(),
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
