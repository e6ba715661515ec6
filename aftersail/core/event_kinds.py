"""The kinds of event, defined in code by the apps that publish them (see
:mod:`aftersail.core.events`): a name within a stream, the owning app and a label."""

from __future__ import annotations

import sys

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise


class UnknownEventKind(ValueError):
    """An event of a kind that no app defined for its stream."""


class EventKind(str):
    """The name of a kind of event (it compares equal to the stored ``kind`` string), with
    the stream it belongs to, the app that publishes it and a translatable label."""

    stream: str
    app: str
    label: str | Promise

    def __new__(cls, stream: str, name: str, label: str | Promise, app: str) -> EventKind:
        kind = super().__new__(cls, name)
        kind.stream, kind.label, kind.app = stream, label, app
        return kind

    @property
    def name(self) -> str:
        return str.__str__(self)


_kinds: dict[tuple[str, str], EventKind] = {}


def _calling_app(depth: int) -> str:
    module = sys._getframe(depth + 1).f_globals.get("__name__", "")
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "aftersail" else module


def define(stream: str, name: str, label: str | Promise, *, app: str = "") -> EventKind:
    """Registers a kind of event of ``stream``; ``app`` defaults to the calling module's app.

    Two apps cannot define the same kind: the second definition fails at start.
    """
    owner = app or _calling_app(1)
    existing = _kinds.get((stream, name))
    if existing is not None:
        if existing.app != owner:
            raise ImproperlyConfigured(
                f"event kind {stream}.{name} is defined by {existing.app} and by {owner}"
            )
        return existing
    kind = EventKind(stream, name, label, owner)
    _kinds[(stream, name)] = kind
    return kind


def check_kind(stream: str, name: str) -> EventKind:
    kind = _kinds.get((stream, name))
    if kind is None:
        raise UnknownEventKind(
            f"no app defines the {stream} event kind {name!r}; define it in the app's events.py"
        )
    return kind


def kinds(stream: str | None = None) -> list[EventKind]:
    return [kind for (s, _n), kind in _kinds.items() if stream is None or s == stream]


def label_of(stream: str, name: str) -> str:
    kind = _kinds.get((stream, name))
    return str(kind.label) if kind is not None else name
