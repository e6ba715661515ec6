import pytest
from django.core import mail

from aftersail.messaging.notify import send_customer_email
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


def test_automatic_mail_comes_from_the_store_and_is_marked_automatic():
    store = f.make_store(
        sender_name="Nordlicht Kundenservice", sender_email="care@nordlicht.example"
    )
    message_id = send_customer_email(
        store=store,
        to="kunde@mail.example",
        subject="Ihre Rücksendung\r\nBcc: evil@x.example",
        text="Hallo",
        html="<p>Hallo</p>",
        attachments=[("form.pdf", b"%PDF-1.7", "application/pdf")],
    )
    sent = mail.outbox[0]
    assert sent.from_email == "Nordlicht Kundenservice <care@nordlicht.example>"
    assert sent.to == ["kunde@mail.example"]
    assert sent.subject == "Ihre Rücksendung  Bcc: evil@x.example"
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.extra_headers["Message-ID"] == message_id
    assert message_id.endswith("@nordlicht.example>")
    assert sent.alternatives[0][1] == "text/html"
    assert sent.attachments[0][0] == "form.pdf"
    assert sent.message()["Bcc"] is None  # a header injection in the subject stays text


def test_personal_mail_is_not_marked_automatic():
    store = f.make_store()
    send_customer_email(store=store, to="a@mail.example", subject="s", text="t", automatic=False)
    assert "Auto-Submitted" not in mail.outbox[0].extra_headers
