"""Loads, in the background, what the first request or task would otherwise wait for.

The assistant's intent model is trained on first use (seconds on a small machine) and then
cached under var/; warming it up at start keeps a customer's first chat message from waiting.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


def _warm_up() -> None:
    try:
        from aftersail.assistant.classifier import get_classifier

        get_classifier()
    except Exception:  # a failed warm-up only means the first use does the work
        log.exception("warm-up failed; the intent model loads on first use instead")


def warm_up_in_background() -> threading.Thread:
    thread = threading.Thread(target=_warm_up, name="aftersail-warm-up", daemon=True)
    thread.start()
    return thread
