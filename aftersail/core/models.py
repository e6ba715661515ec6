"""The shared kernel: the base every model builds on, and the worker's pulse."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone


class TimeStampedModel(models.Model):
    """A public UUID (safe to show in URLs and the API) and creation/update times.

    ``created_at`` takes a default rather than ``auto_now_add`` so that imports and the demo
    can record when something really happened.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]


class WorkerPing(TimeStampedModel):
    """Proof that a task consumer is alive: a heartbeat it writes, or a ping it answered."""

    class Kind(models.TextChoices):
        HEARTBEAT = "heartbeat", "Heartbeat"
        PING = "ping", "Ping"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    worker_host = models.CharField(max_length=255, blank=True)
    worker_pid = models.PositiveIntegerField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        verbose_name = "worker ping"

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id}"
