"""Business calendars, SLA policies, the clocks they start, and reply-by promises."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from aftersail.core.fields import CountryField, TimeZoneField
from aftersail.core.models import TimeStampedModel
from aftersail.sla.businesstime import Interval


def validate_intervals(value: object) -> None:

    if not isinstance(value, list):
        raise ValidationError("intervals are a list of {weekday, start, end}")
    for item in value:
        try:
            Interval.parse(int(item["weekday"]), str(item["start"]), str(item["end"]))
        except (KeyError, TypeError, ValueError) as error:
            raise ValidationError(f"invalid interval {item!r}: {error}") from error


class BusinessCalendar(TimeStampedModel):
    """Working hours in one time zone: intervals per weekday and the dates it is closed.

    ``intervals`` holds ``{"weekday": 0, "start": "09:00", "end": "17:00"}`` items
    (0 = Monday); an end at or before the start crosses midnight into the next day.
    """

    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100)
    time_zone = TimeZoneField(default="UTC")
    intervals = models.JSONField(default=list, validators=[validate_intervals])
    holiday_country = CountryField(
        blank=True, help_text="Closed on this country's public holidays (python-holidays)."
    )
    holiday_subdivision = models.CharField(
        max_length=10, blank=True, help_text="State or region code, e.g. BY for Bavaria."
    )
    is_store_default = models.BooleanField(
        default=False, help_text="Used for teams without a calendar of their own."
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["store"], condition=Q(is_store_default=True), name="one_default_calendar"
            )
        ]

    def __str__(self) -> str:
        return self.name


class CalendarClosure(models.Model):
    """A custom closed day (company holiday, stocktaking, a strike)."""

    calendar = models.ForeignKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="closures"
    )
    date = models.DateField()
    reason = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["calendar", "date"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="one_closure_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.calendar} closed {self.date}"


class TeamCalendar(models.Model):
    """The calendar a team works by; teams without one use their store's default."""

    team = models.OneToOneField("accounts.Team", on_delete=models.CASCADE, related_name="schedule")
    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE, related_name="teams")

    class Meta:
        ordering = ["team"]

    def __str__(self) -> str:
        return f"{self.team}: {self.calendar}"


class Metric(models.TextChoices):
    # Creation -> the first public agent reply.
    FIRST_REPLY = "first_reply", "First reply"
    # The oldest unanswered customer message -> the next public agent reply.
    NEXT_REPLY = "next_reply", "Next reply"
    # The last public agent reply -> the next one, while the conversation stays open.
    PERIODIC_UPDATE = "periodic_update", "Periodic update"
    # Creation -> solved.
    RESOLUTION = "resolution", "Resolution"


class SlaPolicy(TimeStampedModel):
    """Targets for conversations matching every non-empty condition; the first active
    policy in ``position`` order that matches applies, re-evaluated on each event."""

    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=100)
    is_active = models.BooleanField(default=True)
    channels = models.JSONField(default=list, blank=True)
    priorities = models.JSONField(default=list, blank=True)
    countries = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    customer_tags = models.JSONField(
        default=list, blank=True, help_text="Matches customers with any of these tags."
    )
    categories = models.JSONField(default=list, blank=True)
    first_reply_minutes = models.PositiveIntegerField(null=True, blank=True)
    next_reply_minutes = models.PositiveIntegerField(null=True, blank=True)
    periodic_update_minutes = models.PositiveIntegerField(null=True, blank=True)
    resolution_minutes = models.PositiveIntegerField(null=True, blank=True)
    business_hours = models.BooleanField(
        default=True, help_text="Count the handling team's working hours; else every hour."
    )
    pause_statuses = models.JSONField(default=list, blank=True)
    warn_at_percent = models.PositiveSmallIntegerField(default=75)

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "position", "id"]
        verbose_name_plural = "SLA policies"

    def __str__(self) -> str:
        return self.name

    def target(self, metric: str) -> timedelta | None:
        minutes = getattr(self, f"{metric}_minutes")
        return timedelta(minutes=minutes) if minutes else None


class SlaClock(models.Model):
    """One run of one metric on one conversation, kept as due timestamps.

    Rebuilt from the conversation's messages and timeline whenever something relevant
    happens (idempotent); the breach scan only reads rows whose ``next_check_at`` has come.
    """

    class State(models.TextChoices):
        RUNNING = "running", "Running"
        PAUSED = "paused", "Paused"  # a pausing status holds it; no due time meanwhile
        MET = "met", "Met"  # stopped before its due time
        BREACHED = "breached", "Breached"  # stopped after it, or still running past it

    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="sla_clocks"
    )
    policy = models.ForeignKey(SlaPolicy, on_delete=models.SET_NULL, null=True, related_name="+")
    metric = models.CharField(max_length=16, choices=Metric.choices)
    started_at = models.DateTimeField()
    target_seconds = models.PositiveIntegerField()
    business_hours = models.BooleanField(default=True)
    due_at = models.DateTimeField(null=True, blank=True)
    warn_at = models.DateTimeField(null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.RUNNING)
    # Business and calendar seconds from start to stop, for reports.
    business_seconds = models.PositiveIntegerField(null=True, blank=True)
    calendar_seconds = models.PositiveIntegerField(null=True, blank=True)
    warned_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(null=True, blank=True)
    # When the scan must look at it next: warn_at until warned, then due_at; null once done.
    next_check_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["conversation", "started_at", "metric"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "metric", "started_at"], name="one_clock_per_run"
            )
        ]
        indexes = [
            models.Index(
                fields=["next_check_at"],
                name="sla_clock_due_idx",
                condition=Q(next_check_at__isnull=False),
            ),
            models.Index(fields=["conversation", "metric"]),
            models.Index(fields=["metric", "stopped_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.metric} of conversation {self.conversation_id}: {self.state}"


class Promise(TimeStampedModel):
    """The reply-by time told to the customer in the acknowledgement."""

    class State(models.TextChoices):
        OPEN = "open", "Open"
        KEPT = "kept", "Kept"  # a public agent reply left by the promised time
        BROKEN = "broken", "Broken"  # none had left by then

    conversation = models.OneToOneField(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="promise"
    )
    message = models.ForeignKey("conversations.Message", on_delete=models.CASCADE, related_name="+")
    received_at = models.DateTimeField()
    reply_by = models.DateTimeField()
    customer_zone = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    outside_hours = models.BooleanField(default=False)
    text = models.TextField()
    sent_to = models.CharField(max_length=254, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.OPEN)
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["reply_by"], name="sla_promise_open_idx", condition=Q(state="open")
            )
        ]

    def __str__(self) -> str:
        return f"reply by {self.reply_by:%Y-%m-%d %H:%M} UTC ({self.state})"


class SlaAlert(TimeStampedModel):
    """A desk notification to an agent: a clock warned or breached."""

    class Kind(models.TextChoices):
        WARNING = "warning", "Due soon"
        BREACH = "breach", "Breached"

    clock = models.ForeignKey(SlaClock, on_delete=models.CASCADE, related_name="alerts")
    agent = models.ForeignKey("accounts.Agent", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["clock", "agent", "kind"], name="one_alert_each")
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.agent}"
