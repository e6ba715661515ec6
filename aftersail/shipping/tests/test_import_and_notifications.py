from __future__ import annotations

import json
from datetime import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from aftersail.conversations.models import Conversation
from aftersail.shipping.ingest import apply_events
from aftersail.shipping.models import (
    NotificationSettings,
    RawTrackingPayload,
    ShipmentIncident,
    ShipmentNotification,
    TrackingEvent,
)
from aftersail.shipping.notifications import next_allowed_time
from aftersail.shipping.providers import ParsedEvent, parse_time
from aftersail.shipping.tasks import send_due_notifications

CSV = (
    "tracking_number,status,occurred_at,carrier_text,location,estimated_delivery\n"
    "00340434161094042557,label_created,2026-11-01T09:00:00+01:00,Label,Leipzig,2026-11-05\n"
    "00340434161094042557,in_transit,2026-11-01T18:00:00+01:00,Departed,Leipzig,\n"
)


def test_csv_import_command(shop, tmp_path, capsys):
    path = tmp_path / "events.csv"
    path.write_text(CSV, encoding="utf-8")
    call_command("import_tracking", str(path), "--store", "nordlicht")
    assert "2 events read" in capsys.readouterr().out
    shop.shipment.refresh_from_db()
    assert (shop.shipment.status, str(shop.shipment.estimated_delivery)) == (
        "in_transit",
        "2026-11-05",
    )
    call_command("import_tracking", str(path), "--store", "nordlicht")  # again: no duplicates
    assert TrackingEvent.objects.count() == 2


def test_json_import_with_a_bad_row_imports_nothing(shop, tmp_path):
    rows = [
        {
            "tracking_number": "00340434161094042557",
            "status": "in_transit",
            "occurred_at": "2026-11-01T18:00:00Z",
        },
        {
            "tracking_number": "00340434161094042557",
            "status": "teleported",
            "occurred_at": "2026-11-02T18:00:00Z",
        },
    ]
    path = tmp_path / "events.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with pytest.raises(CommandError, match="row 2: unknown status 'teleported'"):
        call_command("import_tracking", str(path), "--store", "nordlicht")
    assert TrackingEvent.objects.count() == 0
    assert RawTrackingPayload.objects.get().state == "quarantined"


@pytest.mark.parametrize("content", [b"\xff\xfe garbage", b"{not json", b'{"events": 3}'])
def test_hostile_import_files_are_refused(shop, tmp_path, content):
    path = tmp_path / "events.json"
    path.write_bytes(content)
    with pytest.raises(CommandError):
        call_command("import_tracking", str(path), "--store", "nordlicht")
    assert TrackingEvent.objects.count() == 0


def _scan(shop, status: str, moment: str) -> None:
    occurred_at, offset = parse_time(moment)
    apply_events(
        shop.shipment,
        [
            ParsedEvent(
                shop.shipment.tracking_number, status, occurred_at, utc_offset_minutes=offset
            )
        ],
        "import",
    )


@pytest.mark.parametrize(
    ("now", "zone", "expected"),
    [
        ("2026-11-02T11:59:00Z", "Asia/Tokyo", "2026-11-02T11:59:00Z"),  # 20:59: not quiet
        ("2026-11-02T12:00:00Z", "Asia/Tokyo", "2026-11-02T23:00:00Z"),  # 21:00 -> 08:00
        ("2026-11-02T22:59:00Z", "Asia/Tokyo", "2026-11-02T23:00:00Z"),  # 07:59 -> 08:00
        ("2026-11-02T23:00:00Z", "Asia/Tokyo", "2026-11-02T23:00:00Z"),  # 08:00: allowed
        ("2026-03-29T00:30:00Z", "Europe/Berlin", "2026-03-29T06:00:00Z"),  # DST: 08:00 CEST
        ("2026-11-02T03:00:00Z", "", "2026-11-02T08:00:00Z"),  # unknown zone: UTC
    ],
)
def test_quiet_hours(now, zone, expected):
    result = next_allowed_time(datetime.fromisoformat(now), zone, 21, 8)
    assert result == datetime.fromisoformat(expected)


