"""Reactions to timeline events (live updates, webhooks, SLA clocks, ...).

Register from an ``AppConfig.ready()``::

    @on_timeline_event("status_changed", "message_added")
    def recompute_clock(event: ConversationEvent) -> None: ...

Events recorded with ``timeline.record()`` are dispatched after their transaction commits,
in a background task; each reaction runs on its own, so one failing reaction neither stops
the others nor crashes the worker. Bulk imports (``record_many``) trigger no reactions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from aftersail.conversations.models import ConversationEvent

log = logging.getLogger(__name__)

Reaction = Callable[[ConversationEvent], None]
ANY = "*"
_reactions: dict[str, list[tuple[str, Reaction]]] = {}


def on_timeline_event(*kinds: str) -> Callable[[Reaction], Reaction]:
    """Registers a reaction to the given event kinds (none: to every event)."""

    def decorator(function: Reaction) -> Reaction:
        name = f"{function.__module__}.{function.__qualname__}"
        for kind in kinds or (ANY,):
            handlers = _reactions.setdefault(kind, [])
            if all(existing != name for existing, _f in handlers):
                handlers.append((name, function))
        return function

    return decorator


def has_reactions(kind: str) -> bool:
    return bool(_reactions.get(kind) or _reactions.get(ANY))


def react(event: ConversationEvent) -> list[str]:
    """Runs every reaction to ``event``; returns the names of those that failed."""
    failed = []
    for name, function in [*_reactions.get(event.kind, []), *_reactions.get(ANY, [])]:
        try:
            function(event)
        except Exception:
            log.exception("reaction %s failed on event %s", name, event.id)
            failed.append(name)
    return failed
