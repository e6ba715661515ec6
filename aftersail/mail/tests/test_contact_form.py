"""The portal's contact form: who may see it, what it creates, what it refuses."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from aftersail.conversations.models import Conversation, Message
from aftersail.customers.models import Customer
from aftersail.mail.ingest import do_process_inbound, do_store_inbound
from aftersail.sla.models import Promise
from aftersail.testing import factories as f
from aftersail.testing.cast import Cast

HEADINGS = {
    "en": "Contact us",
    "de": "Kontakt",
    "fr": "Nous contacter",
    "es": "Contacto",
    "pl": "Kontakt",
    "ja": "お問い合わせ",
}


def form(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Clara Kunde",
        "email": "customer@mail.example",
        "order_number": "",
        "topic": "where_is_my_order",
        "message": "Mein Paket ist nicht angekommen.",
        "website": "",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    "who", ["admin", "supervisor_a", "agent_a", "agent_b", "outsourced", "customer_user", None]
)
def test_everyone_may_open_the_contact_form(cast: Cast, login: Any, who: str | None) -> None:
    person = getattr(cast, who) if who else None
    client = login(getattr(person, "user", person))
    response = client.get("/contact/")
    assert response.status_code == 200
    assert b'name="website"' in response.content  # the honeypot is there, hidden


@pytest.mark.parametrize(("language", "heading"), list(HEADINGS.items()))
def test_the_form_speaks_the_visitors_language(cast: Cast, client: Any, language: str,
                                               heading: str) -> None:  # fmt: skip
    response = client.get("/contact/", HTTP_ACCEPT_LANGUAGE=language)
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_a_known_customer_opens_a_conversation_and_gets_a_copy_in_german(
    cast: Cast, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    order = f.make_order(cast.customer, number="10452")
    photo = SimpleUploadedFile("paket.jpg", b"\xff\xd8\xffphoto", content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/contact/",
            form(order_number="#10452", attachments=[photo]),
            HTTP_ACCEPT_LANGUAGE="de",
        )
    assert response.status_code == 302
    assert response["Location"] == "/contact/sent/"
    conversation = Conversation.objects.exclude(id__in=[c.id for c in cast.conversations]).get()
    assert (conversation.customer, conversation.channel, conversation.order) == (
        cast.customer,
        "form",
        order,
    )
    assert (conversation.subject, conversation.language, conversation.status) == (
        "Wo ist meine Bestellung?",
        "de",
        "new",
    )
    message = conversation.messages.get()
    assert message.body_text == "Mein Paket ist nicht angekommen."
    assert [(a.filename, a.size) for a in message.attachments.all()] == [("paket.jpg", 8)]
    # One mail: the copy, which carries the acknowledgement with its reply-by promise.
    [copy] = mail.outbox
    promise = Promise.objects.get(message=message)
    assert copy.to == ["customer@mail.example"]
    assert copy.subject == "Wir haben Ihre Nachricht erhalten: Wo ist meine Bestellung?"
    assert copy.body == promise.text + "\n\nIhre Nachricht:\n\nMein Paket ist nicht angekommen."
    assert promise.text.startswith(
        "Guten Tag Clara,\n\nvielen Dank für Ihre Nachricht. Sie ist bei uns angekommen, "
        "und wir antworten Ihnen bis "
    )
    assert promise.text.endswith("\n\nCast Outdoor")
    assert promise.sent_to == "customer@mail.example"
    assert copy.extra_headers["Message-ID"] == message.external_id
    assert copy.extra_headers["Auto-Submitted"] == "auto-generated"
    message.refresh_from_db()
    assert message.channel_metadata["copy_sent"] == message.external_id


def test_an_unknown_visitor_becomes_a_customer(
    cast: Cast, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/contact/",
            form(name="Zofia Nowak", email="Zofia@Poczta.example", topic="return"),
            HTTP_ACCEPT_LANGUAGE="pl",
        )
    assert response.status_code == 302
    customer = Customer.objects.get(identities__value="zofia@poczta.example")
    assert (customer.name, customer.language) == ("Zofia Nowak", "pl")
    assert customer.conversations.get().subject == "Zwrot lub wymiana"
    subjects = [m.subject for m in mail.outbox]
    assert subjects == ["Otrzymaliśmy Twoją wiadomość: Zwrot lub wymiana"]


def test_an_order_of_another_customer_is_refused(cast: Cast, client: Any) -> None:
    other = Customer.objects.get(name="Oscar Other")
    f.make_order(other, number="777")
    before = Conversation.objects.count()
    response = client.post("/contact/", form(order_number="777"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "We could not find this order number for your email address." in (
        response.content.decode()
    )
    assert Conversation.objects.count() == before
    assert mail.outbox == []


def test_the_honeypot_pretends_success_and_stores_nothing(cast: Cast, client: Any) -> None:
    before = Message.objects.count()
    response = client.post("/contact/", form(website="http://spam.example"))
    assert response.status_code == 302
    assert Message.objects.count() == before
    assert mail.outbox == []


def test_rate_limits_per_address_and_per_ip(cast: Cast, client: Any) -> None:
    for n in range(3):
        assert client.post("/contact/", form(message=f"Nachricht {n}")).status_code == 302
    refused = client.post("/contact/", form(message="Noch eine"), HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert "Too many messages from this address." in refused.content.decode()
    # Two more addresses from the same IP reach the limit of five per hour.
    assert client.post("/contact/", form(email="a@x.example")).status_code == 302
    refused = client.post("/contact/", form(email="b@x.example"), HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert "Too many messages from your network." in refused.content.decode()
    # 4 accepted: 3 from the first address, 1 from a@x.example (5 attempts counted on the IP).
    assert Message.objects.filter(channel="form").count() == 4


def test_dangerous_and_too_many_files_are_refused(cast: Cast, client: Any) -> None:
    exe = SimpleUploadedFile("tool.exe", b"MZ", content_type="application/octet-stream")
    response = client.post("/contact/", form(attachments=[exe]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "This type of file cannot be sent." in response.content.decode()
    files = [SimpleUploadedFile(f"p{i}.png", b"png") for i in range(4)]
    response = client.post("/contact/", form(attachments=files), HTTP_ACCEPT_LANGUAGE="en")
    assert "Please attach at most 3 files." in response.content.decode()
    assert Message.objects.filter(channel="form").count() == 0


@pytest.mark.parametrize("field", ["name", "email", "message"])
def test_required_fields(cast: Cast, client: Any, field: str) -> None:
    response = client.post("/contact/", form(**{field: ""}))
    assert response.status_code == 400
    assert Message.objects.filter(channel="form").count() == 0


def test_a_reply_to_the_copy_threads_into_the_form_conversation(
    cast: Cast, client: Any, django_capture_on_commit_callbacks: Any
) -> None:

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/contact/", form())
    message = Message.objects.get(channel="form")
    raw = (
        "From: Clara Kunde <customer@mail.example>\r\nTo: support@cast.example\r\n"
        f"Subject: Re: Wir haben Ihre Nachricht erhalten\r\nIn-Reply-To: {message.external_id}\r\n"
        "Message-ID: <clara-2@mail.example>\r\n\r\nNoch ein Foto folgt.\r\n"
    ).encode()
    row, _ = do_store_inbound(store=cast.store, raw=raw, source="upload")
    assert do_process_inbound(row.id) == "threaded"
    row.refresh_from_db()
    assert row.conversation == message.conversation
