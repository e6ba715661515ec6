"""Sending public replies: claimed by exactly one worker, retried with backoff, never twice."""

from __future__ import annotations

import logging
from datetime import timedelta

from aftersail.conversations.actions import claim_delivery, finish_delivery
from aftersail.conversations.models import Message
from aftersail.messaging.registry import DeliveryError, adapter_for

log = logging.getLogger(__name__)

# Waits before the 2nd, 3rd, ... attempt; after the last one the message is marked failed.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=3),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
D = Message.Delivery


def deliver(message_id: int) -> timedelta | None:
    """Tries to send one message; returns the delay before a retry, or None when done."""
    message = claim_delivery(message_id)
    if message is None:
        return None
    adapter = adapter_for(message.channel)
    if adapter is None:
        finish_delivery(
            message, D.FAILED, f"No adapter can send messages on the {message.channel} channel."
        )
        return None
    try:
        external_id = adapter.send(message)
    except DeliveryError as error:
        return _failed_attempt(message, error.reason, temporary=error.temporary)
    except Exception as error:  # an adapter bug must not lose the message or kill the worker
        log.exception("adapter %s crashed sending message %s", message.channel, message.public_id)
        return _failed_attempt(message, f"Unexpected error: {error}", temporary=True)
    finish_delivery(message, D.SENT, "", external_id=external_id)
    return None


def _failed_attempt(message: Message, reason: str, *, temporary: bool) -> timedelta | None:
    if temporary and message.delivery_attempts < MAX_ATTEMPTS:
        finish_delivery(message, D.PENDING, reason)
        return RETRY_DELAYS[message.delivery_attempts - 1]
    finish_delivery(message, D.FAILED, reason)
    return None
