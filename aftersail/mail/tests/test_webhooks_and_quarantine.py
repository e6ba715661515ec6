"""Provider webhooks feed the same store-then-parse path; the quarantine is for admins."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import pytest
from django.test import Client

from aftersail.conversations.models import Message
from aftersail.mail.ingest import do_process_inbound, do_store_inbound
from aftersail.mail.models import InboundEmail, Mailbox
from aftersail.testing.cast import Cast

SIGNING_KEY = "key-0123456789abcdef"
MIME = (
    "From: Clara Kunde <customer@mail.example>\r\nTo: support@cast.example\r\n"
    "Subject: Per Webhook\r\nMessage-ID: <hook-1@mail.example>\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\nÜber Mailgun geschickt.\r\n"
)


def mailgun_fields(timestamp: str = "1764322500", token: str = "a" * 50) -> dict[str, str]:
    """Mailgun's "forward raw MIME" inbound route (documentation: Receiving Messages via
    HTTP through a forward() action; fields body-mime, timestamp, token, signature)."""
    signature = hmac.new(
        SIGNING_KEY.encode(), f"{timestamp}{token}".encode(), hashlib.sha256
    ).hexdigest()
    return {
        "recipient": "support@cast.example",
        "sender": "customer@mail.example",
        "body-mime": MIME,
        "timestamp": timestamp,
        "token": token,
        "signature": signature,
    }


@pytest.fixture
def mailgun(settings: Any, cast: Cast) -> Mailbox:
    settings.ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY}
    return Mailbox.objects.create(store=cast.store, name="Support", address="support@cast.example")


def test_a_signed_mailgun_inbound_call_is_stored_then_parsed(
    mailgun: Mailbox, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/mail/inbound/mailgun/inbound_mime/", mailgun_fields())
    assert response.status_code == 200
    row = InboundEmail.objects.get()
    assert (row.source, row.mailbox, row.state, row.outcome) == (
        "webhook",
        mailgun,
        "parsed",
        "new_conversation",
    )
    assert row.source_ref == "Mailgun:" + "a" * 50
    assert row.message is not None
    assert row.message.body_text == "Über Mailgun geschickt."
    assert row.conversation is not None
    assert row.conversation.customer == cast.customer
    # The provider retries the same delivery: nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        again = Client().post("/mail/inbound/mailgun/inbound_mime/", mailgun_fields())
    assert again.status_code == 200
    assert InboundEmail.objects.count() == 1
    assert Message.objects.filter(external_id="<hook-1@mail.example>").count() == 1


def test_a_forged_mailgun_call_is_refused_and_stores_nothing(mailgun: Mailbox) -> None:
    fields = mailgun_fields()
    fields["signature"] = "0" * 64
    response = Client().post("/mail/inbound/mailgun/inbound_mime/", fields)
    assert response.status_code == 400
    assert InboundEmail.objects.count() == 0


def test_admins_see_the_quarantine_with_its_reason_and_can_reprocess(
    cast: Cast, login: Any, django_capture_on_commit_callbacks: Any
) -> None:
    row, _ = do_store_inbound(
        store=cast.store, raw=b"To: x@y.example\r\n\r\nno sender", source="upload"
    )
    do_process_inbound(row.id)
    client = login(cast.admin.user)
    page = client.get("/admin/mail/inboundemail/?state__exact=quarantined")
    assert page.status_code == 200
    assert "No usable sender address in From: &#x27;&#x27;" in page.content.decode()
    # The mail is fixed at the source (here: in place) and parsed again.
    InboundEmail.objects.filter(id=row.id).update(
        raw=b"From: fixed@mail.example\r\nTo: x@y.example\r\nSubject: Fixed\r\n\r\nno sender"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/mail/inboundemail/",
            {"action": "reprocess", "_selected_action": [row.id]},
        )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.state, row.outcome, row.reason, row.attempts) == (
        "parsed",
        "new_conversation",
        "",
        2,
    )


@pytest.mark.parametrize("who", ["supervisor_a", "agent_a", "agent_b", "outsourced", "customer"])
def test_nobody_else_sees_the_quarantine(cast: Cast, login: Any, who: str) -> None:
    person = getattr(cast, who)
    client = login(person.user)
    response = client.get("/admin/mail/inboundemail/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_is_sent_to_the_login(cast: Cast) -> None:
    response = Client().get("/admin/mail/inboundemail/")
    assert response.status_code == 302
