"""AfterShip tracking webhooks.

Signature: header ``aftership-hmac-sha256`` = base64(HMAC-SHA256(raw body, webhook secret))
(https://www.aftership.com/docs/tracking/webhook/webhook-signature). The body carries
``event`` (tracking_update, edd_revise, ...), ``event_id`` and ``msg``, the whole tracking
with its ``checkpoints`` (https://www.aftership.com/docs/tracking/webhook/webhook-body).
"""

from __future__ import annotations

import base64
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
from aftersail.shipping.statuses import AFTERSHIP_SUBTAGS, AFTERSHIP_TAGS


def sign(body: bytes, secret: str) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def status_of(tag: str, subtag: str) -> str | None:
    return AFTERSHIP_SUBTAGS.get(subtag) or AFTERSHIP_TAGS.get(tag)


class AfterShip:
    provider: str = Provider.AFTERSHIP

    def verify(
        self, account: TrackingAccount, body: bytes, headers: dict[str, str], now: datetime
    ) -> bool:
        given = header(headers, "aftership-hmac-sha256")
        return bool(account.webhook_secret and given) and hmac.compare_digest(
            given, sign(body, account.webhook_secret)
        )

    def parse(self, body: bytes) -> Parsed:
        data = load_object(body)
        msg = as_dict(data.get("msg"))
        number = text(msg.get("tracking_number"), 64)
        if not number:
            raise PayloadError("msg.tracking_number is missing")
        parsed = Parsed()
        estimate = as_dict(msg.get("aftership_estimated_delivery_date"))
        when = parse_date(msg.get("expected_delivery")) or parse_date(
            estimate.get("estimated_delivery_date")
        )
        if when:
            parsed.estimates[number] = when
        for item in as_list(msg.get("checkpoints")):
            point = as_dict(item)
            status = status_of(text(point.get("tag")), text(point.get("subtag")))
            if status is None:
                continue
            occurred_at, offset = parse_time(point.get("checkpoint_time"))
            place = [text(point.get(k), 80) for k in ("city", "state", "country_region_name")]
            parsed.events.append(
                ParsedEvent(
                    tracking_number=number,
                    status=status,
                    occurred_at=occurred_at,
                    utc_offset_minutes=offset,
                    carrier_status=text(point.get("subtag") or point.get("tag"), 120),
                    carrier_text=text(point.get("message")),
                    location=text(point.get("location"), 200) or ", ".join(p for p in place if p),
                )
            )
        return parsed
