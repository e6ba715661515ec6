"""The shared kernel: the base every model builds on, the base of every timeline, and the
worker's pulse."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone

from aftersail.core.event_kinds import label_of


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


_event_writes_allowed: ContextVar[bool] = ContextVar("event_writes_allowed", default=False)


class EventWriteError(RuntimeError):
    """Raised when code writes an event around :mod:`aftersail.core.events`, or edits one."""


@contextmanager
def allow_event_writes() -> Iterator[None]:
    """Only :func:`aftersail.core.events.publish` and ``publish_many`` open this."""
    token = _event_writes_allowed.set(True)
    try:
        yield
    finally:
        _event_writes_allowed.reset(token)


def check_event_write(record: EventRecord | None = None) -> None:
    if record is not None and record.pk is not None:
        raise EventWriteError("events never change once recorded")
    if not _event_writes_allowed.get():
        raise EventWriteError("publish events through aftersail.core.events.publish()")


class EventRecordManager(models.Manager[Any]):
    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        check_event_write()
        return super().bulk_create(objs, *args, **kwargs)


class EventRecord(models.Model):
    """One entry of an aggregate's timeline (a conversation's, a return's, ...), which is
    also its audit trail and the event other apps react to.

    ``stream`` names the aggregate; the kinds of each stream are registered in code by the
    apps that publish them (:func:`aftersail.core.events.define`), so ``kind`` has no
    database choices and a new kind needs no migration. Written only through
    :func:`aftersail.core.events.publish`; a saved event never changes.
    """

    stream: ClassVar[str] = ""
    # What a reaction usually reads beside the event (loaded in the same query).
    stream_related: ClassVar[tuple[str, ...]] = ()

    kind = models.CharField(max_length=40)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()

    objects = EventRecordManager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        check_event_write(self)
        super().save(*args, **kwargs)

    @property
    def kind_label(self) -> str:
        return label_of(self.stream, self.kind)


class ReactionFailure(TimeStampedModel):
    """A reaction that failed on an event: retried with back-off until it succeeds (the row
    is then deleted) or gives up (kept, with the error, for an operator to look at)."""

    stream = models.CharField(max_length=40)
    event_id = models.BigIntegerField()
    kind = models.CharField(max_length=40)
    reaction = models.CharField(max_length=200, help_text="module.function of the reaction")
    attempts = models.PositiveSmallIntegerField(default=1)
    error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    gave_up_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["stream", "event_id", "reaction"], name="reaction_failure_unique"
            )
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="reaction_failure_due_idx",
                condition=models.Q(gave_up_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.reaction} on {self.stream} event {self.event_id}"
