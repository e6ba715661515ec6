"""Generic import for carriers without an adapter: CSV or JSON rows with
``tracking_number``, ``status`` (a canonical status), ``occurred_at`` (ISO 8601, with offset
when known) and optionally ``event_id``, ``carrier_text``, ``location``, ``country``,
``estimated_delivery``. Bad rows are reported, never half-applied."""

from __future__ import annotations

import csv
import io
import json

from aftersail.shipping.models import ShipmentStatus
from aftersail.shipping.providers.base import (
    Parsed,
    ParsedEvent,
    PayloadError,
    parse_date,
    parse_time,
)

MAX_ROWS = 200_000


def rows_from(data: bytes, fmt: str) -> list[dict[str, object]]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PayloadError("the file is not UTF-8") from error
    if fmt == "json":
        try:
            loaded = json.loads(content)
        except ValueError as error:
            raise PayloadError(f"not JSON: {error}") from error
        rows = loaded.get("events") if isinstance(loaded, dict) else loaded
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise PayloadError('expected a list of objects (or {"events": [...]})')
        return rows[: MAX_ROWS + 1]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(content)))[: MAX_ROWS + 1]
    raise PayloadError(f"unknown format {fmt!r}: use csv or json")


def parse_rows(rows: list[dict[str, object]]) -> tuple[Parsed, list[str]]:
    """(the events, the errors by row number); row 1 is the first data row."""
    if len(rows) > MAX_ROWS:
        raise PayloadError(f"more than {MAX_ROWS} rows; split the file")
    parsed, errors = Parsed(), []
    for number, row in enumerate(rows, start=1):
        tracking = str(row.get("tracking_number") or "").strip()[:64]
        status = str(row.get("status") or "").strip()
        if not tracking:
            errors.append(f"row {number}: tracking_number is missing")
            continue
        if status not in ShipmentStatus.values:
            errors.append(f"row {number}: unknown status {status!r}")
            continue
        try:
            occurred_at, offset = parse_time(row.get("occurred_at"))
        except PayloadError as error:
            errors.append(f"row {number}: {error}")
            continue
        parsed.events.append(
            ParsedEvent(
                tracking_number=tracking,
                status=status,
                occurred_at=occurred_at,
                utc_offset_minutes=offset,
                provider_event_id=str(row.get("event_id") or "")[:200],
                carrier_status=status,
                carrier_text=str(row.get("carrier_text") or "")[:500],
                location=str(row.get("location") or "")[:200],
                country=str(row.get("country") or "")[:2].upper(),
            )
        )
        estimate = parse_date(row.get("estimated_delivery"))
        if estimate:
            parsed.estimates[tracking] = estimate
    return parsed, errors
