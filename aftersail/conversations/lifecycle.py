"""The lifecycle beyond status: category, tags, snooze, merge and split.

Like :mod:`aftersail.conversations.services`, each ``do_*`` function validates, writes and
records the change on the timeline in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.conversations import events as conversation_events
from aftersail.conversations import timeline
from aftersail.conversations.models import (
    Category,
    Conversation,
    Message,
    Status,
    Tag,
)
from aftersail.conversations.permissions import (
    ConversationError,
    check_may_change,
    check_may_move,
)
from aftersail.conversations.services import do_open_conversation

TAG_PATTERN = re.compile(r"^[\w][\w.-]{0,49}$")


def normalize_tag(name: str) -> str:
    tag = name.strip().lower().replace(" ", "-")
    if not TAG_PATTERN.match(tag):
        raise ConversationError(f"{name!r} is not a valid tag (letters, digits, . _ -; max 50)")
    return tag


@transaction.atomic
def do_change_category(conversation: Conversation, category: str, actor: Actor) -> None:
    if category and category not in Category.values:
        raise ConversationError(f"unknown category {category!r}")
    check_may_change(actor, conversation)
    if category == conversation.category:
        return
    timeline.record(
        conversation,
        conversation_events.CATEGORY_CHANGED,
        actor,
        old=conversation.category,
        new=category,
    )
    conversation.category = category
    conversation.save(update_fields=["category", "updated_at"])


@transaction.atomic
def do_change_tags(
    conversation: Conversation,
    actor: Actor,
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
) -> list[str]:
    """Adds and removes tags; returns the conversation's tags afterwards."""
    check_may_change(actor, conversation)
    to_add = {normalize_tag(name) for name in add}
    to_remove = {normalize_tag(name) for name in remove} - to_add
    current = set(conversation.tags.values_list("name", flat=True))
    added = sorted(to_add - current)
    removed = sorted(to_remove & current)
    if added:
        for name in added:
            Tag.objects.get_or_create(name=name)
        conversation.tags.add(*Tag.objects.filter(name__in=added))
    if removed:
        conversation.tags.remove(*Tag.objects.filter(name__in=removed))
    if added or removed:
        timeline.record(
            conversation, conversation_events.TAGS_CHANGED, actor, added=added, removed=removed
        )
        conversation.save(update_fields=["updated_at"])
    return sorted((current | set(added)) - set(removed))


@transaction.atomic
def do_snooze(conversation: Conversation, until: datetime, actor: Actor) -> None:
    """Hides the conversation from the queues until ``until``; it waits on the customer
    meanwhile (pending), and a customer reply or the periodic wake-up brings it back."""
    if until <= timezone.now():
        raise ConversationError("snooze until a time in the future")
    if conversation.status == Status.CLOSED:
        raise ConversationError("a closed conversation cannot be snoozed")
    check_may_change(actor, conversation)
    timeline.record(
        conversation,
        conversation_events.SNOOZED,
        actor,
        until=until.isoformat(),
        status=conversation.status,
    )
    conversation.snoozed_until = until
    fields = ["snoozed_until", "updated_at"]
    if conversation.status in (Status.NEW, Status.OPEN, Status.SOLVED):
        timeline.record(
            conversation,
            conversation_events.STATUS_CHANGED,
            actor,
            old=conversation.status,
            new=Status.PENDING,
        )
        conversation.status = Status.PENDING
        fields.append("status")
    conversation.save(update_fields=fields)


@transaction.atomic
def do_wake(conversation: Conversation, actor: Actor, *, reason: str) -> bool:
    """Ends a snooze (time is up, the customer wrote, an agent woke it); False if none."""
    check_may_change(actor, conversation)
    Conversation.objects.select_for_update().filter(id=conversation.id).first()
    conversation.refresh_from_db(fields=["snoozed_until", "status"])
    if conversation.snoozed_until is None:
        return False
    timeline.record(conversation, conversation_events.WOKE_UP, actor, reason=reason)
    conversation.snoozed_until = None
    fields = ["snoozed_until", "updated_at"]
    if conversation.status == Status.PENDING:
        timeline.record(
            conversation,
            conversation_events.STATUS_CHANGED,
            actor,
            old=conversation.status,
            new=Status.OPEN,
        )
        conversation.status = Status.OPEN
        fields.append("status")
    conversation.save(update_fields=fields)
    return True


