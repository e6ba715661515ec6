"""Who gets a conversation: team rules, each team's routing mode, and agents' shifts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from aftersail.core.models import TimeStampedModel


class TeamRule(TimeStampedModel):
    """Sends matching new conversations to a team. Rules are tried by ``position``; the
    first whose every non-empty condition matches wins. An empty condition matches all."""

    name = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=100, help_text="Lower runs first.")
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="rules")
    countries = models.JSONField(default=list, blank=True, help_text='e.g. ["DE", "AT"]')
    languages = models.JSONField(default=list, blank=True, help_text='e.g. ["de"]')
    channels = models.JSONField(default=list, blank=True, help_text='e.g. ["email", "chat"]')
    categories = models.JSONField(default=list, blank=True, help_text='e.g. ["return"]')
    is_active = models.BooleanField(default=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name} → {self.team_id}"

    def clean(self) -> None:
        for field in ("countries", "languages", "channels", "categories"):
            value = getattr(self, field)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValidationError({field: "a list of codes"})


class RoutingMode(models.TextChoices):
    MANUAL = "manual", "Manual"  # conversations wait in the team queue for someone to take
    ROUND_ROBIN = "round_robin", "Round robin"  # in turn among available agents
    LEAST_LOADED = "least_loaded", "Least loaded"  # the available agent with fewest open


class TeamRouting(TimeStampedModel):
    team = models.OneToOneField("accounts.Team", on_delete=models.CASCADE, related_name="routing")
    mode = models.CharField(max_length=16, choices=RoutingMode.choices, default=RoutingMode.MANUAL)
    last_agent = models.ForeignKey(
        "accounts.Agent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["team"]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.mode}"


class Shift(TimeStampedModel):
    """One weekly working interval of an agent, on the agent's own wall clock. An end at or
    before the start runs past midnight into the next day. Agents without any shift are
    treated as always available."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    agent = models.ForeignKey("accounts.Agent", on_delete=models.CASCADE, related_name="shifts")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    starts = models.TimeField()
    ends = models.TimeField()

    class Meta(TimeStampedModel.Meta):
        ordering = ["agent", "weekday", "starts"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}-{self.ends:%H:%M}"
