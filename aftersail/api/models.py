"""API keys: a store's integrations call the API with a bearer token."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from aftersail.core.models import TimeStampedModel


class Scope(models.TextChoices):
    CONVERSATIONS_READ = "conversations:read", "Read conversations and messages"
    CONVERSATIONS_WRITE = "conversations:write", "Open, change and reply to conversations"
    CUSTOMERS_READ = "customers:read", "Read customers"
    CUSTOMERS_WRITE = "customers:write", "Create and change customers"
    ORDERS_READ = "orders:read", "Read orders and shipments"
    ORDERS_WRITE = "orders:write", "Create and change orders and shipments"
    SEARCH = "search", "Search"


class ApiKey(TimeStampedModel):
    """A bearer token bound to one store (and optionally to teams, whose conversations are
    then the only ones it sees). Only the SHA-256 of the token is stored: the token itself
    is shown once, when the key is created."""

    name = models.CharField(max_length=100, help_text="What uses it, e.g. 'Shopify sync'.")
    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="api_keys")
    teams = models.ManyToManyField(
        "accounts.Team",
        blank=True,
        related_name="api_keys",
        help_text="When set, the key sees only these teams' conversations.",
    )
    scopes = models.JSONField(default=list, blank=True)
    prefix = models.CharField(max_length=16, help_text="Start of the token, to recognize it.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        "accounts.Agent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at", "updated_at"])