def wake_due_conversations(now: datetime | None = None) -> int:
    """Wakes every conversation whose snooze has run out; returns how many."""
    due = Conversation.objects.filter(snoozed_until__lte=now or timezone.now())
    woken = 0
    for conversation in due.order_by("snoozed_until", "id")[:1000]:
        woken += do_wake(conversation, Actor.system(), reason="time")
    return woken


def check_merge(source: Conversation, target: Conversation, actor: Actor) -> None:
    """Both must be the actor's to change; and as the messages move to the target's team,
    the actor must be allowed to hand the source there."""
    check_may_change(actor, source)
    check_may_change(actor, target)
    if source.team_id != target.team_id:
        check_may_move(actor, source, target.team)
    if source.id == target.id:
        raise ConversationError("a conversation cannot be merged into itself")
    if source.customer_id != target.customer_id:
        raise ConversationError("only conversations of the same customer can be merged")
    if source.merged_into_id is not None:
        raise ConversationError("this conversation was merged already")


@transaction.atomic
def do_merge(source: Conversation, target: Conversation, actor: Actor) -> None:
    """Moves every message of ``source`` into ``target`` and closes ``source``."""
    check_merge(source, target, actor)
    moved = source.messages.update(conversation=target, updated_at=timezone.now())
    target.tags.add(*source.tags.all())
    newest = target.messages.aggregate(newest=Max("created_at"))["newest"]
    timeline.record(
        target,
        conversation_events.MERGED,
        actor,
        source=source.id,
        target=target.id,
        messages=moved,
    )
    timeline.record(
        source,
        conversation_events.MERGED,
        actor,
        source=source.id,
        target=target.id,
        messages=moved,
    )
    if newest and newest > target.last_message_at:
        target.last_message_at = newest
    if target.order_id is None and source.order_id is not None:
        target.order_id = source.order_id
    target.save(update_fields=["last_message_at", "order", "updated_at"])
    if source.status != Status.CLOSED:
        timeline.record(
            source, conversation_events.STATUS_CHANGED, actor, old=source.status, new=Status.CLOSED
        )
    source.status = Status.CLOSED
    source.merged_into = target
    source.snoozed_until = None
    source.save(update_fields=["status", "merged_into", "snoozed_until", "updated_at"])


@transaction.atomic
def do_split(message: Message, actor: Actor, *, subject: str = "") -> Conversation:
    """Moves one customer message into a new conversation of the same customer (when one
    mail asks two unrelated things); the new conversation keeps team and language."""
    source = message.conversation
    check_may_change(actor, source)
    if message.kind != Message.Kind.INBOUND:
        raise ConversationError("only a customer's message can be split off")
    if source.messages.count() < 2:
        raise ConversationError("the conversation has no other message to keep")
    new = do_open_conversation(
        store=source.store,
        customer=source.customer,
        channel=message.channel,
        actor=actor,
        subject=subject or source.subject,
        language=message.language or source.language,
        team=source.team,
        at=message.created_at,
    )
    Message.objects.filter(id=message.id).update(conversation=new, updated_at=timezone.now())
    new.status = Status.OPEN
    new.save(update_fields=["status", "updated_at"])
    timeline.record(
        new,
        conversation_events.SPLIT,
        actor,
        source=source.id,
        target=new.id,
        message=str(message.public_id),
    )
    timeline.record(
        source,
        conversation_events.SPLIT,
        actor,
        source=source.id,
        target=new.id,
        message=str(message.public_id),
    )
    newest = source.messages.aggregate(newest=Max("created_at"))["newest"]
    if newest is not None:
        source.last_message_at = newest
        source.save(update_fields=["last_message_at", "updated_at"])
    return new
