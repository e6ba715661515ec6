"""DHL Unified polling against a local HTTP server speaking the documented API."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import time_machine

from aftersail.shipping.models import RawTrackingPayload, Shipment, TrackingEvent
from aftersail.shipping.polling import poll_dhl_shipments
from aftersail.testing import tracking_payloads as payloads
from aftersail.testing.fake_dhl import KEY, FakeDhl, base_url, running


@pytest.fixture
def dhl_server() -> Iterator[FakeDhl]:
    with running() as server:
        yield server


@time_machine.travel("2026-11-03T12:00:00Z", tick=False)
def test_poll_stores_the_answer_and_applies_its_events(shop, dhl_server):
    shop.account("dhl", api_key=KEY, api_base_url=base_url(dhl_server))
    number = shop.shipment.tracking_number
    events = [
        {"time": "2026-11-01T08:00:00+01:00", "code": "pre-transit"},
        {"time": "2026-11-01T20:00:00+01:00", "code": "transit"},
        {"time": "2026-11-02T07:10:00+01:00", "code": "transit", "city": "Lyon", "country": "FR"},
    ]
    dhl_server.answers[number] = (200, payloads.dhl(number, events, eta="2026-11-04T12:00:00Z"))
    assert poll_dhl_shipments() == 1
    assert dhl_server.requests == [("/track/shipments", number)]
    raw = RawTrackingPayload.objects.get()
    assert (raw.provider, raw.state) == ("dhl", "processed")
    shipment = Shipment.objects.get()
    assert (shipment.status, str(shipment.estimated_delivery)) == ("in_transit", "2026-11-04")
    assert list(shipment.events.values_list("status", "country")) == [
        ("label_created", "DE"),
        ("in_transit", "DE"),
        ("in_transit", "FR"),
    ]
    # The same answer again (the next poll): nothing new.
    poll_dhl_shipments()
    assert TrackingEvent.objects.count() == 3


@time_machine.travel("2026-11-03T12:00:00Z", tick=False)
def test_return_flag_maps_to_returning(shop, dhl_server):
    shop.account("dhl", api_key=KEY, api_base_url=base_url(dhl_server))
    number = shop.shipment.tracking_number
    events = [{"time": "2026-11-02T10:00:00Z", "code": "transit"}]
    dhl_server.answers[number] = (200, payloads.dhl(number, events, return_flag=True))
    poll_dhl_shipments()
    assert Shipment.objects.get().status == "returning"


@time_machine.travel("2026-11-03T12:00:00Z", tick=False)
def test_return_flag_on_the_shipment_maps_delivered_to_returned(shop, dhl_server):
    shop.account("dhl", api_key=KEY, api_base_url=base_url(dhl_server))
    number = shop.shipment.tracking_number
    events = [
        {"time": "2026-11-02T10:00:00Z", "code": "transit"},
        {"time": "2026-11-03T09:00:00Z", "code": "delivered"},  # back at the sender
    ]
    dhl_server.answers[number] = (200, payloads.dhl(number, events, top_return_flag=True))
    poll_dhl_shipments()
    shipment = Shipment.objects.get()
    assert (shipment.status, shipment.delivered_at) == ("returned", None)
    assert list(shipment.events.values_list("status", flat=True)) == ["returning", "returned"]


@time_machine.travel("2026-11-03T12:00:00Z", tick=False)
def test_refused_key_and_server_errors_store_nothing(shop, dhl_server):
    shop.account("dhl", api_key="wrong", api_base_url=base_url(dhl_server))
    assert poll_dhl_shipments() == 1
    assert RawTrackingPayload.objects.count() == 0
    assert Shipment.objects.get().status == "no_info"


@time_machine.travel("2026-11-03T12:00:00Z", tick=False)
def test_unparseable_answer_is_quarantined(shop, dhl_server):
    shop.account("dhl", api_key=KEY, api_base_url=base_url(dhl_server))
    number = shop.shipment.tracking_number
    body = json.dumps(
        {"shipments": [{"id": number, "events": [{"timestamp": "soon", "statusCode": "transit"}]}]}
    ).encode()
    dhl_server.answers[number] = (200, body)
    poll_dhl_shipments()
    raw = RawTrackingPayload.objects.get()
    assert raw.state == "quarantined" and "invalid time" in raw.error


def test_a_dhl_webhook_is_refused(shop):
    from django.test import Client
    from django.urls import reverse

    account = shop.account("dhl", api_key=KEY)
    url = reverse("shipping_hooks:webhook", args=["dhl", account.public_id])
    assert Client().post(url, b"{}", content_type="application/json").status_code == 401
