"""What every tracking provider adapter shares: the parsed shape of a payload, the adapter
protocol, and small helpers for reading untrusted JSON."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol

from aftersail.shipping.models import TrackingAccount


class PayloadError(ValueError):
    """The payload cannot be understood; the raw payload is quarantined with this reason."""


@dataclass
class ParsedEvent:
    tracking_number: str
    status: str
    occurred_at: datetime
    provider_event_id: str = ""
    utc_offset_minutes: int | None = None
    carrier_status: str = ""
    carrier_text: str = ""
    location: str = ""
    country: str = ""

    def event_id(self) -> str:
        """The provider's id, else one derived from what the event says (so a repeated
        delivery of the same scan gets the same id)."""
        if self.provider_event_id:
            return self.provider_event_id[:200]
        facts = "|".join([self.tracking_number, self.occurred_at.isoformat(),
                          self.carrier_status, self.carrier_text, self.location])  # fmt: skip
        return "h:" + hashlib.sha256(facts.encode()).hexdigest()[:40]


@dataclass
class Parsed:
    events: list[ParsedEvent] = field(default_factory=list)
    # tracking number -> estimated delivery date, when the payload says one
    estimates: dict[str, date] = field(default_factory=dict)


class Adapter(Protocol):
    provider: str

    def verify(
        self, account: TrackingAccount, body: bytes, headers: dict[str, str], now: datetime
    ) -> bool: ...

    def parse(self, body: bytes) -> Parsed: ...


def parse_time(value: object) -> tuple[datetime, int | None]:
    """An ISO 8601 time -> (UTC datetime, the offset it was given in, in minutes). A time
    without an offset is taken as UTC and its offset recorded as unknown."""
    if not isinstance(value, str) or not value.strip():
        raise PayloadError(f"missing or invalid time: {value!r}")
    text = value.strip().replace("Z", "+00:00").replace(" ", "T", 1)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise PayloadError(f"invalid time {value!r}") from error
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC), None
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else None
    return moment.astimezone(UTC), minutes


def parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def header(headers: dict[str, str], name: str) -> str:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return ""


def load_object(body: bytes) -> dict[str, object]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise PayloadError(f"not JSON: {error}") from error
    if not isinstance(data, dict):
        raise PayloadError("the payload is not a JSON object")
    return data


def as_dict(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def text(value: object, limit: int = 500) -> str:
    return str(value)[:limit] if isinstance(value, str | int | float) else ""
