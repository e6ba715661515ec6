"""Events: what happened to an app's data, published inside the change's transaction and
delivered, once it commits, to the reactions other apps registered.

An app names the kinds of event it publishes in its ``events`` module::

    ASSIGNED = events.define("conversation", "assigned", _("Assigned"))

Every kind belongs to a *stream*: the aggregate whose timeline stores it (``conversation``,
``return``, ...), a model built on :class:`~aftersail.core.models.EventRecord`. Kinds are
names in code, not database choices: a new kind needs no migration, and writing a kind
nobody defined fails.

Another app follows them in its ``reactions`` module::

    @events.reaction(conversation_events.ASSIGNED)
    def recompute_clock(event: ConversationEvent) -> None: ...

:func:`publish` saves the event (the only way to write a timeline) and, after the
transaction commits, runs the reactions: queued ones in a background task, ``inline`` ones
in the committing process (for what must be visible before the request returns). Each
reaction runs in its own transaction; one that fails is logged with the event, recorded in
:class:`~aftersail.core.models.ReactionFailure` and retried with back-off, while the others
still run. Reactions must therefore be idempotent. Nothing runs on rollback, and bulk
imports (:func:`publish_many`) trigger no reactions: an import must not send webhooks or
acknowledgements for the past.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, TypeVar

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from aftersail.core.event_kinds import (
    EventKind,
    UnknownEventKind,
    check_kind,
    define,
    kinds,
    label_of,
)
from aftersail.core.models import EventRecord, ReactionFailure, allow_event_writes
from aftersail.core.queue import enqueue_on_commit

log = logging.getLogger(__name__)

__all__ = [
    "EventKind",
    "UnknownEventKind",
    "check_kind",
    "define",
    "deliver_event",
    "kinds",
    "label_of",
    "publish",
    "publish_many",
    "reaction",
    "retry_due_failures",
    "run_reactions",
]

Record = TypeVar("Record", bound=EventRecord)
ReactionFunction = Callable[[Any], None]

# Back-off of a failing reaction: the n-th retry waits RETRY_DELAYS[n-1]; then it gives up.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
# A retry claimed by a worker that then died is tried again after this.
RETRY_LEASE = timedelta(minutes=10)


@dataclass(frozen=True)
class Reaction:
    name: str
    function: ReactionFunction
    inline: bool


ANY = "*"
_reactions: dict[tuple[str, str], list[Reaction]] = {}


def reaction(
    *kinds: EventKind, stream: str = "", inline: bool = False
) -> Callable[[ReactionFunction], ReactionFunction]:
    """Registers the decorated function as a reaction to ``kinds`` (or, with ``stream`` and
    no kinds, to every event of that stream). Registering the same function again (a module
    imported twice) changes nothing."""
    if not kinds and not stream:
        raise ImproperlyConfigured("a reaction needs event kinds or a stream")
    keys = [(kind.stream, kind.name) for kind in kinds] or [(stream, ANY)]

    def decorator(function: ReactionFunction) -> ReactionFunction:
        name = f"{function.__module__}.{function.__qualname__}"
        for key in keys:
            registered = _reactions.setdefault(key, [])
            if all(existing.name != name for existing in registered):
                registered.append(Reaction(name, function, inline))
        return function

    return decorator


def reactions_to(stream: str, kind: str) -> list[Reaction]:
    return [*_reactions.get((stream, kind), []), *_reactions.get((stream, ANY), [])]


@cache
def _stream_models() -> dict[str, type[EventRecord]]:
    found: dict[str, type[EventRecord]] = {}
    for model in apps.get_models():
        if issubclass(model, EventRecord) and model.stream:
            if model.stream in found:
                raise ImproperlyConfigured(f"two models store the {model.stream} stream")
            found[model.stream] = model
    return found


def stream_model(stream: str) -> type[EventRecord]:
    try:
        return _stream_models()[stream]
    except KeyError:
        raise ImproperlyConfigured(f"no model stores the {stream} stream") from None


def _prepare(record: EventRecord) -> None:
    if not record.stream:
        raise ImproperlyConfigured(f"{type(record).__name__} names no stream")
    check_kind(record.stream, record.kind)
    # Fail here, not in the database driver, on values JSON cannot hold.
    json.dumps(record.data)
    if record.created_at is None:
        record.created_at = timezone.now()


def publish(record: Record) -> Record:
    """Saves ``record`` (a new event) and delivers it to the reactions after commit."""
    _prepare(record)
    with allow_event_writes():
        record.save()
    deliver_on_commit(record.stream, record.kind, record.pk)
    return record


def publish_many(records: Sequence[Record], *, batch_size: int | None = None) -> list[Record]:
    """Saves many events in bulk INSERTs and runs no reactions (imports, the demo)."""
    if not records:
        return []
    for record in records:
        _prepare(record)
    model = type(records[0])
    with allow_event_writes():
        return list(model.objects.bulk_create(records, batch_size=batch_size))


def deliver_on_commit(stream: str, kind: str, event_id: int) -> None:
    reactions = reactions_to(stream, kind)
    if any(r.inline for r in reactions):
        transaction.on_commit(lambda: run_reactions(stream, event_id, inline=True))
    if any(not r.inline for r in reactions):
        enqueue_on_commit(deliver_event, stream, event_id)


def _load(stream: str, event_id: int) -> EventRecord | None:
    model = stream_model(stream)
    found: EventRecord | None = (
        model.objects.select_related(*model.stream_related).filter(pk=event_id).first()
    )
    return found


def _run_one(reaction: Reaction, event: EventRecord) -> str | None:
    """Runs one reaction in its own transaction; returns the error, None on success."""
    try:
        with transaction.atomic():
            reaction.function(event)
    except Exception as error:
        log.exception(
            "reaction %s failed on %s event %s (%s)",
            reaction.name,
            event.stream,
            event.pk,
            event.kind,
        )
        return f"{type(error).__name__}: {error}"[:2000]
    return None


def run_reactions(
    stream: str, event_id: int, *, inline: bool | None = None, only: Iterable[str] = ()
) -> list[str]:
    """Runs the reactions to one event (the inline or the queued ones, or those named in
    ``only``); returns the names of those that failed, which are retried later."""
    event = _load(stream, event_id)
    if event is None:  # deleted with its aggregate before the reactions ran
        return []
    wanted = set(only)
    failed = []
    for candidate in reactions_to(stream, event.kind):
        if wanted and candidate.name not in wanted:
            continue
        if not wanted and inline is not None and candidate.inline != inline:
            continue
        error = _run_one(candidate, event)
        if error is not None:
            failed.append(candidate.name)
            _remember_failure(event, candidate.name, error)
    return failed


@db_task()
def deliver_event(stream: str, event_id: int) -> None:
    run_reactions(stream, event_id, inline=False)


def _remember_failure(event: EventRecord, name: str, error: str) -> None:
    ReactionFailure.objects.get_or_create(
        stream=event.stream,
        event_id=event.pk,
        reaction=name,
        defaults={
            "kind": event.kind,
            "error": error,
            "next_attempt_at": timezone.now() + RETRY_DELAYS[0],
        },
    )


def _reaction_named(stream: str, kind: str, name: str) -> Reaction | None:
    return next((r for r in reactions_to(stream, kind) if r.name == name), None)


def retry_failure(failure: ReactionFailure, now: datetime) -> bool:
    """Runs a failed reaction once more; True when it succeeded (the failure is gone)."""
    event = _load(failure.stream, failure.event_id)
    found = _reaction_named(failure.stream, failure.kind, failure.reaction)
    if event is None or found is None:  # the event or the reaction no longer exists
        failure.delete()
        return True
    error = _run_one(found, event)
    if error is None:
        failure.delete()
        return True
    failure.attempts += 1
    failure.error = error
    if failure.attempts > len(RETRY_DELAYS):
        failure.gave_up_at, failure.next_attempt_at = now, None
        log.error(
            "gave up on reaction %s to %s event %s after %d attempts",
            failure.reaction,
            failure.stream,
            failure.event_id,
            failure.attempts,
        )
    else:
        failure.next_attempt_at = now + RETRY_DELAYS[failure.attempts - 1]
    failure.save(update_fields=["attempts", "error", "next_attempt_at", "gave_up_at", "updated_at"])
    return False


def retry_due_failures(now: datetime | None = None, limit: int = 200) -> int:
    """Retries the failed reactions whose time has come; returns how many succeeded."""
    now = now or timezone.now()
    due = ReactionFailure.objects.filter(gave_up_at__isnull=True, next_attempt_at__lte=now)
    succeeded = 0
    for failure in due.order_by("next_attempt_at", "id")[:limit]:
        # Claim it: a second worker scanning at the same time skips a row it did not move.
        claimed = ReactionFailure.objects.filter(
            id=failure.id, next_attempt_at=failure.next_attempt_at
        ).update(next_attempt_at=now + RETRY_LEASE)
        if claimed:
            succeeded += retry_failure(failure, now)
    return succeeded


@db_periodic_task(crontab(minute="*"))
def retry_failed_reactions() -> None:
    retry_due_failures()
