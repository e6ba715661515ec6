"""Contract tests: every webhook adapter with payloads shaped as documented, good and bad
signatures, duplicates and events out of order."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from aftersail.shipping.models import RawTrackingPayload, Shipment, TrackingEvent
from aftersail.shipping.providers import aftership, easypost, seventeen, shippo
from aftersail.shipping.tasks import reprocess_received_payloads
from aftersail.testing import tracking_payloads as payloads

NOW = "2026-11-03T12:00:00+00:00"
NUMBER = "00340434161094042557"


def _signed(provider: str, body: bytes, secret: str) -> dict[str, str]:
    if provider == "aftership":
        return {"HTTP_AFTERSHIP_HMAC_SHA256": aftership.sign(body, secret)}
    if provider == "17track":
        return {"HTTP_SIGN": seventeen.sign(body, secret)}
    if provider == "easypost":
        return {"HTTP_X_HMAC_SIGNATURE": easypost.sign(body, secret)}
    ts = 1793707200  # 2026-11-03T12:00:00Z, inside the replay window
    return {"HTTP_SHIPPO_AUTH_SIGNATURE": shippo.sign(body, secret, ts)}


# For each provider: label created, in transit, delivered (three documented vocabularies).
def _journey(provider: str, steps: list[int]) -> bytes:
    times = ["2026-11-01T09:00:00+01:00", "2026-11-01T18:30:00+01:00", "2026-11-03T10:15:00+01:00"]
    if provider == "aftership":
        tags = ["InfoReceived", "InTransit", "Delivered"]
        return payloads.aftership(
            NUMBER, [{"tag": tags[i], "time": times[i]} for i in steps], expected="2026-11-04"
        )
    if provider == "17track":
        stages = ["InfoReceived", "InTransit", "Delivered"]
        return payloads.seventeen(
            NUMBER,
            [{"stage": stages[i], "time": times[i]} for i in steps],
            eta="2026-11-04T00:00:00Z",
        )
    if provider == "easypost":
        statuses = ["pre_transit", "in_transit", "delivered"]
        return payloads.easypost(
            NUMBER,
            [{"status": statuses[i], "time": times[i]} for i in steps],
            eta="2026-11-04T00:00:00Z",
        )
    statuses = ["PRE_TRANSIT", "TRANSIT", "DELIVERED"]
    return payloads.shippo(
        NUMBER,
        [{"status": statuses[i], "time": times[i], "id": f"h{i}"} for i in steps],
        eta="2026-11-04T00:00:00Z",
    )


PROVIDERS = ["aftership", "17track", "easypost", "shippo"]


def _post(
    shop, provider: str, body: bytes, headers: dict[str, str], django_capture_on_commit_callbacks
):
    account = shop.account(provider)
    url = reverse("shipping_hooks:webhook", args=[provider, account.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        return Client().post(url, body, content_type="application/json", **headers), account


@pytest.mark.parametrize("provider", PROVIDERS)
@time_machine.travel(NOW, tick=False)
def test_signed_payload_is_stored_then_processed(
    shop, provider, django_capture_on_commit_callbacks
):
    body = _journey(provider, [0, 1, 2])
    response, _ = _post(
        shop, provider, body, _signed(provider, body, "s3cret"), django_capture_on_commit_callbacks
    )
    assert response.status_code == 200
    raw = RawTrackingPayload.objects.get()
    assert (raw.provider, raw.signature_valid, raw.state, raw.error) == (
        provider,
        True,
        "processed",
        "",
    )
    assert raw.body.encode() == body
    events = list(TrackingEvent.objects.values_list("status", "utc_offset_minutes"))
    assert events == [("label_created", 60), ("in_transit", 60), ("delivered", 60)]
    shipment = Shipment.objects.get()
    assert shipment.status == "delivered"
    assert shipment.delivered_at.isoformat() == "2026-11-03T09:15:00+00:00"
    assert shipment.shipped_at.isoformat() == "2026-11-01T17:30:00+00:00"
    assert str(shipment.estimated_delivery) == "2026-11-04"
    assert list(shipment.estimates.values_list("estimated_date", flat=True)) == [
        shipment.estimated_delivery
    ]


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("tamper", ["wrong secret", "body changed", "no header"])
@time_machine.travel(NOW, tick=False)
def test_bad_signature_is_rejected_logged_and_nothing_else_stored(
    shop, provider, tamper, django_capture_on_commit_callbacks, caplog
):
    body = _journey(provider, [0, 1])
    headers = _signed(provider, body, "wrong" if tamper == "wrong secret" else "s3cret")
    if tamper == "body changed":
        body = body.replace(b"InTransit", b"Delivered").replace(b"in_transit", b"delivered")
        body = body.replace(b"TRANSIT", b"DELIVERED") + b" "
    if tamper == "no header":
        headers = {}
    response, _ = _post(shop, provider, body, headers, django_capture_on_commit_callbacks)
    assert response.status_code == 401
    raw = RawTrackingPayload.objects.get()
    assert (raw.signature_valid, raw.state, raw.error) == (
        False,
        "quarantined",
        "bad or missing signature",
    )
    assert "bad signature" in caplog.text
    assert TrackingEvent.objects.count() == 0
    assert Shipment.objects.get().status == "no_info"


@pytest.mark.parametrize("provider", PROVIDERS)
@time_machine.travel(NOW, tick=False)
def test_duplicate_delivery_adds_nothing(shop, provider, django_capture_on_commit_callbacks):
    body = _journey(provider, [0, 1])
    account = shop.account(provider)
    url = reverse("shipping_hooks:webhook", args=[provider, account.public_id])
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = Client().post(
                url, body, content_type="application/json", **_signed(provider, body, "s3cret")
            )
        assert response.status_code == 200
    assert RawTrackingPayload.objects.filter(state="processed").count() == 2
    assert TrackingEvent.objects.count() == 2
    assert Shipment.objects.get().status == "in_transit"


@pytest.mark.parametrize("provider", PROVIDERS)
@time_machine.travel(NOW, tick=False)
def test_out_of_order_events_take_their_place(shop, provider, django_capture_on_commit_callbacks):
    account = shop.account(provider)
    url = reverse("shipping_hooks:webhook", args=[provider, account.public_id])
    for steps in ([2], [0], [1]):  # delivered first, then the older scans
        body = _journey(provider, steps)
        with django_capture_on_commit_callbacks(execute=True):
            Client().post(
                url, body, content_type="application/json", **_signed(provider, body, "s3cret")
            )
    shipment = Shipment.objects.get()
    assert shipment.status == "delivered"
    assert list(shipment.events.values_list("status", flat=True)) == [
        "label_created",
        "in_transit",
        "delivered",
    ]


@time_machine.travel(NOW, tick=False)
def test_shippo_signature_outside_the_replay_window_is_refused(
    shop, django_capture_on_commit_callbacks
):
    body = _journey("shippo", [0])
    old = {"HTTP_SHIPPO_AUTH_SIGNATURE": shippo.sign(body, "s3cret", 1793707200 - 301)}
    response, _ = _post(shop, "shippo", body, old, django_capture_on_commit_callbacks)
    assert response.status_code == 401
    assert TrackingEvent.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[]",
        b'{"msg": {}}',
        b'{"msg": {"tracking_number": "X", "checkpoints": '
        b'[{"tag": "InTransit", "checkpoint_time": "yesterday"}]}}',
        "ünïcødé".encode("latin-1"),
        b'{"msg": {"tracking_number": "A\x00B"}}\x00',
    ],
)
@time_machine.travel(NOW, tick=False)
def test_hostile_signed_payloads_are_quarantined(shop, body, django_capture_on_commit_callbacks):
    response, _ = _post(
        shop,
        "aftership",
        body,
        _signed("aftership", body, "s3cret"),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    raw = RawTrackingPayload.objects.get()
    assert raw.state == "quarantined" and raw.error
    assert TrackingEvent.objects.count() == 0


def test_unknown_account_or_wrong_provider_is_404(shop):
    account = shop.account("aftership")
    client = Client()
    assert (
        client.post(
            reverse("shipping_hooks:webhook", args=["easypost", account.public_id]),
            b"{}",
            content_type="application/json",
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("shipping_hooks:webhook", args=["aftership", account.public_id])
        ).status_code
        == 405
    )
    assert RawTrackingPayload.objects.count() == 0


@time_machine.travel(NOW, tick=False)
def test_unknown_tracking_number_is_noted(shop, django_capture_on_commit_callbacks):
    body = payloads.aftership("NOPE123", [{"tag": "InTransit", "time": "2026-11-01T09:00:00Z"}])
    _post(
        shop,
        "aftership",
        body,
        _signed("aftership", body, "s3cret"),
        django_capture_on_commit_callbacks,
    )
    raw = RawTrackingPayload.objects.get()
    assert (raw.state, raw.error) == ("processed", "unknown tracking numbers: NOPE123")


def test_payloads_a_crashed_worker_left_are_processed_by_the_reconciler(shop):

    account = shop.account("aftership")
    body = _journey("aftership", [0, 1])
    with time_machine.travel("2026-11-03T12:00:00Z", tick=False):
        raw = RawTrackingPayload.objects.create(
            account=account, provider="aftership", body=body.decode(), signature_valid=True
        )
    with time_machine.travel("2026-11-03T12:00:30Z", tick=False):
        assert reprocess_received_payloads() == 0  # too fresh: its own task may be running
    with time_machine.travel("2026-11-03T12:02:00Z", tick=False):
        assert reprocess_received_payloads() == 1
        assert reprocess_received_payloads() == 0
    raw.refresh_from_db()
    assert raw.state == "processed"
    assert Shipment.objects.get().status == "in_transit"
