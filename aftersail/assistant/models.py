"""Per-store settings of the assistant."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models

from aftersail.core.models import TimeStampedModel


def validate_regex(value: str) -> None:
    try:
        re.compile(value)
    except re.error as error:
        raise ValidationError(f"not a regular expression: {error}") from error


class AssistantSettings(TimeStampedModel):
    store = models.OneToOneField(
        "commerce.Store", on_delete=models.CASCADE, related_name="assistant_settings"
    )
    enabled = models.BooleanField(default=True, help_text="Answers in the chat widget.")
    answer_first_email = models.BooleanField(
        default=False,
        help_text="Also answer the first email of a conversation when the assistant is sure.",
    )
    order_number_pattern = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_regex],
        help_text="Regular expression of the store's order numbers, e.g. N\\d{6}; "
        "blank: learnt from the store's orders.",
    )
    confidence_threshold = models.FloatField(
        default=0.5, help_text="Below this intent probability the assistant hands over."
    )

    class Meta(TimeStampedModel.Meta):
        verbose_name_plural = "assistant settings"

    def __str__(self) -> str:
        return f"Assistant settings of {self.store}"
