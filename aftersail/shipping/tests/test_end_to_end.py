"""From label to delivered with a delay in between, on a controlled clock: exactly which
notifications went out, when (the customer's quiet hours in Tokyo), in which language."""

from __future__ import annotations

from datetime import datetime

import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from aftersail.conversations.models import Conversation
from aftersail.shipping.delays import scan_for_delays
from aftersail.shipping.models import ShipmentIncident, ShipmentNotification
from aftersail.shipping.providers import aftership
from aftersail.shipping.tasks import send_due_notifications
from aftersail.testing import tracking_payloads as payloads


def _at(moment: str) -> datetime:
    return datetime.fromisoformat(moment)


def test_label_to_delivered_with_a_delay(shop, django_capture_on_commit_callbacks):
    account = shop.account("aftership")
    url = reverse("shipping_hooks:webhook", args=["aftership", account.public_id])
    number = shop.shipment.tracking_number
    seen = []

    def webhook(now: str, tag: str, checkpoint: str, expected: str | None = None) -> None:
        body = payloads.aftership(
            number,
            [{"tag": tag, "time": checkpoint}],
            tag=tag,
            event_id=f"evt-{len(seen)}",
            expected=expected,
        )
        seen.append(tag)
        with time_machine.travel(now, tick=False), django_capture_on_commit_callbacks(execute=True):
            response = Client().post(
                url,
                body,
                content_type="application/json",
                HTTP_AFTERSHIP_HMAC_SHA256=aftership.sign(body, "s3cret"),
            )
        assert response.status_code == 200

    def run(now: str, job) -> int:
        with time_machine.travel(now, tick=False), django_capture_on_commit_callbacks(execute=True):
            return job()

    # Label printed at 10:00 in Tokyo: not a notification.
    webhook("2026-11-02T01:05:00Z", "InfoReceived", "2026-11-02T10:00:00+09:00")
    # First scan at 23:20 in Tokyo, quiet hours: "shipped" waits for 08:00 there.
    webhook("2026-11-02T14:30:00Z", "InTransit", "2026-11-02T15:20:00+01:00", "2026-11-06")
    assert run("2026-11-02T22:55:00Z", send_due_notifications) == 0
    assert len(mail.outbox) == 0
    assert run("2026-11-02T23:00:00Z", send_due_notifications) == 1
    # No scan for more than the lane's 72 hours: delayed, at 23:30 in Tokyo again.
    assert run("2026-11-05T14:10:00Z", scan_for_delays) == 0
    assert run("2026-11-05T14:30:00Z", scan_for_delays) == 1
    assert run("2026-11-05T14:31:00Z", scan_for_delays) == 0  # marked once
    assert run("2026-11-05T23:00:00Z", send_due_notifications) == 1
    # The parcel moves again (no new notification), then is delivered in the morning.
    webhook("2026-11-06T02:00:00Z", "InTransit", "2026-11-06T10:50:00+09:00")
    webhook("2026-11-07T00:30:00Z", "OutForDelivery", "2026-11-07T09:25:00+09:00")
    webhook("2026-11-07T05:00:00Z", "Delivered", "2026-11-07T13:58:00+09:00")
    # A repeated delivered webhook changes nothing.
    webhook("2026-11-07T05:10:00Z", "Delivered", "2026-11-07T13:58:00+09:00")
    assert run("2026-11-08T00:00:00Z", send_due_notifications) == 0

    sent = list(
        ShipmentNotification.objects.order_by("sent_at").values_list(
            "status", "state", "language", "recipient", "sent_at"
        )
    )
    assert sent == [
        ("in_transit", "sent", "ja", "yuki@mail.example", _at("2026-11-02T23:00:00Z")),
        ("delayed", "sent", "ja", "yuki@mail.example", _at("2026-11-05T23:00:00Z")),
        ("out_for_delivery", "sent", "ja", "yuki@mail.example", _at("2026-11-07T00:30:00Z")),
        ("delivered", "sent", "ja", "yuki@mail.example", _at("2026-11-07T05:00:00Z")),
    ]
    assert [message.subject for message in mail.outbox] == [
        "ご注文 NL-1001 を発送しました",
        "ご注文 NL-1001 のお届けが遅れております。申し訳ございません",
        "ご注文 NL-1001 は本日お届け予定です",
        "ご注文 NL-1001 をお届けしました",
    ]
    assert all(message.to == ["yuki@mail.example"] for message in mail.outbox)
    delayed = mail.outbox[1].body
    assert delayed.startswith("Yuki様\n\n申し訳ございません。")
    assert "お届け予定日：2026年11月6日金曜日" in delayed
    assert "/track/o/" in delayed and "/track/unsubscribe/" in delayed
    assert mail.outbox[1].extra_headers["Auto-Submitted"] == "auto-generated"
    # The delay opened one conversation for agents with the order and shipment linked.
    incident = ShipmentIncident.objects.get()
    assert incident.reason == "no_scan"
    conversation = Conversation.objects.get()
    assert conversation == incident.conversation
    assert conversation.order == shop.order
    note = conversation.messages.get()
    assert note.kind == "note"
    assert note.channel_metadata == {"shipment": str(shop.shipment.public_id)}
    shop.shipment.refresh_from_db()
    assert (shop.shipment.status, shop.shipment.delay_reason) == ("delivered", "")
