"""The demo store's assistant and translation settings."""

from __future__ import annotations

from aftersail.assistant.models import AssistantSettings
from aftersail.commerce.models import Store
from aftersail.language.models import TranslationSettings

# The names that must survive machine translation: the brand and the product lines.
GLOSSARY = [
    "Nordlicht",
    "Nordlicht Outdoor",
    "Fjell 2",
    "Dalur 3",
    "Skarv 1",
    "Polar -10",
    "Lys +8",
    "Varme",
    "Rygg 45",
    "Tind 28",
]


def build_assistant_settings(store: Store) -> None:
    AssistantSettings.objects.create(
        store=store,
        enabled=True,
        answer_first_email=True,
        order_number_pattern=r"N\d{6}",
        confidence_threshold=0.5,
    )
    # No provider: machine translation stays off until an administrator picks one (the
    # desk shows "not configured"); the glossary is ready for when one is chosen.
    TranslationSettings.objects.create(store=store, provider="", glossary="\n".join(GLOSSARY))
