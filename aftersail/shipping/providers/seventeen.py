"""17TRACK (API v2.2) push notifications.

Signature: header ``sign`` = hex(SHA-256(raw body + "/" + security key))
(https://api.17track.net/en/doc?version=v2.2, "WebHook" -> "Signature verification").
Body: ``event`` (TRACKING_UPDATED, TRACKING_STOPPED) and ``data`` with ``number`` and
``track_info`` (``tracking.providers[].events[]`` with ``time_iso``, ``time_utc``,
``stage``, ``sub_status``, ``description``, ``location``, ``address.country``).
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
from aftersail.shipping.statuses import SEVENTEEN_TRACK_STATUSES, SEVENTEEN_TRACK_SUB_STATUSES


def sign(body: bytes, key: str) -> str:
    return hashlib.sha256(body + b"/" + key.encode()).hexdigest()


class SeventeenTrack:
    provider: str = Provider.SEVENTEEN_TRACK

    def verify(
        self, account: TrackingAccount, body: bytes, headers: dict[str, str], now: datetime
    ) -> bool:
        given = header(headers, "sign").lower()
        return bool(account.webhook_secret and given) and hmac.compare_digest(
            given, sign(body, account.webhook_secret)
        )

    def parse(self, body: bytes) -> Parsed:
        data = as_dict(load_object(body).get("data"))
        number = text(data.get("number"), 64)
        if not number:
            raise PayloadError("data.number is missing")
        info = as_dict(data.get("track_info"))
        parsed = Parsed()
        metrics = as_dict(as_dict(info.get("time_metrics")).get("estimated_delivery_date"))
        when = parse_date(metrics.get("to")) or parse_date(metrics.get("from"))
        if when:
            parsed.estimates[number] = when
        for source in as_list(as_dict(info.get("tracking")).get("providers")):
            for item in as_list(as_dict(source).get("events")):
                event = as_dict(item)
                sub_status = text(event.get("sub_status"))
                stage = text(event.get("stage")) or sub_status.split("_")[0]
                status = SEVENTEEN_TRACK_SUB_STATUSES.get(sub_status) or (
                    SEVENTEEN_TRACK_STATUSES.get(stage)
                )
                if status is None:
                    continue
                occurred_at, offset = parse_time(event.get("time_iso") or event.get("time_utc"))
                parsed.events.append(
                    ParsedEvent(
                        tracking_number=number,
                        status=status,
                        occurred_at=occurred_at,
                        utc_offset_minutes=offset,
                        carrier_status=sub_status or text(event.get("stage"), 120),
                        carrier_text=text(event.get("description")),
                        location=text(event.get("location"), 200),
                        country=text(as_dict(event.get("address")).get("country"), 2).upper(),
                    )
                )
        return parsed
