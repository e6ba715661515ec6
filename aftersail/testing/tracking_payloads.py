"""Webhook bodies shaped as in each provider's documentation (fields trimmed to what
matters, names and nesting as documented)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any


def aftership(
    number: str,
    checkpoints: list[dict[str, Any]],
    *,
    event_id: str = "evt-1",
    tag: str = "InTransit",
    expected: str | None = None,
) -> bytes:
    # https://www.aftership.com/docs/tracking/webhook/webhook-body
    return json.dumps(
        {
            "msg": {
                "id": "5b0e5d6b3f4d3c0a1c7c8f9a",
                "tracking_number": number,
                "slug": "dhl",
                "tag": tag,
                "subtag": f"{tag}_001",
                "expected_delivery": expected,
                "aftership_estimated_delivery_date": None,
                "checkpoints": [
                    {
                        "slug": "dhl",
                        "city": cp.get("city", "Leipzig"),
                        "created_at": "2026-11-01T00:00:00+00:00",
                        "location": cp.get("location", ""),
                        "country_region": "DEU",
                        "country_region_name": "Germany",
                        "message": cp.get("message", "Shipment picked up"),
                        "tag": cp["tag"],
                        "subtag": cp.get("subtag", f"{cp['tag']}_001"),
                        "checkpoint_time": cp["time"],
                        "state": None,
                    }
                    for cp in checkpoints
                ],
            },
            "event": "tracking_update",
            "event_id": event_id,
            "is_tracking_first_tag": False,
            "ts": 1795000000,
        }
    ).encode()


def seventeen(number: str, events: list[dict[str, Any]], *, eta: str | None = None) -> bytes:
    # https://api.17track.net/en/doc?version=v2.2 (WebHook, TRACKING_UPDATED)
    return json.dumps(
        {
            "event": "TRACKING_UPDATED",
            "data": {
                "number": number,
                "carrier": 100003,
                "param": None,
                "tag": "",
                "track_info": {
                    "latest_status": {
                        "status": events[-1]["stage"],
                        "sub_status": "",
                        "sub_status_descr": None,
                    },
                    "time_metrics": {
                        "estimated_delivery_date": {"source": "17TRACK", "from": eta, "to": eta}
                    },
                    "tracking": {
                        "providers_hash": 1,
                        "providers": [
                            {
                                "provider": {"key": 100003, "name": "DHL Paket", "country": "DE"},
                                "latest_sync_status": "Success",
                                "events": [
                                    {
                                        "time_iso": ev["time"],
                                        "time_utc": None,
                                        "time_raw": {
                                            "date": ev["time"][:10],
                                            "time": ev["time"][11:19],
                                            "timezone": None,
                                        },
                                        "description": ev.get("description", "In transit"),
                                        "location": ev.get("location", "Frankfurt"),
                                        "stage": ev["stage"],
                                        "sub_status": ev.get("sub_status", f"{ev['stage']}_Other"),
                                        "address": {
                                            "country": ev.get("country", "DE"),
                                            "city": None,
                                        },
                                    }
                                    for ev in events
                                ],
                            }
                        ],
                    },
                },
            },
        }
    ).encode()


def easypost(number: str, details: list[dict[str, Any]], *, eta: str | None = None) -> bytes:
    # https://docs.easypost.com/docs/trackers (Event with a Tracker as result)
    return json.dumps(
        {
            "id": "evt_3d1a2b",
            "object": "Event",
            "mode": "test",
            "description": "tracker.updated",
            "previous_attributes": {"status": "unknown"},
            "result": {
                "id": "trk_c8e0edb5bb284caa934a0d3db23a148z",
                "object": "Tracker",
                "mode": "test",
                "tracking_code": number,
                "status": details[-1]["status"],
                "status_detail": details[-1].get("status_detail", ""),
                "carrier": "USPS",
                "est_delivery_date": eta,
                "tracking_details": [
                    {
                        "object": "TrackingDetail",
                        "message": d.get("message", "Arrived at facility"),
                        "description": "",
                        "status": d["status"],
                        "status_detail": d.get("status_detail", ""),
                        "datetime": d["time"],
                        "source": "USPS",
                        "carrier_code": "",
                        "tracking_location": {
                            "object": "TrackingLocation",
                            "city": "CHICAGO",
                            "state": "IL",
                            "country": "US",
                            "zip": "60601",
                        },
                    }
                    for d in details
                ],
            },
        }
    ).encode()


def shippo(number: str, history: list[dict[str, Any]], *, eta: str | None = None) -> bytes:
    # https://docs.goshippo.com/docs/tracking/webhooks/ (track_updated)
    entries = [
        {
            "object_created": h["time"],
            "object_id": h["id"],
            "status": h["status"],
            "status_details": h.get("details", "Your shipment has departed."),
            "status_date": h["time"],
            "substatus": {"code": h["sub"], "text": h.get("details", ""), "action_required": False}
            if h.get("sub")
            else None,
            "location": {"city": "Las Vegas", "state": "NV", "zip": "89101", "country": "US"},
        }
        for h in history
    ]
    return json.dumps(
        {
            "event": "track_updated",
            "test": True,
            "data": {
                "carrier": "usps",
                "tracking_number": number,
                "eta": eta,
                "original_eta": eta,
                "servicelevel": {"token": "usps_priority", "name": "Priority Mail"},
                "address_from": {
                    "city": "Las Vegas",
                    "state": "NV",
                    "zip": "89101",
                    "country": "US",
                },
                "address_to": {
                    "city": "Spotsylvania",
                    "state": "VA",
                    "zip": "22551",
                    "country": "US",
                },
                "tracking_status": entries[-1],
                "tracking_history": entries,
            },
        }
    ).encode()


def dhl(
    number: str,
    events: list[dict[str, Any]],
    *,
    eta: str | None = None,
    return_flag: bool = False,
    top_return_flag: bool = False,
) -> bytes:
    # https://developer.dhl.com/api-reference/shipment-tracking (GET /track/shipments)
    shaped = [
        {
            "timestamp": e["time"],
            "location": {
                "address": {
                    "countryCode": e.get("country", "DE"),
                    "postalCode": "04109",
                    "addressLocality": e.get("city", "Leipzig"),
                }
            },
            "statusCode": e["code"],
            "status": e.get("status", e["code"].upper()),
            "description": e.get("description", "The shipment has been processed."),
        }
        for e in events
    ]
    # The flag sits in "details" in the reference, on the shipment in DHL's support example
    # (https://support-developer.dhl.com/support/solutions/articles/47001251916).
    flag = {"returnFlag": True} if top_return_flag else {}
    return json.dumps(
        {
            "shipments": [
                {
                    **flag,
                    "id": number,
                    "service": "parcel-de",
                    "origin": {"address": {"countryCode": "DE", "addressLocality": "Leipzig"}},
                    "destination": {"address": {"countryCode": "FR", "addressLocality": "Lyon"}},
                    "status": shaped[-1] if shaped else {},
                    "estimatedTimeOfDelivery": eta,
                    "details": {"product": {"productName": "DHL PAKET"}, "returnFlag": return_flag},
                    "events": list(reversed(shaped)),  # DHL lists the newest first
                }
            ],
            "possibleAdditionalShipmentsUrl": [],
        }
    ).encode()


def aftership_signature(body: bytes, secret: str) -> str:
    """The ``aftership-hmac-sha256`` header: base64 of the HMAC-SHA256 of the raw body with
    the webhook secret (https://www.aftership.com/docs/tracking/webhook/webhook-signature).
    Computed here on its own, so tests check the adapter's verification against the
    documentation rather than against itself."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
