"""Webhooks delivered to a real HTTP server on loopback: signed, retried, logged."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import NewMessage, do_add_message, do_change_status
from aftersail.core.events import deliver_event
from aftersail.testing import factories as f
from aftersail.testing.http_receiver import http_receiver
from aftersail.webhooks.delivery import MAX_ATTEMPTS, do_deliver, retry_delay
from aftersail.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from aftersail.webhooks.signing import sign, verify
from aftersail.webhooks.tasks import retry_due_webhooks

pytestmark = pytest.mark.django_db
START = "2026-03-02 10:00:00Z"


@pytest.fixture
def receiver():
    with http_receiver() as server:
        yield server


@pytest.fixture
def endpoint(cast, receiver):
    return WebhookEndpoint.objects.create(
        store=cast.store, url=receiver.url, events=list(WebhookEvent.values), secret="whsec_test"
    )


def _open(cast, capture):
    with capture(execute=True):
        return f.make_conversation(cast.customer, team=cast.team_a, subject="Wrong size")


def test_events_are_delivered_signed(cast, endpoint, receiver, django_capture_on_commit_callbacks):
    with time_machine.travel(START, tick=False):
        conversation = _open(cast, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            do_change_status(conversation, "pending", Actor.of_agent(cast.agent_a))
    types = [r.headers["Aftersail-Event"] for r in receiver.requests]
    assert types == ["conversation.created", "message.created", "conversation.updated"]
    created, message, updated = (json.loads(r.body) for r in receiver.requests)
    assert created["data"]["conversation"]["subject"] == "Wrong size"
    assert message["data"]["message"]["body_text"] == "Hello, where is it?"
    assert updated["data"]["change"] == {"kind": "status_changed", "old": "new", "new": "pending"}
    assert updated["actor"] == "agent"
    now = 1772445600  # START as a Unix time
    for request in receiver.requests:
        header = request.headers["Aftersail-Signature"]
        assert header.startswith(f"t={now},v1=")
        assert verify("whsec_test", header, request.body, now=now)
        assert not verify("whsec_other", header, request.body, now=now)
        assert not verify("whsec_test", header, request.body + b" ", now=now)
        assert not verify("whsec_test", header, request.body, now=now + 301)
        assert json.loads(request.body)["id"] == request.headers["Aftersail-Delivery"]
    assert set(WebhookDelivery.objects.values_list("status", "response_code", "attempts")) == {
        ("delivered", 200, 1)
    }


def test_signature_is_hmac_sha256_of_timestamp_and_body():
    import hashlib
    import hmac

    expected = hmac.new(b"s3cret", b"1700000000.{}", hashlib.sha256).hexdigest()
    assert sign("s3cret", 1700000000, b"{}") == f"t=1700000000,v1={expected}"
    assert not verify("s3cret", "garbage", b"{}", now=1700000000)
    assert not verify("s3cret", "t=abc,v1=00", b"{}", now=1700000000)


def test_only_subscribed_events_of_the_store_are_sent(
    cast, receiver, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(store=cast.store, url=receiver.url, events=["message.created"])
    WebhookEndpoint.objects.create(
        store=cast.store, url=receiver.url, events=["message.created"], is_active=False
    )
    WebhookEndpoint.objects.create(
        store=f.make_store(), url=receiver.url, events=["message.created"]
    )
    _open(cast, django_capture_on_commit_callbacks)
    assert [r.headers["Aftersail-Event"] for r in receiver.requests] == ["message.created"]


def test_failures_are_retried_with_backoff_then_given_up(
    cast, endpoint, receiver, django_capture_on_commit_callbacks
):
    endpoint.events = ["conversation.created"]
    endpoint.save()
    receiver.answers = [500] * MAX_ATTEMPTS
    with time_machine.travel(START, tick=False) as clock:
        _open(cast, django_capture_on_commit_callbacks)
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.response_code) == ("pending", 1, 500)
        assert delivery.error == "the receiver answered 500"
        assert delivery.response_body == "try later"
        retry_due_webhooks()  # not due yet
        assert len(receiver.requests) == 1
        for attempt in range(1, MAX_ATTEMPTS):
            clock.shift(retry_delay(attempt))
            retry_due_webhooks()
            assert len(receiver.requests) == attempt + 1
        delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 8, None)
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 8)] == [30, 60, 120, 3840]
    bodies = {r.body for r in receiver.requests}
    assert len(bodies) == 1  # the same payload every time


def test_a_retry_succeeds(cast, endpoint, receiver, django_capture_on_commit_callbacks):
    receiver.answers = [503]
    endpoint.events = ["conversation.created"]
    endpoint.save()
    with time_machine.travel(START, tick=False) as clock:
        _open(cast, django_capture_on_commit_callbacks)
        clock.shift(timedelta(seconds=30))
        retry_due_webhooks()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 2, 200)


def test_unreachable_receivers_are_recorded_not_raised(cast, django_capture_on_commit_callbacks):
    WebhookEndpoint.objects.create(
        store=cast.store, url="http://127.0.0.1:9/nothing", events=["conversation.created"]
    )
    _open(cast, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending"
    assert delivery.response_code is None
    assert "ConnectError" in delivery.error


def test_a_delivery_is_claimed_once(cast, endpoint, receiver, django_capture_on_commit_callbacks):
    _open(cast, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.first()
    assert do_deliver(delivery.id) is None  # delivered already: nothing to claim
    count = len(receiver.requests)
    retry_due_webhooks()
    assert len(receiver.requests) == count


def test_replaying_a_timeline_event_sends_nothing_twice(
    cast, endpoint, receiver, django_capture_on_commit_callbacks
):
    conversation = _open(cast, django_capture_on_commit_callbacks)
    sent = len(receiver.requests)
    for event in conversation.events.all():
        deliver_event.call_local("conversation", event.id)
    assert len(receiver.requests) == sent


def test_stale_sending_is_released(cast, endpoint, receiver, django_capture_on_commit_callbacks):
    receiver.answers = [500]
    with time_machine.travel(START, tick=False) as clock:
        _open(cast, django_capture_on_commit_callbacks)
        WebhookDelivery.objects.update(status="sending")  # a worker died mid-request
        clock.shift(timedelta(minutes=11))
        retry_due_webhooks()
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"delivered"}


def test_delivery_log_in_the_admin(cast, endpoint, login, django_capture_on_commit_callbacks):
    _open(cast, django_capture_on_commit_callbacks)
    client = login(cast.admin.user)
    page = client.get(reverse("admin:webhooks_webhookdelivery_changelist"))
    assert page.status_code == 200
    assert b"conversation.created" in page.content
    delivery = WebhookDelivery.objects.first()
    detail = client.get(reverse("admin:webhooks_webhookdelivery_change", args=[delivery.id]))
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert client.get(reverse("admin:webhooks_webhookdelivery_add")).status_code == 403


def test_inbound_customer_message_sends_message_created(
    cast, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        do_add_message(
            cast.conversation_a,
            NewMessage(kind="inbound", author_kind="customer", text="Any news?"),
        )
    payload = json.loads(receiver.requests[-1].body)
    assert payload["type"] == "message.created"
    assert payload["data"]["message"]["body_text"] == "Any news?"
    assert payload["data"]["conversation"]["number"] == cast.conversation_a.id
