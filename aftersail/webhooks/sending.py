"""Sending webhook deliveries: one attempt at a time, claimed by one worker, signed,
retried with back-off, never raising on the receiver's failures."""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timedelta

import httpx
from django.db.models import F, Q
from django.utils import timezone

from aftersail import __version__
from aftersail.core.destinations import UnsafeDestination, check_destination
from aftersail.webhooks.models import WebhookDelivery
from aftersail.webhooks.signing import SIGNATURE_HEADER, sign

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY_DELAY = timedelta(hours=2)
TIMEOUT_SECONDS = 10.0
# A delivery stuck in "sending" this long belonged to a worker that died mid-request.
STALE_SENDING = timedelta(minutes=10)
KEEP_RESPONSE = 1000
Status = WebhookDelivery.Status


def retry_delay(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, 4 min, ... at most 2 h: about 64 min over 8 attempts."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), MAX_RETRY_DELAY)


def _claim(delivery_id: int, now: datetime) -> bool:
    claimed = WebhookDelivery.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        id=delivery_id,
        status=Status.PENDING,
    ).update(status=Status.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    return claimed == 1


def do_deliver(delivery_id: int) -> WebhookDelivery | None:
    """One attempt; returns the delivery, or None when it was not due or someone else had
    it. Never raises on the receiver's failures: they are recorded and retried."""
    now = timezone.now()
    if not _claim(delivery_id, now):
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").get(id=delivery_id)
    body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"Aftersail-Webhooks/{__version__}",
        "Aftersail-Event": delivery.event,
        "Aftersail-Delivery": str(delivery.public_id),
        SIGNATURE_HEADER: sign(delivery.endpoint.secret, int(now.timestamp()), body),
    }
    started = time.monotonic()
    code: int | None = None
    answer = error = ""
    try:
        # Checked at every attempt: the host's DNS answer may have changed since it was saved.
        check_destination(delivery.endpoint.url)
        response = httpx.post(
            delivery.endpoint.url,
            content=body,
            headers=headers,
            timeout=TIMEOUT_SECONDS,
            follow_redirects=False,
        )
        code, answer = response.status_code, response.text[:KEEP_RESPONSE]
        if not 200 <= code < 300:
            error = f"the receiver answered {code}"
    except UnsafeDestination as exc:
        error = f"refused: {exc}"[:KEEP_RESPONSE]
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:KEEP_RESPONSE]
    delivery.duration_ms = int((time.monotonic() - started) * 1000)
    delivery.response_code, delivery.response_body, delivery.error = code, answer, error
    if not error:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = (
            Status.DELIVERED,
            now,
            None,
        )
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = Status.FAILED, None
        log.warning("webhook delivery %s failed for good: %s", delivery.public_id, error)
    else:
        delivery.status = Status.PENDING
        delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    delivery.save()
    return delivery


def due_deliveries(now: datetime, limit: int = 200) -> list[int]:
    """Releases deliveries abandoned by a dead worker, then lists those due for an attempt."""
    WebhookDelivery.objects.filter(
        status=Status.SENDING, last_attempt_at__lt=now - STALE_SENDING
    ).update(status=Status.PENDING, next_attempt_at=now)
    return list(
        WebhookDelivery.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("id", flat=True)[:limit]
    )
