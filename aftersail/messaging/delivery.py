"""Sending public replies: claimed by exactly one worker, retried with backoff, never twice."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import F
from django.utils import timezone

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


def claim(message_id: int) -> Message | None:
    """Moves the message from pending to sending; None when another worker has it or it is
    no longer pending. The conditional UPDATE is the lock: exactly one caller wins."""
    won = Message.objects.filter(id=message_id, delivery=D.PENDING).update(
        delivery=D.SENDING, delivery_attempts=F("delivery_attempts") + 1, updated_at=timezone.now()
    )
    if not won:
        return None
    return Message.objects.select_related("conversation__customer", "conversation__store").get(
        id=message_id
    )


def deliver(message_id: int) -> timedelta | None:
    """Tries to send one message; returns the delay before a retry, or None when done."""
    message = claim(message_id)
    if message is None:
        return None
    adapter = adapter_for(message.channel)
    if adapter is None:
        _finish(
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
    _finish(message, D.SENT, "", external_id=external_id)
    return None


def _failed_attempt(message: Message, reason: str, *, temporary: bool) -> timedelta | None:
    if temporary and message.delivery_attempts < MAX_ATTEMPTS:
        _finish(message, D.PENDING, reason)
        return RETRY_DELAYS[message.delivery_attempts - 1]
    _finish(message, D.FAILED, reason)
    return None


def _finish(message: Message, state: str, error: str, *, external_id: str = "") -> None:
    fields: dict[str, object] = {"delivery": state, "delivery_error": error[:2000],
                                 "updated_at": timezone.now()}  # fmt: skip
    if state == D.SENT:
        fields["sent_at"] = timezone.now()
        if external_id and not message.external_id:
            fields["external_id"] = external_id
    Message.objects.filter(id=message.id, delivery=D.SENDING).update(**fields)
