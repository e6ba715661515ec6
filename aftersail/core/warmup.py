"""Loads, in the background, what the first request or task would otherwise wait for.

Apps register what to load from their ``AppConfig.ready()`` (the assistant registers its
intent model, which is trained on first use — seconds on a small machine — and then cached
under var/); ``serve`` and ``worker`` start the warm-up so a customer's first chat message
does not wait.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

_loaders: dict[str, Callable[[], object]] = {}


def register_warm_up(name: str, load: Callable[[], object]) -> None:
    _loaders[name] = load


def _warm_up() -> None:
    for name, load in list(_loaders.items()):
        try:
            load()
        except Exception:  # a failed warm-up only means the first use does the work
            log.exception("warm-up of %s failed; it loads on first use instead", name)


def warm_up_in_background() -> threading.Thread:
    thread = threading.Thread(target=_warm_up, name="aftersail-warm-up", daemon=True)
    thread.start()
    return thread
