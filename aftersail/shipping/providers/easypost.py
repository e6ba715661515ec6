"""EasyPost ``tracker.updated`` webhooks.

Signature: header ``X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256(raw body, secret)>``,
the secret NFKD-normalized (https://docs.easypost.com/guides/webhooks-guide#hmac-validation).
Body: an Event whose ``result`` is the Tracker: ``tracking_code``, ``status``,
``status_detail``, ``est_delivery_date``, ``tracking_details[]`` with ``datetime``,
``message``, ``status``, ``status_detail``, ``tracking_location``
(https://docs.easypost.com/docs/trackers).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
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
from aftersail.shipping.statuses import EASYPOST_DETAILS, EASYPOST_STATUSES

PREFIX = "hmac-sha256-hex="


def sign(body: bytes, secret: str) -> str:
    key = unicodedata.normalize("NFKD", secret).encode()
    return PREFIX + hmac.new(key, body, hashlib.sha256).hexdigest()


class EasyPost:
    provider: str = Provider.EASYPOST

    def verify(
        self, account: TrackingAccount, body: bytes, headers: dict[str, str], now: datetime
    ) -> bool:
        given = header(headers, "X-Hmac-Signature")
        return bool(account.webhook_secret and given) and hmac.compare_digest(
            given, sign(body, account.webhook_secret)
        )

    def parse(self, body: bytes) -> Parsed:
        tracker = as_dict(load_object(body).get("result"))
        number = text(tracker.get("tracking_code"), 64)
        if not number:
            raise PayloadError("result.tracking_code is missing")
        parsed = Parsed()
        when = parse_date(tracker.get("est_delivery_date"))
        if when:
            parsed.estimates[number] = when
        for item in as_list(tracker.get("tracking_details")):
            detail = as_dict(item)
            code, sub = text(detail.get("status")), text(detail.get("status_detail"))
            status = EASYPOST_DETAILS.get(sub) or EASYPOST_STATUSES.get(code)
            if status is None:
                continue
            occurred_at, offset = parse_time(detail.get("datetime"))
            place = as_dict(detail.get("tracking_location"))
            parts = [text(place.get(k), 80) for k in ("city", "state", "zip")]
            parsed.events.append(
                ParsedEvent(
                    tracking_number=number,
                    status=status,
                    occurred_at=occurred_at,
                    utc_offset_minutes=offset,
                    carrier_status=f"{code}/{sub}" if sub else code,
                    carrier_text=text(detail.get("message") or detail.get("description")),
                    location=", ".join(p for p in parts if p),
                    country=text(place.get("country"), 2).upper(),
                )
            )
        return parsed
