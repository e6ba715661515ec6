"""Live chat: per-store widget settings, agents' presence, and one session per visitor."""

from __future__ import annotations

from django.db import models

from aftersail.core.fields import LanguageField, TimeZoneField
from aftersail.core.models import TimeStampedModel


class ChatSettings(TimeStampedModel):
    store = models.OneToOneField(
        "commerce.Store", on_delete=models.CASCADE, related_name="chat_settings"
    )
    enabled = models.BooleanField(default=True)
    allowed_origins = models.JSONField(
        default=list,
        blank=True,
        help_text='Shop sites that may embed the widget, e.g. ["https://shop.example"].',
    )
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The team that answers chats; blank: any team.",
    )

    class Meta(TimeStampedModel.Meta):
        verbose_name_plural = "chat settings"

    def __str__(self) -> str:
        return f"Chat of {self.store_id}"


class AgentPresence(TimeStampedModel):
    """Whether an agent takes chats right now (the desk's "available for chat" switch)."""

    agent = models.OneToOneField(
        "accounts.Agent", on_delete=models.CASCADE, related_name="presence"
    )
    available = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.agent_id}: {'available' if self.available else 'away'}"


class ChatSession(TimeStampedModel):
    class State(models.TextChoices):
        ASSISTANT = "assistant", "With the assistant"  # the assistant answers first
        WAITING = "waiting", "Waiting for an agent"  # handed over, agents are available
        EMAIL = "email", "Continues by email"  # nobody was available; the customer left an address
        ASK_EMAIL = "ask_email", "Asked for an email address"  # nobody available, no address yet

    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="+")
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="chat_sessions"
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chat_sessions",
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.ASSISTANT)
    browser_language = LanguageField(blank=True)
    browser_time_zone = TimeZoneField(blank=True)
    origin = models.CharField(max_length=255, blank=True)
    assistant_state = models.JSONField(default=dict, blank=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)
    transcripts_sent = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"chat {self.public_id}"
