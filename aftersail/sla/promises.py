"""Reply-by promises: the automatic acknowledgement of a new conversation, and whether the
desk kept its word.

The promised time comes from the matching policy's first-reply target, counted in the
handling team's working hours, plus the backlog ahead of it, rounded up to a quarter hour,
and never more than 24 hours after the message arrived.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from babel.dates import get_timezone_location
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import do_record
from aftersail.conversations.models import (
    Channel,
    Conversation,
    Message,
    Status,
    reply_channel,
)
from aftersail.conversations.selectors import recent_channel_metadata
from aftersail.core.localization import format_local, speaking_to, zone_or_utc
from aftersail.customers.models import CustomerIdentity
from aftersail.customers.selectors import resolve_customer_zone
from aftersail.messaging.actions import send_customer_email
from aftersail.sla import events as sla_events
from aftersail.sla.businesstime import add_business_time, is_open, next_open
from aftersail.sla.calendars import ScheduleCache
from aftersail.sla.clocks import PolicyCache
from aftersail.sla.models import Metric, Promise, SlaClock

MAX_PROMISE = timedelta(hours=24)
# Without a policy, promise the first reply within this much working time.
DEFAULT_FIRST_REPLY = timedelta(hours=8)
# Working time one agent needs per waiting conversation ahead in the queue; a
# deliberately rough estimate that only makes promises more careful when queues grow.
MINUTES_PER_WAITING_CONVERSATION = 6
QUARTER = 15 * 60


def is_automatic(message: Message) -> bool:
    """Auto-replies, bounces and list mail get no acknowledgement (RFC 3834 section 2:
    a responder must not answer automatic mail; ``Precedence: bulk/list/junk`` is the
    older convention, RFC 2076)."""
    meta = message.channel_metadata or {}
    if meta.get("is_automatic") or meta.get("automatic_reason") or meta.get("is_bounce"):
        return True
    headers = {str(k).lower(): str(v).lower() for k, v in (meta.get("headers") or {}).items()}
    auto = headers.get("auto-submitted", "").split(";")[0].strip()
    if auto and auto != "no":
        return True
    return headers.get("precedence", "").strip() in ("bulk", "list", "junk", "auto_reply")


def _round_up(moment: datetime) -> datetime:
    seconds = moment.timestamp()
    return datetime.fromtimestamp(math.ceil(seconds / QUARTER) * QUARTER, tz=moment.tzinfo)


def backlog_ahead(conversation: Conversation) -> int:
    """Conversations of the same team still waiting for their first reply."""
    return (
        SlaClock.objects.filter(
            metric=Metric.FIRST_REPLY,
            stopped_at__isnull=True,
            conversation__team=conversation.team,
            conversation__store_id=conversation.store_id,
        )
        .exclude(conversation_id=conversation.id)
        .count()
    )


def compute_reply_by(conversation: Conversation, received: datetime) -> tuple[datetime, bool]:
    """(the promised reply-by instant, whether the message came outside working hours)."""
    policy = PolicyCache().matching(conversation)
    schedule = ScheduleCache().for_team(conversation.team_id, conversation.store_id)
    target = (policy.target(Metric.FIRST_REPLY) if policy else None) or DEFAULT_FIRST_REPLY
    agents = conversation.team.agents.count() if conversation.team else 1
    waiting = backlog_ahead(conversation)
    extra = timedelta(
        minutes=MINUTES_PER_WAITING_CONVERSATION * math.ceil(waiting / max(agents, 1))
    )
    outside = not is_open(schedule, received)
    if policy is not None and not policy.business_hours:
        due = received + target + extra
    else:
        due = add_business_time(schedule, next_open(schedule, received), target + extra)
    cap = received + MAX_PROMISE
    rounded = _round_up(due)
    return min(rounded if rounded <= cap else due, cap), outside


def place_of_zone(zone: str, language: str, at: datetime) -> str:
    """The city a zone is named after, in the customer's language ("Singapur", "Nowy Jork");
    zones without a city read as their offset ("UTC+05:30")."""
    if zone.startswith("Etc/") or zone == "UTC":
        offset = at.astimezone(zone_or_utc(zone)).strftime("%z")
        return f"UTC{offset[:3]}:{offset[3:]}" if offset != "+0000" else "UTC"
    return get_timezone_location(zone_or_utc(zone), locale=language, return_city=True)


def reply_by_values(reply_by: datetime, zone: str, language: str) -> dict[str, str]:
    """``when`` and ``place`` of a reply-by time as the acknowledgement words them, in the
    active language: "lunes a las 18:00" and "Madrid"."""
    # Translators: a CLDR date pattern for the reply-by time inside the sentence "we will
    # reply by <this>", e.g. "EEEE 'a las' HH:mm" -> "lunes a las 18:00".
    pattern = _("EEEE HH:mm")
    return {
        "when": format_local(reply_by, zone, language, pattern),
        "place": place_of_zone(zone, language, reply_by),
    }


def acknowledgement_text(
    name: str, store: str, reply_by: datetime, zone: str, language: str, outside: bool
) -> str:
    """The acknowledgement, in the active language (see :func:`speaking_to`)."""
    values = reply_by_values(reply_by, zone, language)
    lines = [
        _("Hello %(name)s,") % {"name": name},
        "",
        _(
            "Thank you for your message. We have received it and will reply by %(when)s, "
            "%(place)s time."
        )
        % values,
    ]
    if outside:
        lines.append(
            _(
                "We are outside our working hours right now, but your message is already in "
                "our queue."
            )
        )
    lines += [
        "",
        _(
            "There is no need to write again; if you want to add anything, simply reply "
            "to this message."
        ),
        "",
        store,
    ]
    return "\n".join(lines)


def acknowledgement_subject(conversation: Conversation) -> str:
    """The acknowledgement mail's subject, in the active language."""
    if conversation.subject:
        return _("Re: %(subject)s") % {"subject": conversation.subject}
    return _("We have received your message")


