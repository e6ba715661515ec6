"""Original after-sales conversations for the demo store, one module per language.

Each scenario has a subject, the customer's first message, the agent's answer and the
customer's follow-up. Placeholders: {name} (how to address the customer), {order},
{product}, {carrier}, {tracking}, {agent} (the agent's first name), {store}.
"""

from __future__ import annotations

from types import MappingProxyType

from aftersail.demo.texts import de, en, es, fr, it, ja, nl, pl

SCENARIOS = (
    "late_parcel",
    "damaged_item",
    "return_request",
    "warranty_claim",
    "address_change",
    "customs_duties",
    "invoice",
)

TEXTS = MappingProxyType(
    {
        "en": en.TEXTS,
        "de": de.TEXTS,
        "fr": fr.TEXTS,
        "es": es.TEXTS,
        "pl": pl.TEXTS,
        "ja": ja.TEXTS,
        "it": it.TEXTS,
        "nl": nl.TEXTS,
    }
)
