"""The acknowledgement with its reply-by promise: languages, zones, the 24-hour cap,
automatic mail, ongoing exchanges, and kept/broken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.test import TestCase

from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Message
from aftersail.conversations.pipeline import process_inbound_message
from aftersail.sla.models import Promise
from aftersail.sla.promises import do_carry_promise_to_email, do_settle_overdue_promises
from aftersail.sla.tests.conftest import MONDAY_9_BERLIN
from aftersail.testing import factories as f


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def write_in(hours, when, *, language, zone, channel="email", metadata=None, team=None, email=""):
    customer = f.make_customer(
        hours.store,
        name="Kim Lee",
        language=language,
        time_zone=zone,
        email=email or f"kim.{language}@mail.example",
    )
    with time_machine.travel(when, tick=False):
        conversation = f.make_conversation(
            customer,
            team=team or hours.team_a,
            channel=channel,
            subject="Order 1042",
            language=language,
        )
    if metadata is not None:
        Message.objects.filter(conversation=conversation).update(channel_metadata=metadata)
    message = conversation.messages.get()

    Message.objects.filter(id=message.id).update(processed_at=None)
    with time_machine.travel(when, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        process_inbound_message(message.id)
    return conversation


# Monday 09:00 Berlin, team A open, two working hours: reply by 10:00 UTC.
EXPECTED = {
    "en": (
        "Asia/Singapore",
        "Re: Order 1042",
        "Hello Kim,\n\nThank you for your message. We have received it and will reply by "
        "Monday 18:00, Singapore time.",
    ),
    "de": (
        "Europe/Vienna",
        "AW: Order 1042",
        "Guten Tag Kim,\n\nvielen Dank für Ihre Nachricht. Sie ist bei uns angekommen, und wir "
        "antworten Ihnen bis Montag, 11:00 Uhr (Ortszeit Wien).",
    ),
    "fr": (
        "America/Toronto",
        "RE : Order 1042",
        "Bonjour Kim,\n\nMerci pour votre message. Nous l'avons bien reçu et vous répondrons "
        "d'ici lundi à 05h00, heure de Toronto.",
    ),
    "es": (
        "America/Mexico_City",
        "RE: Order 1042",
        "Hola, Kim:\n\nGracias por tu mensaje. Lo hemos recibido y te responderemos antes del "
        "lunes a las 04:00 (hora de Ciudad de México).",
    ),
    "pl": (
        "Europe/Warsaw",
        "Odp: Order 1042",
        "Cześć Kim!\n\nDziękujemy za wiadomość, już do nas dotarła. Odpowiemy Ci najpóźniej w "
        "tym terminie: poniedziałek, godz. 11:00 (czas lokalny: Warszawa).",
    ),
    "ja": (
        "Asia/Tokyo",
        "Re: Order 1042",
        "Kim様\n\nお問い合わせいただき、ありがとうございます。メッセージを受け付けました。"
        "11月30日（月）19:00（東京時間）までにご返信いたします。",
    ),
}


@pytest.mark.parametrize("language", list(EXPECTED))
def test_acknowledgement_in_the_customers_language_and_zone(hours, language):
    zone, subject, opening = EXPECTED[language]
    conversation = write_in(hours, MONDAY_9_BERLIN, language=language, zone=zone)
    promise = Promise.objects.get(conversation=conversation)
    assert (promise.reply_by, promise.customer_zone, promise.outside_hours) == (
        utc(2026, 11, 30, 10),
        zone,
        False,
    )
    [sent] = mail.outbox
    assert sent.subject == subject
    assert sent.to == [f"kim.{language}@mail.example"]
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.body.startswith(opening + "\n\n")
    assert sent.body.endswith("\n\nCast Outdoor")
    assert conversation.events.filter(kind="promise_made").count() == 1


def test_outside_hours_says_so_and_never_promises_more_than_a_day(hours):
    # Friday 18:00 Berlin: next opening is Monday; the promise is capped at Saturday 18:00.
    conversation = write_in(hours, utc(2026, 12, 4, 17), language="en", zone="Asia/Singapore")
    promise = Promise.objects.get(conversation=conversation)
    assert promise.reply_by == utc(2026, 12, 5, 17)
    assert promise.reply_by - promise.received_at == timedelta(hours=24)
    assert promise.outside_hours
    assert "reply by Sunday 01:00, Singapore time." in mail.outbox[0].body
    assert "We are outside our working hours right now" in mail.outbox[0].body


def test_backlog_makes_the_promise_later(hours):
    for n in range(3):
        write_in(hours, MONDAY_9_BERLIN, language="en", zone="UTC", email=f"k{n}@mail.example")
    conversation = write_in(hours, MONDAY_9_BERLIN, language="en", zone="UTC")
    # Three waiting, two agents in team A: ceil(3/2) * 6 min -> 10:12, rounded to 10:15.
    assert Promise.objects.get(conversation=conversation).reply_by == utc(2026, 11, 30, 10, 15)
    assert "reply by Monday 10:15, UTC time." in mail.outbox[-1].body


@pytest.mark.parametrize(
    "metadata",
    [
        {"is_automatic": True, "automatic_reason": "Auto-Submitted: auto-replied"},
        {"headers": {"Auto-Submitted": "auto-replied"}},
        {"headers": {"Precedence": "bulk"}},
        {"is_bounce": True},
    ],
)
def test_no_acknowledgement_to_automatic_mail(hours, metadata):
    conversation = write_in(hours, MONDAY_9_BERLIN, language="en", zone="UTC", metadata=metadata)
    assert not Promise.objects.filter(conversation=conversation).exists()
    assert mail.outbox == []


def test_no_acknowledgement_inside_an_ongoing_exchange(hours, django_capture_on_commit_callbacks):
    conversation = write_in(hours, MONDAY_9_BERLIN, language="en", zone="UTC")
    assert len(mail.outbox) == 1
    with (
        time_machine.travel(MONDAY_9_BERLIN + timedelta(minutes=5), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        do_add_message(conversation, NewMessage(kind="inbound", author_kind="customer", text="PS"))
    assert len(mail.outbox) == 1
    assert Promise.objects.count() == 1


def test_chat_promise_is_recorded_for_the_widget(hours):
    customer = f.make_customer(hours.store, language="en", time_zone="")
    customer.identities.all().delete()
    with time_machine.travel(MONDAY_9_BERLIN, tick=False):
        conversation = f.make_conversation(customer, team=hours.team_a, channel="chat")
        message = conversation.messages.get()
        Message.objects.filter(id=message.id).update(
            processed_at=None, channel_metadata={"browser_time_zone": "Asia/Kathmandu"}
        )

        process_inbound_message(message.id)
    promise = Promise.objects.get(conversation=conversation)
    assert (promise.customer_zone, promise.sent_to) == ("Asia/Kathmandu", "chat")
    assert "reply by Monday 15:45, Kathmandu time." in promise.text
    assert not conversation.messages.filter(kind="reply").exists()
    assert mail.outbox == []


def test_a_chat_that_continues_by_email_mails_its_promise_once(
    hours, django_capture_on_commit_callbacks
):
    conversation = write_in(
        hours, MONDAY_9_BERLIN, language="de", zone="Europe/Vienna", channel="chat"
    )
    promise = Promise.objects.get(conversation=conversation)
    assert promise.sent_to == "chat" and mail.outbox == []
    for _attempt in range(2):  # a second call (a resent frame) mails nothing more
        with django_capture_on_commit_callbacks(execute=True):
            carried = do_carry_promise_to_email(conversation, "kim@mail.example")
        assert carried is not None and carried.id == promise.id
    [sent] = mail.outbox
    assert (sent.to, sent.subject, sent.body) == (
        ["kim@mail.example"],
        "AW: Order 1042",
        promise.text,
    )
    promise.refresh_from_db()
    assert promise.sent_to == "kim@mail.example"


def test_no_open_promise_nothing_to_carry(hours):
    conversation = write_in(hours, MONDAY_9_BERLIN, language="en", zone="UTC", channel="chat")
    Promise.objects.filter(conversation=conversation).update(state=Promise.State.KEPT)
    assert do_carry_promise_to_email(conversation, "kim@mail.example") is None
    assert mail.outbox == []


def test_reply_in_time_keeps_the_promise(hours, django_capture_on_commit_callbacks):
    conversation = write_in(hours, MONDAY_9_BERLIN, language="en", zone="UTC")
    with (
        time_machine.travel(utc(2026, 11, 30, 9, 59), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        do_add_message(
            conversation,
            NewMessage(kind="reply", author_kind="agent", author_agent=hours.agent_a, text="Done."),
        )
    promise = Promise.objects.get(conversation=conversation)
    assert (promise.state, promise.settled_at) == ("kept", utc(2026, 11, 30, 9, 59))
    assert conversation.events.filter(kind="promise_kept").count() == 1


def test_no_reply_in_time_breaks_the_promise(hours, django_capture_on_commit_callbacks):
    conversation = write_in(hours, MONDAY_9_BERLIN, language="en", zone="UTC")
    assert do_settle_overdue_promises(utc(2026, 11, 30, 10)) == 0
    assert do_settle_overdue_promises(utc(2026, 11, 30, 10, 1)) == 1
    assert do_settle_overdue_promises(utc(2026, 11, 30, 10, 2)) == 0
    promise = Promise.objects.get(conversation=conversation)
    assert promise.state == "broken"
    # A late reply does not mend it.
    with (
        time_machine.travel(utc(2026, 11, 30, 11), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        do_add_message(
            conversation,
            NewMessage(
                kind="reply", author_kind="agent", author_agent=hours.agent_a, text="Sorry."
            ),
        )
    assert Promise.objects.get(conversation=conversation).state == "broken"
