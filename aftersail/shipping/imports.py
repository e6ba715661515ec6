"""Importing tracking files (management command and admin upload share this)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from aftersail.commerce.models import Store
from aftersail.shipping.ingest import apply_parsed
from aftersail.shipping.models import Provider, RawTrackingPayload
from aftersail.shipping.providers import PayloadError
from aftersail.shipping.providers.generic import parse_rows, rows_from


@dataclass
class ImportResult:
    events: int = 0
    errors: list[str] = field(default_factory=list)
    unknown: set[str] = field(default_factory=set)


def do_import_tracking(store: Store, data: bytes, fmt: str) -> ImportResult:
    """Stores the file as a raw payload, then applies its rows; refuses the whole file
    when a row is invalid so a fix-and-retry never half-applies it."""
    raw = RawTrackingPayload.objects.create(
        provider=Provider.IMPORT,
        body=data.decode("utf-8", "replace")[:5_000_000],
        headers={"format": fmt, "store": store.slug},
        signature_valid=True,  # uploaded by an administrator
    )
    try:
        parsed, errors = parse_rows(rows_from(data, fmt))
    except PayloadError as error:
        errors, parsed = [str(error)], None
    if errors or parsed is None:
        RawTrackingPayload.objects.filter(id=raw.id).update(
            state=RawTrackingPayload.State.QUARANTINED, error="\n".join(errors)[:5000]
        )
        return ImportResult(errors=errors)
    with transaction.atomic():
        unknown = apply_parsed(parsed, Provider.IMPORT, store_id=store.id, raw=raw)
        RawTrackingPayload.objects.filter(id=raw.id).update(
            state=RawTrackingPayload.State.PROCESSED
        )
    return ImportResult(events=len(parsed.events), unknown=unknown)
