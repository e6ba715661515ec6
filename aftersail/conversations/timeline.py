"""The only way to write a conversation's timeline.

Every change to a conversation is recorded here with who did it (customer, agent, system,
API) and the facts of the change as JSON, so the timeline doubles as the audit log. Each
entry is published through :mod:`aftersail.core.events`, which delivers it to the other
apps' reactions once the transaction commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.conversations.models import Conversation, ConversationEvent
from aftersail.core import events


def _event(
    conversation: Conversation, kind: str, actor: Actor, at: datetime | None, data: dict[str, Any]
) -> ConversationEvent:
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
    return events.publish(_event(conversation, kind, actor, at, data))


def record_many(
    entries: Sequence[tuple[Conversation, str, Actor, datetime | None, dict[str, Any]]],
) -> list[ConversationEvent]:
    """Bulk form of :func:`record` for imports: one INSERT for many events, and no
    reactions (an import must not send webhooks or acknowledgements for the past)."""
    return events.publish_many([_event(*entry) for entry in entries])