def should_acknowledge(message: Message) -> bool:
    if message.kind != Message.Kind.INBOUND or is_automatic(message):
        return False
    conversation = message.conversation
    if hasattr(conversation, "promise"):
        return False
    # Inside an ongoing exchange (an earlier message either way) nothing is promised.
    earlier = conversation.messages.exclude(id=message.id).filter(
        created_at__lte=message.created_at
    )
    return not earlier.exclude(kind=Message.Kind.NOTE).exists()


@transaction.atomic
def do_acknowledge(message: Message) -> Promise | None:
    if not should_acknowledge(message):
        return None
    conversation = message.conversation
    customer = conversation.customer
    received = message.created_at
    reply_by, outside = compute_reply_by(conversation, received)
    zone = resolve_customer_zone(customer, recent_channel_metadata(customer, message)).zone
    with speaking_to(customer, conversation.store) as language:
        text = acknowledgement_text(
            customer.address_name, conversation.store.name, reply_by, zone, language, outside
        )
        subject = acknowledgement_subject(conversation)
    # The channel the customer wrote on decides (a chat handed over to email stays a chat).
    by_email = reply_channel(message.channel or conversation.channel) == Channel.EMAIL
    email = (
        customer.identities.filter(kind=CustomerIdentity.Kind.EMAIL, undeliverable_since=None)
        .order_by("-is_primary", "id")
        .values_list("value", flat=True)
        .first()
    )
    promise = Promise.objects.create(
        conversation=conversation,
        message=message,
        received_at=received,
        reply_by=reply_by,
        customer_zone=zone,
        language=language,
        outside_hours=outside,
        text=text,
        sent_to=(email or "") if by_email else message.channel,
    )
    do_record(
        conversation,
        sla_events.PROMISE_MADE,
        Actor.system(),
        at=received,
        reply_by=reply_by.isoformat(),
        zone=zone,
        language=language,
    )
    # Chat and messaging channels: the promise is recorded (the chat widget runs its own
    # conversation with the customer and shows it); only mail goes out from here. A contact
    # form's promise rides on the copy of the form sent right after (mail/contact_copy.py).
    if by_email and email and message.channel != Channel.FORM:
        headers = {"In-Reply-To": message.external_id} if message.external_id else {}
        transaction.on_commit(
            lambda: send_customer_email(
                store=conversation.store, to=email, subject=subject, text=text, headers=headers
            )
        )
    return promise


def do_carry_promise_to_email(conversation: Conversation, address: str) -> Promise | None:
    """A chat that continues by email: its open promise, recorded for the chat, is now
    mailed to ``address`` (the acknowledgement the customer would have had by email)."""
    promise = Promise.objects.filter(conversation=conversation, state=Promise.State.OPEN).first()
    if promise is None or "@" in promise.sent_to:
        return promise
    Promise.objects.filter(id=promise.id).update(sent_to=address)
    promise.sent_to = address
    store = conversation.store
    with override(promise.language or "en"):
        subject = acknowledgement_subject(conversation)
    transaction.on_commit(
        lambda: send_customer_email(store=store, to=address, subject=subject, text=promise.text)
    )
    return promise


def _public_reply_by(conversation: Conversation, deadline: datetime) -> bool:
    return conversation.messages.filter(
        kind=Message.Kind.REPLY,
        author_kind=Message.AuthorKind.AGENT,
        created_at__lte=deadline,
    ).exists()


@transaction.atomic
def do_settle_promise(conversation: Conversation, *, at: datetime | None = None) -> str | None:
    """Marks the open promise kept (a public agent reply by the time) or broken (the time
    passed without one); returns the new state, None when nothing changed."""
    now = at or timezone.now()
    promise = (
        Promise.objects.select_for_update()
        .filter(conversation=conversation, state=Promise.State.OPEN)
        .first()
    )
    if promise is None:
        return None
    if _public_reply_by(conversation, promise.reply_by):
        state, kind = Promise.State.KEPT, sla_events.PROMISE_KEPT
    elif now > promise.reply_by or conversation.status in (Status.SOLVED, Status.CLOSED):
        state, kind = Promise.State.BROKEN, sla_events.PROMISE_BROKEN
    else:
        return None
    promise.state, promise.settled_at = state, now
    promise.save(update_fields=["state", "settled_at", "updated_at"])
    do_record(conversation, kind, Actor.system(), reply_by=promise.reply_by.isoformat())
    return state


def do_settle_overdue_promises(now: datetime | None = None, limit: int = 500) -> int:
    """Breaks promises whose time has passed with no reply (through the partial index)."""
    moment = now or timezone.now()
    overdue = Promise.objects.filter(state=Promise.State.OPEN, reply_by__lt=moment).select_related(
        "conversation"
    )[:limit]
    return sum(1 for p in overdue if do_settle_promise(p.conversation, at=moment))