@time_machine.travel("2026-11-02T03:00:00Z", tick=False)  # 12:00 in Tokyo
def test_unsubscribed_customer_gets_nothing_and_it_is_recorded(
    shop, django_capture_on_commit_callbacks
):
    shop.customer.notifications_opt_in = False
    shop.customer.save()
    with django_capture_on_commit_callbacks(execute=True):
        _scan(shop, "in_transit", "2026-11-02T02:00:00Z")
    assert mail.outbox == []
    assert list(ShipmentNotification.objects.values_list("status", "state", "reason")) == [
        ("in_transit", "skipped", "the customer unsubscribed")
    ]


@time_machine.travel("2026-11-02T03:00:00Z", tick=False)
def test_store_settings_choose_the_statuses(shop, django_capture_on_commit_callbacks):
    NotificationSettings.objects.filter(store=shop.store).update(statuses=["delivered"])
    with django_capture_on_commit_callbacks(execute=True):
        _scan(shop, "in_transit", "2026-11-02T01:00:00Z")
    with django_capture_on_commit_callbacks(execute=True):
        _scan(shop, "delivered", "2026-11-02T02:00:00Z")
    assert [m.subject for m in mail.outbox] == ["ご注文 NL-1001 をお届けしました"]


def test_a_held_status_overtaken_by_the_next_is_not_sent(shop, django_capture_on_commit_callbacks):

    with time_machine.travel("2026-11-02T13:00:00Z", tick=False):  # 22:00 in Tokyo
        with django_capture_on_commit_callbacks(execute=True):
            _scan(shop, "out_for_delivery", "2026-11-02T12:50:00Z")
        with django_capture_on_commit_callbacks(execute=True):
            _scan(shop, "delivered", "2026-11-02T12:58:00Z")
    with time_machine.travel("2026-11-02T23:00:00Z", tick=False):
        assert send_due_notifications() == 1
    assert [m.subject for m in mail.outbox] == ["ご注文 NL-1001 をお届けしました"]
    assert ShipmentNotification.objects.get(status="out_for_delivery").reason == (
        "superseded by delivered"
    )


@time_machine.travel("2026-11-02T03:00:00Z", tick=False)
def test_english_customer_gets_english(shop, django_capture_on_commit_callbacks):
    shop.customer.language = "pt"  # not shipped: the store's default (English) applies
    shop.customer.save()
    with django_capture_on_commit_callbacks(execute=True):
        _scan(shop, "in_transit", "2026-11-02T02:00:00Z")
    assert mail.outbox[0].subject == "Your order NL-1001 is on its way"
    assert mail.outbox[0].body.startswith("Hello Yuki,\n\nGood news")
    assert (
        mail.outbox[0]
        .extra_headers["List-Unsubscribe"]
        .startswith("<http://127.0.0.1:8000/track/unsubscribe/")
    )


def test_admin_upload(cast, login, shop):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    url = reverse("admin:shipping_import_tracking")
    assert login(cast.agent_a.user).get(url).status_code == 302  # not staff: admin login
    client = login(cast.admin.user)
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("events.csv", CSV.encode(), content_type="text/csv")
    response = client.post(url, {"store": shop.store.id, "file": upload})
    assert response.status_code == 302
    assert TrackingEvent.objects.count() == 2


@time_machine.travel("2026-11-02T03:00:00Z", tick=False)
def test_exception_opens_one_conversation_and_tells_the_customer(
    shop, django_capture_on_commit_callbacks
):

    for moment in ("2026-11-02T01:00:00Z", "2026-11-02T02:00:00Z"):
        occurred_at, _offset = parse_time(moment)
        with django_capture_on_commit_callbacks(execute=True):
            apply_events(shop.shipment, [ParsedEvent(shop.shipment.tracking_number, "exception",
                         occurred_at, carrier_text="Parcel damaged")], "import")  # fmt: skip
    assert [m.subject for m in mail.outbox] == ["ご注文 NL-1001 の配送に問題が発生しました"]
    incident = ShipmentIncident.objects.get()
    assert incident.reason == "exception"
    conversation = Conversation.objects.get()
    assert conversation.order == shop.order and conversation.customer == shop.customer
    assert "Parcel damaged" in conversation.messages.get().body_text
