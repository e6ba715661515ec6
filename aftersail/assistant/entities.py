"""Things the assistant recognizes in a message: order numbers, emails, tracking numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from aftersail.assistant.models import AssistantSettings
from aftersail.commerce.models import Order, Store

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+", re.ASCII)

# Carrier tracking-number shapes, most specific first. Sources:
# - UPS: "1Z" + 6-character shipper number + 2-digit service + 8 characters (UPS Developer
#   Kit, Tracking API guide, "1Z tracking numbers").
# - Postal items: UPU standard S10 (2 letters, 8 digits + check digit, ISO country code).
# - DHL Paket (Germany): 20 digits starting 00340434 for parcels of many shippers (DHL
#   Paket & Paket International "Sendungsnummer" format), or 12 digits.
# - DHL Express: 10 digits (DHL Express "waybill number").
# - InPost (PL): 24 digits (InPost ShipX API, "tracking_number").
# - PostNL: "3S" + 13 characters (PostNL barcode "3S" for Dutch parcels).
# - Colissimo: 2 characters + 11 digits, e.g. 6A12345678901 (La Poste Colissimo).
# - DPD: 14 digits (DPD "parcel number").
# - FedEx: 12 digits (FedEx Express tracking number).
CARRIER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ups", re.compile(r"\b1Z[0-9A-Z]{16}\b")),
    ("postal", re.compile(r"\b[A-Z]{2}\d{9}[A-Z]{2}\b")),
    ("postnl", re.compile(r"\b3S[0-9A-Z]{13}\b")),
    ("colissimo", re.compile(r"\b[0-9][A-Z]\d{11}\b")),
    ("inpost", re.compile(r"\b\d{24}\b")),
    ("dhl", re.compile(r"\b00340434\d{12}\b")),
    ("dpd", re.compile(r"\b0\d{13}\b")),
    ("fedex", re.compile(r"\b\d{12}\b")),
    ("dhl_express", re.compile(r"\b\d{10}\b")),
)

GENERIC_ORDER_RE = r"#?[A-Z]{0,4}-?\d{4,10}"


@dataclass
class Entities:
    order_numbers: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    tracking_numbers: list[tuple[str, str]] = field(default_factory=list)  # (carrier, number)


def _shape(number: str) -> str:
    """``N104821`` -> ``N\\d{6}``: letters and separators literal, digit runs counted."""
    return re.sub(r"\d+", lambda m: rf"\d{{{len(m.group())}}}", re.escape(number))


def order_number_pattern(store: Store) -> str:
    """The store's configured pattern, else the shapes of its recent order numbers."""

    configured = (
        AssistantSettings.objects.filter(store=store)
        .values_list("order_number_pattern", flat=True)
        .first()
    )
    if configured:
        return configured
    numbers = Order.objects.filter(store=store).order_by("-placed_at")
    shapes = sorted({_shape(n) for n in numbers.values_list("number", flat=True)[:200] if n})
    if not shapes or len(shapes) > 5:
        return GENERIC_ORDER_RE
    return "|".join(shapes)


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    # ASCII edges: Japanese runs words together ("注文番号はN100482、"), and a kana or kanji
    # beside the number must not hide it.
    return re.compile(rf"(?<![0-9A-Za-z_-])#?({pattern})(?![0-9A-Za-z_-])", re.IGNORECASE)


def extract(text: str, order_pattern: str = GENERIC_ORDER_RE) -> Entities:
    text = (text or "")[:5000]
    found = Entities()
    for match in EMAIL_RE.finditer(text):
        email = match.group().lower().strip(".")
        if email not in found.emails:
            found.emails.append(email)
    without_emails = EMAIL_RE.sub(" ", text)
    taken: set[str] = set()
    for carrier, pattern in CARRIER_PATTERNS:
        for match in pattern.finditer(without_emails.upper()):
            number = match.group()
            if number not in taken:
                taken.add(number)
                found.tracking_numbers.append((carrier, number))
    for match in _compiled(order_pattern).finditer(without_emails):
        number = match.group(1).lstrip("#").upper()
        if number not in taken and number not in found.order_numbers:
            found.order_numbers.append(number)
    return found
