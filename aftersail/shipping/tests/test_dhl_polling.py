"""DHL Unified polling against a local HTTP server speaking the documented API."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
import time_machine

from aftersail.shipping.models import RawTrackingPayload, Shipment, TrackingEvent
from aftersail.shipping.polling import poll_dhl_shipments
from aftersail.shipping.tests import payloads

KEY = "dhl-key-123"


class FakeDhl(ThreadingHTTPServer):
    answers: dict[str, tuple[int, bytes]]
    requests: list[tuple[str, str]]


class Handler(BaseHTTPRequestHandler):
    server: FakeDhl

    def do_GET(self) -> None:
        url = urlparse(self.path)
        number = parse_qs(url.query).get("trackingNumber", [""])[0]
        self.server.requests.append((url.path, number))
        if self.headers.get("DHL-API-Key") != KEY:
            status, body = 401, b'{"status": 401, "title": "Unauthorized"}'
        elif url.path != "/track/shipments":
            status, body = 404, b"{}"
        else:
            status, body = self.server.answers.get(
                number, (404, b'{"status": 404, "title": "No result found"}')
            )
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def dhl_server() -> Iterator[FakeDhl]:
    server = FakeDhl(("127.0.0.1", 0), Handler)
    server.answers, server.requests = {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _base(server: FakeDhl) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


@time_machine.travel("2026-11-03T12:00:00Z", tick=False)
def test_poll_stores_the_answer_and_applies_its_events(shop, dhl_server):
    shop.account("dhl", api_key=KEY, api_base_url=_base(dhl_server))
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
    shop.account("dhl", api_key=KEY, api_base_url=_base(dhl_server))
    number = shop.shipment.tracking_number
    events = [{"time": "2026-11-02T10:00:00Z", "code": "transit"}]
    dhl_server.answers[number] = (200, payloads.dhl(number, events, return_flag=True))
    poll_dhl_shipments()
    assert Shipment.objects.get().status == "returning"


@time_machine.travel("2026-11-03T12:00:00Z", tick=False)
def test_refused_key_and_server_errors_store_nothing(shop, dhl_server):
    shop.account("dhl", api_key="wrong", api_base_url=_base(dhl_server))
    assert poll_dhl_shipments() == 1
    assert RawTrackingPayload.objects.count() == 0
    assert Shipment.objects.get().status == "no_info"


@time_machine.travel("2026-11-03T12:00:00Z", tick=False)
def test_unparseable_answer_is_quarantined(shop, dhl_server):
    shop.account("dhl", api_key=KEY, api_base_url=_base(dhl_server))
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
