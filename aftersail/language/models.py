"""Machine translation: per-store provider settings and the stored translations."""

from __future__ import annotations

from django.db import models

from aftersail.core.fields import LanguageField
from aftersail.core.models import TimeStampedModel


class Provider(models.TextChoices):
    NONE = "", "Not configured"  # the desk says so; nothing is translated
    DEEPL = "deepl", "DeepL API"
    LIBRETRANSLATE = "libretranslate", "LibreTranslate"
    ARGOS = "argos", "Argos Translate (local models)"


class TranslationSettings(TimeStampedModel):
    store = models.OneToOneField(
        "commerce.Store", on_delete=models.CASCADE, related_name="translation_settings"
    )
    provider = models.CharField(max_length=20, choices=Provider.choices, blank=True)
    api_url = models.URLField(
        blank=True,
        help_text="DeepL: https://api-free.deepl.com or https://api.deepl.com; "
        "LibreTranslate: the server's base address.",
    )
    api_key = models.CharField(max_length=200, blank=True)
    glossary = models.TextField(
        blank=True,
        help_text="Brand and product names that must never be translated, one per line.",
    )

    class Meta(TimeStampedModel.Meta):
        verbose_name_plural = "translation settings"

    def __str__(self) -> str:
        return f"Translation settings of {self.store}"

    def glossary_terms(self) -> list[str]:
        terms = {line.strip() for line in self.glossary.splitlines() if line.strip()}
        return sorted(terms, key=lambda term: (-len(term), term))  # longest first


class Translation(TimeStampedModel):
    """A machine translation of a message; the message itself keeps the original."""

    message = models.ForeignKey(
        "conversations.Message", on_delete=models.CASCADE, related_name="translations"
    )
    source_language = LanguageField(blank=True)
    target_language = LanguageField()
    text = models.TextField()
    provider = models.CharField(max_length=20, choices=Provider.choices)

    class Meta(TimeStampedModel.Meta):
        ordering = ["message", "target_language"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "target_language"], name="one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.message_id} -> {self.target_language}"
