"""Macros: canned after-sales answers with one variant per language, plus actions."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from aftersail.conversations.models import Category, Status
from aftersail.core.fields import LanguageField
from aftersail.core.models import TimeStampedModel


class Macro(TimeStampedModel):
    """A named answer. ``store`` empty: offered in every store. Applying it may also change
    the conversation's status, category and tags."""

    store = models.ForeignKey(
        "commerce.Store", on_delete=models.CASCADE, null=True, blank=True, related_name="macros"
    )
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=120, help_text="What agents see in the picker.")
    fallback_language = LanguageField(
        default="en", help_text="Variant used when none exists in the conversation's language."
    )
    set_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    set_category = models.CharField(max_length=32, choices=Category.choices, blank=True)
    add_tags = models.JSONField(default=list, blank=True, help_text='e.g. ["refund-issued"]')
    is_active = models.BooleanField(default=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["store", "slug"], name="macro_slug_unique_per_store"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(store__isnull=True), name="macro_slug_unique_global"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MacroVariant(TimeStampedModel):
    """The macro's text in one language. Placeholders: {customer_first_name},
    {order_number}, {tracking_link}, {agent_name}, {store_name}."""

    macro = models.ForeignKey(Macro, on_delete=models.CASCADE, related_name="variants")
    language = LanguageField()
    body = models.TextField()

    class Meta(TimeStampedModel.Meta):
        ordering = ["macro", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["macro", "language"], name="macro_variant_unique_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.macro_id}/{self.language}"
