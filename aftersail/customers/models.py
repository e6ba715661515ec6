"""The people who buy: a customer per store, reachable through several identities."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from aftersail.core.fields import CountryField, LanguageField, TimeZoneField
from aftersail.core.models import TimeStampedModel


class Customer(TimeStampedModel):
    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="customers")
    name = models.CharField(max_length=200, help_text="Full name as the customer writes it.")
    given_name = models.CharField(
        max_length=100, blank=True, help_text="How to address the customer in messages."
    )
    language = LanguageField(blank=True, help_text="Preferred language; blank when unknown.")
    country = CountryField(blank=True)
    time_zone = TimeZoneField(blank=True, help_text="Blank when not known yet.")
    notifications_opt_in = models.BooleanField(
        default=True, help_text="Accepts service notifications (shipping, returns)."
    )
    marketing_opt_in = models.BooleanField(default=False)
    consent_updated_at = models.DateTimeField(null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="customer",
        help_text="Portal login, when the customer has one.",
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name or f"Customer {self.public_id}"

    @property
    def address_name(self) -> str:
        return self.given_name or self.name


class CustomerIdentity(TimeStampedModel):
    """An address the customer is reachable at; unique per store so that mail from a known
    address always joins the same customer."""

    class Kind(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"
        WHATSAPP = "whatsapp", "WhatsApp"
        MESSENGER = "messenger", "Messenger"
        INSTAGRAM = "instagram", "Instagram"
        # Not addresses to write to; they recognize the customer when they come back.
        SHOP_CUSTOMER = "shop_customer", "Shop customer id"  # the shop platform's id
        CHAT_SESSION = "chat_session", "Chat session"  # the chat widget's session id

    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="+")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="identities")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    value = models.CharField(
        max_length=254,
        help_text="Normalized (customers.identities): email with an ASCII domain, E.164 phone.",
    )
    is_primary = models.BooleanField(default=False)
    undeliverable_since = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["customer", "-is_primary", "kind", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "kind", "value"], name="identity_unique_per_store"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"
