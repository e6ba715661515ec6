"""The only way to write a conversation's timeline.

Every change to a conversation is recorded here with who did it (customer, agent, system,
API) and the facts of the change as JSON, so the timeline doubles as the audit log.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from aftersail.conversations.models import Conversation, ConversationEvent

if TYPE_CHECKING:
    from aftersail.accounts.models import Agent

_write_allowed: ContextVar[bool] = ContextVar("timeline_write_allowed", default=False)


class TimelineWriteError(RuntimeError):
    """Raised when code writes timeline events around this module, or edits one."""


def check_timeline_write(event: ConversationEvent) -> None:
    if event.pk is not None:
        raise TimelineWriteError("timeline events never change once recorded")
    if not _write_allowed.get():
        raise TimelineWriteError(
            "write timeline events through aftersail.conversations.timeline.record()"
        )


@contextmanager
def _writing() -> Iterator[None]:
    token = _write_allowed.set(True)
    try:
        yield
    finally:
        _write_allowed.reset(token)


@dataclass(frozen=True)
class Actor:
    """Who caused a change."""

    kind: str
    agent: Agent | None = None

    @classmethod
    def system(cls) -> Actor:
        return cls(ConversationEvent.ActorKind.SYSTEM)

    @classmethod
    def customer(cls) -> Actor:
        return cls(ConversationEvent.ActorKind.CUSTOMER)

    @classmethod
    def api(cls) -> Actor:
        return cls(ConversationEvent.ActorKind.API)

    @classmethod
    def of_agent(cls, agent: Agent) -> Actor:
        return cls(ConversationEvent.ActorKind.AGENT, agent)


def _event(
    conversation: Conversation, kind: str, actor: Actor, at: datetime | None, data: dict[str, Any]
) -> ConversationEvent:
    if kind not in ConversationEvent.Kind.values:
        raise ValueError(f"unknown timeline event kind {kind!r}")
    json.dumps(data)  # fail here, not in the database driver, on values JSON cannot hold
    return ConversationEvent(
        conversation=conversation,
        kind=kind,
        actor_kind=actor.kind,
        actor_agent=actor.agent,
        data=data,
        created_at=at or timezone.now(),
    )


def record(
    conversation: Conversation,
    kind: str,
    actor: Actor,
    *,
    at: datetime | None = None,
    **data: Any,
) -> ConversationEvent:
    event = _event(conversation, kind, actor, at, data)
    with _writing():
        event.save()
    from aftersail.conversations.reactions import has_reactions

    if has_reactions(kind):
        from aftersail.conversations.tasks import react_to_event
        from aftersail.core.queue import enqueue_on_commit

        enqueue_on_commit(react_to_event, event.id)
    return event


def record_many(
    entries: Sequence[tuple[Conversation, str, Actor, datetime | None, dict[str, Any]]],
) -> list[ConversationEvent]:
    """Bulk form of :func:`record` for imports: one INSERT for many events, and no
    reactions (an import must not send webhooks or acknowledgements for the past)."""
    events = [_event(*entry) for entry in entries]
    with _writing():
        return ConversationEvent.objects.bulk_create(events)


def guard_bulk_create() -> None:
    if not _write_allowed.get():
        raise TimelineWriteError(
            "write timeline events through aftersail.conversations.timeline.record_many()"
        )
