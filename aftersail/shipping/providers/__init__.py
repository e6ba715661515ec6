"""Tracking providers: each verifies its webhook signature and parses its payload into
``ParsedEvent``s. ``adapters()`` maps the provider slug (as in the webhook URL) to its adapter."""

from __future__ import annotations

from aftersail.shipping.providers import aftership, dhl, easypost, seventeen, shippo
from aftersail.shipping.providers.base import (
    Adapter,
    Parsed,
    ParsedEvent,
    PayloadError,
    as_dict,
    as_list,
    header,
    load_object,
    parse_date,
    parse_time,
    text,
)

__all__ = [
    "Adapter",
    "Parsed",
    "ParsedEvent",
    "PayloadError",
    "adapters",
    "as_dict",
    "as_list",
    "header",
    "load_object",
    "parse_date",
    "parse_time",
    "text",
]


def adapters() -> dict[str, Adapter]:
    found: list[Adapter] = [
        aftership.AfterShip(),
        seventeen.SeventeenTrack(),
        easypost.EasyPost(),
        shippo.Shippo(),
        dhl.Dhl(),
    ]
    return {adapter.provider: adapter for adapter in found}
