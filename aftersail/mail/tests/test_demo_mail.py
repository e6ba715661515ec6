"""The demo shows the email channel: a threaded answer, a bounce, noise and the quarantine."""

from datetime import datetime

import pytest

from aftersail.demo.loader import load_demo
from aftersail.mail.models import InboundEmail, Mailbox

pytestmark = pytest.mark.django_db


def test_the_demo_store_has_a_mailbox_and_mail_in_every_state() -> None:
    summary = load_demo(now=datetime.fromisoformat("2026-11-22T09:30:00+00:00"))
    mailbox = Mailbox.objects.get()
    assert (mailbox.store, mailbox.address) == (summary.store, "care@nordlicht-outdoor.example")
    rows = {row.outcome: row for row in InboundEmail.objects.all()}
    assert {outcome: row.state for outcome, row in rows.items()} == {
        "threaded": "parsed",
        "bounce": "parsed",
        "automatic": "dropped",
        "unparseable": "quarantined",
    }
    answer = rows["threaded"].message
    assert answer is not None
    assert answer.body_text == (
        "Danke für die schnelle Antwort! Ich schicke Ihnen heute noch ein Foto."
    )
    assert answer.channel_metadata["threaded_by"] == "subject_token"
