"""Outbound webhooks: where a store's events go, and every attempt to deliver them."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import models

from aftersail.core.destinations import UnsafeDestination, check_destination
from aftersail.core.models import TimeStampedModel


class WebhookEvent(models.TextChoices):
    CONVERSATION_CREATED = "conversation.created", "Conversation created"
    CONVERSATION_UPDATED = "conversation.updated", "Conversation updated"
    MESSAGE_CREATED = "message.created", "Message created"


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


class WebhookEndpoint(TimeStampedModel):
    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(max_length=500, help_text="Receives a signed POST per event.")
    secret = models.CharField(
        max_length=100,
        default=new_secret,
        help_text="Signs every delivery (HMAC-SHA256); share it with the receiver only.",
    )
    events = models.JSONField(default=list, help_text="Event types to send.")
    is_active = models.BooleanField(default=True)
    description = models.CharField(max_length=200, blank=True)

    class Meta(TimeStampedModel.Meta):
        verbose_name = "webhook endpoint"

    def __str__(self) -> str:
        return self.url

    def clean(self) -> None:
        try:
            check_destination(self.url)
        except UnsafeDestination as exc:
            raise ValidationError({"url": str(exc)}) from exc

    def wants(self, event: str) -> bool:
        return self.is_active and event in self.events


class WebhookDelivery(TimeStampedModel):
    """One event for one endpoint, and how its delivery went. The database is the queue:
    a worker claims a pending delivery with a conditional UPDATE, so it is sent by one
    worker at a time, and a periodic task retries what is due."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"  # waiting for its (next) attempt
        SENDING = "sending", "Sending"  # claimed by one worker
        DELIVERED = "delivered", "Delivered"  # the receiver answered 2xx
        FAILED = "failed", "Failed"  # gave up after the last attempt

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=32, choices=WebhookEvent.choices)
    source_event = models.BigIntegerField(help_text="The timeline event that caused it.")
    payload = models.JSONField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True, help_text="The start of the last answer.")
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        verbose_name_plural = "webhook deliveries"
        constraints = [
            # A timeline event replayed by a retried task is not delivered twice.
            models.UniqueConstraint(
                fields=["endpoint", "source_event", "event"], name="webhook_delivery_once"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint_id} ({self.status})"
