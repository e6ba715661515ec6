"""The round trip over real servers: a customer's mail arrives by IMAP (dovecot), the
agent's reply leaves by SMTP (aiosmtpd) with threading headers, the customer's answer
lands in the same conversation."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from email.utils import make_msgid

import pytest

from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Message
from aftersail.customers.models import CustomerIdentity
from aftersail.mail import imap
from aftersail.mail.models import InboundEmail, Mailbox, Security
from aftersail.mail.tasks import enqueue_processing
from aftersail.messaging.actions import deliver
from aftersail.testing import factories as f
from aftersail.testing.mailservers import (
    Dovecot,
    SmtpSink,
    dovecot_available,
    running_smtp,
)

pytestmark = pytest.mark.skipif(
    not dovecot_available(), reason="dovecot is not installed (apt-get install dovecot-imapd)"
)


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    with running_smtp() as sink:
        yield sink


@pytest.fixture
def mailbox(db: None, dovecot: Dovecot, smtp: SmtpSink, monkeypatch: pytest.MonkeyPatch) -> Mailbox:
    monkeypatch.setenv("TEST_IMAP_PASSWORD", "secret")
    store = f.make_store(
        name="Nordwind",
        slug="nordwind",
        sender_name="Nordwind",
        sender_email="support@nordwind.example",
    )
    return Mailbox.objects.create(
        store=store,
        name="Support",
        address="support@nordwind.example",
        signature="Nordwind Outdoor",
        outbound=Mailbox.Outbound.SMTP,
        smtp_host=smtp.host,
        smtp_port=smtp.port,
        smtp_security=Security.NONE,
        imap_host=dovecot.host,
        imap_port=dovecot.port,
        imap_security=Security.NONE,
        imap_username=f"support-{uuid.uuid4().hex[:8]}",  # a fresh maildir per test
        imap_password_env="TEST_IMAP_PASSWORD",
    )


def customer_mail(subject: str, text: str, *, message_id: str, extra: str = "") -> bytes:
    return (
        "From: Anna Becker <anna@kunde.example>\r\nTo: support@nordwind.example\r\n"
        f"Subject: {subject}\r\nMessage-ID: {message_id}\r\n{extra}"
        "Date: Sat, 28 Nov 2026 09:15:00 +0100\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        f"{text}\r\n"
    ).encode()


def poll(mailbox: Mailbox, capture: object) -> imap.PollResult:
    mailbox.refresh_from_db()
    with capture(execute=True):  # type: ignore[operator]
        return imap.poll_mailbox(mailbox, on_stored=enqueue_processing)


def test_round_trip_over_imap_and_smtp(
    mailbox: Mailbox, dovecot: Dovecot, smtp: SmtpSink, django_capture_on_commit_callbacks: object
) -> None:
    first_id = "<first@kunde.example>"
    dovecot.append(
        mailbox.imap_username,
        customer_mail("Paket fehlt", "Wo ist mein Paket?", message_id=first_id),
    )
    result = poll(mailbox, django_capture_on_commit_callbacks)
    assert (result.fetched, result.stored, result.error) == (1, 1, "")
    inbound = InboundEmail.objects.get()
    assert (inbound.state, inbound.outcome, inbound.source) == (
        "parsed",
        "new_conversation",
        "imap",
    )
    conversation = inbound.conversation
    assert conversation is not None
    assert conversation.subject == "Paket fehlt"
    assert (
        CustomerIdentity.objects.get(value="anna@kunde.example").customer == conversation.customer
    )
    assert dovecot.uids(mailbox.imap_username, "KEYWORD $AftersailStored") == [1]

    agent = f.make_agent("agent@nordwind.example", role="admin")  # the conversation has no team yet
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        reply = do_add_message(
            conversation,
            NewMessage(
                kind="reply", author_kind="agent", author_agent=agent, text="Ihr Paket ist bei DHL."
            ),
        )
    reply.refresh_from_db()
    assert reply.delivery == Message.Delivery.SENT
    assert len(smtp.received) == 1
    mail_from, rcpt, _data = smtp.received[0]
    sent = smtp.messages()[0]
    assert (mail_from, rcpt) == ("support@nordwind.example", ["anna@kunde.example"])
    assert sent["Message-ID"] == reply.external_id
    assert sent["In-Reply-To"] == first_id
    assert sent["References"] == first_id
    assert sent["Subject"] == f"Re: Paket fehlt [AS-{conversation.pk}]"
    assert sent["From"] == "Nordwind <support@nordwind.example>"
    assert sent["Auto-Submitted"] is None
    assert sent.get_content_type() == "multipart/alternative"
    text_part, html_part = sent.get_payload()
    assert text_part.get_payload(decode=True).decode().replace("\r\n", "\n") == (
        "Ihr Paket ist bei DHL.\n\n-- \nNordwind Outdoor"
    )
    assert html_part.get_payload(decode=True).decode().replace("\r\n", "\n") == (
        "<p>Ihr Paket ist bei DHL.</p><p>-- <br>Nordwind Outdoor</p>"
    )

    dovecot.append(
        mailbox.imap_username,
        customer_mail(
            f"Re: Paket fehlt [AS-{conversation.pk}]",
            "Danke!\r\n\r\nOn Sat, 28 Nov 2026, Nordwind wrote:\r\n> Ihr Paket ist bei DHL.",
            message_id="<second@kunde.example>",
            extra=f"In-Reply-To: {reply.external_id}\r\nReferences: {first_id} "
            f"{reply.external_id}\r\n",
        ),
    )
    result = poll(mailbox, django_capture_on_commit_callbacks)
    assert (result.fetched, result.stored) == (1, 1)
    answer = InboundEmail.objects.get(message_id_header="<second@kunde.example>")
    assert (answer.outcome, answer.conversation) == ("threaded", conversation)
    assert answer.message is not None
    assert answer.message.body_text == "Danke!"
    assert answer.message.channel_metadata["threaded_by"] == "references"
    assert list(conversation.messages.values_list("kind", flat=True)) == [
        "inbound",
        "reply",
        "inbound",
    ]
    # A poll with nothing new fetches nothing.
    assert poll(mailbox, django_capture_on_commit_callbacks).fetched == 0


def test_a_retry_after_a_temporary_failure_sends_the_same_message_once(
    mailbox: Mailbox, smtp: SmtpSink
) -> None:
    customer = f.make_customer(mailbox.store, name="Anna Becker", email="anna@kunde.example")
    conversation = f.make_conversation(customer, subject="Paket fehlt")
    smtp.refuse_next = ["451 4.3.0 Try again later"]
    reply = do_add_message(
        conversation, NewMessage(kind="reply", author_kind="system", text="Wir melden uns.")
    )
    assert deliver(reply.id) is not None  # retry later
    reply.refresh_from_db()
    first_id = reply.external_id
    assert (reply.delivery, reply.delivery_attempts, smtp.received) == ("pending", 1, [])
    assert "451" in reply.delivery_error
    assert deliver(reply.id) is None
    reply.refresh_from_db()
    assert (reply.delivery, reply.delivery_attempts, reply.external_id) == ("sent", 2, first_id)
    assert deliver(reply.id) is None  # already sent: nothing happens
    assert len(smtp.received) == 1
    sent = smtp.messages()[0]
    assert sent["Message-ID"] == first_id
    assert sent["Auto-Submitted"] == "auto-replied"  # written by the system, not an agent


def test_a_permanent_refusal_fails_the_message_with_the_reason(
    mailbox: Mailbox, smtp: SmtpSink
) -> None:
    customer = f.make_customer(mailbox.store, email="gone@kunde.example")
    conversation = f.make_conversation(customer)
    smtp.refuse_next = ["550 5.1.1 No such user"]
    reply = do_add_message(conversation, NewMessage(kind="reply", author_kind="agent", text="Hi"))
    assert deliver(reply.id) is None
    reply.refresh_from_db()
    assert reply.delivery == "failed"
    assert reply.delivery_error == "SMTP 550: b'5.1.1 No such user'"


def test_uidvalidity_change_refetches_without_duplicates_and_moves_to_processed_folder(
    mailbox: Mailbox, dovecot: Dovecot, django_capture_on_commit_callbacks: object
) -> None:
    mailbox.imap_processed_folder = "Processed"
    mailbox.save()
    dovecot.append(
        mailbox.imap_username,
        customer_mail("Frage", "Eins", message_id=make_msgid()),
        customer_mail("Frage zwei", "Zwei", message_id=make_msgid()),
    )
    dovecot.uids(mailbox.imap_username, folder="Processed")  # creates the folder
    assert poll(mailbox, django_capture_on_commit_callbacks).stored == 2
    assert dovecot.uids(mailbox.imap_username) == []
    assert len(dovecot.uids(mailbox.imap_username, folder="Processed")) == 2
    # The server says the UIDs mean something else now: start again from the start; the
    # moved mail is in another folder, so nothing is fetched twice.
    Mailbox.objects.filter(id=mailbox.id).update(imap_uidvalidity=1, imap_last_uid=99)
    assert poll(mailbox, django_capture_on_commit_callbacks).fetched == 0
    assert InboundEmail.objects.count() == 2
    assert Message.objects.filter(kind="inbound").count() == 2


def test_the_same_bytes_fetched_again_are_recognized(
    mailbox: Mailbox, dovecot: Dovecot, django_capture_on_commit_callbacks: object
) -> None:
    dovecot.append(mailbox.imap_username, customer_mail("Frage", "Eins", message_id=make_msgid()))
    assert poll(mailbox, django_capture_on_commit_callbacks).stored == 1
    Mailbox.objects.filter(id=mailbox.id).update(imap_last_uid=0)  # a poll that died early
    result = poll(mailbox, django_capture_on_commit_callbacks)
    assert (result.fetched, result.stored) == (1, 0)
    assert InboundEmail.objects.count() == 1


def test_a_wrong_password_is_reported_on_the_mailbox(
    mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: object
) -> None:
    monkeypatch.setenv("TEST_IMAP_PASSWORD", "wrong")
    result = poll(mailbox, django_capture_on_commit_callbacks)
    mailbox.refresh_from_db()
    assert result.error.startswith("error: ")
    assert mailbox.last_poll_error == result.error
    assert mailbox.imap_lease_until is None


@pytest.mark.django_db(transaction=True)
def test_several_mailboxes_are_polled_at_once(
    dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    monkeypatch.setenv("TEST_IMAP_PASSWORD", "secret")
    settings.MAIL_POLL_CONCURRENCY = 3  # type: ignore[attr-defined]
    store = f.make_store(slug="multi")
    boxes = []
    for n in range(3):
        box = Mailbox.objects.create(
            store=store,
            name=f"Box {n}",
            address=f"box{n}@multi.example",
            imap_host=dovecot.host,
            imap_port=dovecot.port,
            imap_security=Security.NONE,
            imap_username=f"multi-{n}-{uuid.uuid4().hex[:8]}",
            imap_password_env="TEST_IMAP_PASSWORD",
        )
        dovecot.append(
            box.imap_username,
            *[
                customer_mail(f"Box {n} mail {i}", "Text", message_id=make_msgid())
                for i in range(4)
            ],
        )
        boxes.append(box)
    results = imap.poll_all()
    assert sorted((r.mailbox, r.fetched, r.stored, r.error) for r in results) == [
        (f"box{n}@multi.example", 4, 4, "") for n in range(3)
    ]
    for box in boxes:
        assert InboundEmail.objects.filter(mailbox=box).count() == 4
        box.refresh_from_db()
        assert (box.imap_last_uid, box.imap_lease_until) == (4, None)
