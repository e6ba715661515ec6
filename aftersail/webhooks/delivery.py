"""Emitting webhook deliveries from timeline events; :mod:`sending` sends them."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from aftersail.conversations.models import ConversationEvent
from aftersail.core.queue import enqueue_on_commit
from aftersail.webhooks.models import WebhookDelivery, WebhookEndpoint
from aftersail.webhooks.payloads import build_payload, webhook_event_for
from aftersail.webhooks.sending import MAX_ATTEMPTS, do_deliver, retry_delay
from aftersail.webhooks.tasks import deliver_webhook

__all__ = ["MAX_ATTEMPTS", "do_deliver", "do_emit", "do_retry_now", "retry_delay"]

Status = WebhookDelivery.Status


def do_emit(event: ConversationEvent) -> list[WebhookDelivery]:
    """Creates one delivery per interested endpoint of the conversation's store; running it
    twice for the same event creates nothing more."""
    event_type = webhook_event_for(event)
    if event_type is None:
        return []
    endpoints = [
        e
        for e in WebhookEndpoint.objects.filter(
            store_id=event.conversation.store_id, is_active=True
        )
        if e.wants(event_type)
    ]
    if not endpoints:
        return []
    payload = build_payload(event_type, event)
    created = []
    for endpoint in endpoints:
        try:
            with transaction.atomic():
                delivery = WebhookDelivery.objects.create(
                    endpoint=endpoint,
                    event=event_type,
                    source_event=event.id,
                    payload={"id": "", **payload},
                )
        except IntegrityError:
            continue  # emitted before
        delivery.payload["id"] = str(delivery.public_id)
        delivery.save(update_fields=["payload", "updated_at"])
        created.append(delivery)
        enqueue_on_commit(deliver_webhook, delivery.id)
    return created


def do_retry_now(delivery: WebhookDelivery) -> None:
    """From the admin: try a failed or waiting delivery again at once."""
    WebhookDelivery.objects.filter(id=delivery.id).exclude(status=Status.SENDING).update(
        status=Status.PENDING, next_attempt_at=None
    )
    enqueue_on_commit(deliver_webhook, delivery.id)
