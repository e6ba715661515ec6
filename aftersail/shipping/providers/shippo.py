"""Shippo ``track_updated`` webhooks.

Signature: header ``Shippo-Auth-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">``,
refused outside a 5-minute window against replays
(https://docs.goshippo.com/docs/tracking/webhooks/ "Webhook security").
Body: ``event``, ``data`` with ``tracking_number``, ``eta``, ``tracking_status`` and
``tracking_history[]`` (``object_id``, ``status``, ``substatus.code``, ``status_details``,
``status_date``, ``location``). Shippo webhooks are not idempotent, so the history's
``object_id`` is what deduplicates.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from aftersail.shipping.models import Provider, TrackingAccount
from aftersail.shipping.providers.base import (
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
from aftersail.shipping.statuses import SHIPPO_STATUSES, SHIPPO_SUBSTATUSES

REPLAY_WINDOW_SECONDS = 300


def sign(body: bytes, secret: str, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


class Shippo:
    provider: str = Provider.SHIPPO

    def verify(
        self, account: TrackingAccount, body: bytes, headers: dict[str, str], now: datetime
    ) -> bool:
        parts = dict(
            item.strip().split("=", 1)
            for item in header(headers, "Shippo-Auth-Signature").split(",")
            if "=" in item
        )
        try:
            timestamp = int(parts.get("t", ""))
        except ValueError:
            return False
        if not account.webhook_secret or abs(now.timestamp() - timestamp) > REPLAY_WINDOW_SECONDS:
            return False
        expected = sign(body, account.webhook_secret, timestamp).split("v1=", 1)[1]
        return hmac.compare_digest(parts.get("v1", ""), expected)

    def parse(self, body: bytes) -> Parsed:
        data = as_dict(load_object(body).get("data"))
        number = text(data.get("tracking_number"), 64)
        if not number:
            raise PayloadError("data.tracking_number is missing")
        parsed = Parsed()
        when = parse_date(data.get("eta"))
        if when:
            parsed.estimates[number] = when
        history = as_list(data.get("tracking_history")) or [data.get("tracking_status")]
        for item in history:
            entry = as_dict(item)
            code = text(entry.get("status"))
            sub = text(as_dict(entry.get("substatus")).get("code"))
            status = SHIPPO_SUBSTATUSES.get(sub) or SHIPPO_STATUSES.get(code)
            if status is None:
                continue
            occurred_at, offset = parse_time(entry.get("status_date"))
            place = as_dict(entry.get("location"))
            parts = [text(place.get(k), 80) for k in ("city", "state", "zip")]
            parsed.events.append(
                ParsedEvent(
                    tracking_number=number,
                    status=status,
                    occurred_at=occurred_at,
                    utc_offset_minutes=offset,
                    provider_event_id=text(entry.get("object_id"), 200),
                    carrier_status=f"{code}/{sub}" if sub else code,
                    carrier_text=text(entry.get("status_details")),
                    location=", ".join(p for p in parts if p),
                    country=text(place.get("country"), 2).upper(),
                )
            )
        return parsed
