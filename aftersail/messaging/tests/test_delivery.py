from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from aftersail.conversations.actions import NewMessage, claim_delivery, do_add_message
from aftersail.conversations.models import Message
from aftersail.messaging import delivery, registry
from aftersail.messaging.registry import DeliveryError
from aftersail.messaging.tasks import deliver_message, report_stuck_deliveries

pytestmark = pytest.mark.django_db


class RecordingAdapter:
    channel = "email"

    def __init__(self, *failures: DeliveryError) -> None:
        self.sent: list[str] = []
        self.failures = list(failures)

    def send(self, message: Message) -> str:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(message.body_text)
        return f"<{message.public_id}@desk.example>"


@pytest.fixture
def adapter(monkeypatch):
    monkeypatch.setattr(registry, "_adapters", {})
    adapter = RecordingAdapter()
    registry.register_adapter(adapter)
    return adapter


def _reply(cast, text="Ihr Paket ist unterwegs."):
    return do_add_message(
        cast.conversation_a,
        NewMessage(kind="reply", author_kind="agent", author_agent=cast.agent_a, text=text),
    )


def test_a_reply_is_sent_once_after_commit(cast, adapter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _reply(cast)
        assert adapter.sent == []
    assert adapter.sent == ["Ihr Paket ist unterwegs."]
    message.refresh_from_db()
    assert (message.delivery, message.delivery_attempts) == ("sent", 1)
    assert message.external_id == f"<{message.public_id}@desk.example>"
    assert message.sent_at is not None
    assert delivery.deliver(message.id) is None  # a second run sends nothing
    assert adapter.sent == ["Ihr Paket ist unterwegs."]


def test_form_conversations_are_answered_by_email(cast, adapter):
    cast.conversation_a.channel = "form"
    cast.conversation_a.save()
    assert _reply(cast).channel == "email"


def test_temporary_failures_are_retried_with_backoff_then_given_up(cast, adapter):
    message = _reply(cast)
    adapter.failures = [DeliveryError("421 try later", temporary=True)] * delivery.MAX_ATTEMPTS
    delays = []
    for _ in range(delivery.MAX_ATTEMPTS):
        delays.append(delivery.deliver(message.id))
    message.refresh_from_db()
    assert delays == [*delivery.RETRY_DELAYS, None]
    assert (message.delivery, message.delivery_error) == ("failed", "421 try later")
    assert message.delivery_attempts == delivery.MAX_ATTEMPTS
    assert adapter.sent == []


def test_permanent_failures_stop_at_once(cast, adapter):
    message = _reply(cast)
    adapter.failures = [DeliveryError("550 no such user", temporary=False)]
    assert delivery.deliver(message.id) is None
    message.refresh_from_db()
    assert (message.delivery, message.delivery_error) == ("failed", "550 no such user")


def test_an_adapter_crash_is_a_retryable_failure(cast, adapter, monkeypatch):
    message = _reply(cast)
    monkeypatch.setattr(adapter, "send", lambda m: 1 / 0)
    assert delivery.deliver(message.id) == delivery.RETRY_DELAYS[0]
    message.refresh_from_db()
    assert message.delivery == "pending"
    assert message.delivery_error == "Unexpected error: division by zero"


def test_channels_without_an_adapter_fail_with_a_reason(cast, adapter):
    cast.conversation_a.channel = "whatsapp"
    cast.conversation_a.save()
    message = _reply(cast)
    delivery.deliver(message.id)
    message.refresh_from_db()
    assert message.delivery == "failed"
    assert message.delivery_error == "No adapter can send messages on the whatsapp channel."


def test_only_one_worker_can_claim_a_message(cast, adapter):
    message = _reply(cast)
    assert claim_delivery(message.id) is not None
    assert claim_delivery(message.id) is None  # the second claimant loses
    assert delivery.deliver(message.id) is None
    assert adapter.sent == []


def test_a_retry_is_scheduled_on_the_queue(cast, adapter, monkeypatch):
    message = _reply(cast)
    adapter.failures = [DeliveryError("timeout", temporary=True)]
    scheduled = []
    monkeypatch.setattr(
        deliver_message, "schedule", lambda args, delay: scheduled.append((args, delay))
    )
    deliver_message.call_local(message.id)
    assert scheduled == [((message.id,), 60)]


def test_stuck_deliveries_are_marked_failed_not_resent(cast, adapter):
    message = _reply(cast)
    claim_delivery(message.id)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        report_stuck_deliveries.call_local()
    message.refresh_from_db()
    assert message.delivery == "failed"
    assert "check with the customer" in message.delivery_error
    assert adapter.sent == []
