"""Who a chat visitor is: a new customer known by the chat session, who keeps it when they
come back, and who gains the email address they leave."""

from __future__ import annotations

from typing import Any

import pytest

from aftersail.chat.models import ChatSession, ChatSettings
from aftersail.chat.services import ChatError, do_leave_email
from aftersail.chat.sessions import do_start_session, session_token
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.testing.cast import Cast

pytestmark = pytest.mark.django_db
SHOP = "https://shop.cast.example"


@pytest.fixture
def chat_cast(cast: Cast) -> Cast:
    ChatSettings.objects.create(store=cast.store, allowed_origins=[SHOP], team=cast.team_a)
    return cast


def test_a_new_visitor_is_a_new_customer_known_by_the_session(chat_cast: Cast) -> None:
    session, resumed = do_start_session(
        chat_cast.store, token=None, language="fr-FR", time_zone="Europe/Paris", origin=SHOP
    )
    assert not resumed
    customer = session.customer
    assert (customer.name, customer.given_name, customer.language, customer.time_zone) == (
        "",
        "",
        "fr",
        "Europe/Paris",
    )
    assert list(customer.identities.values_list("kind", "value", "is_primary")) == [
        ("chat_session", session.public_id.hex, False)
    ]
    again, resumed = do_start_session(
        chat_cast.store,
        token=session_token(session),
        language="de",
        time_zone="Asia/Tokyo",
        origin=SHOP,
    )
    assert (again, again.customer, resumed) == (session, customer, True)
    assert Customer.objects.filter(identities__kind="chat_session").count() == 1


def test_a_browser_sending_nonsense_still_gets_a_customer(chat_cast: Cast) -> None:
    session, _ = do_start_session(
        chat_cast.store, token=None, language="\x00" * 40, time_zone="x" * 500, origin=SHOP
    )
    assert (session.customer.language, session.customer.time_zone) == ("", "")


def test_the_email_a_visitor_leaves_joins_their_customer(
    chat_cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    session, _ = do_start_session(
        chat_cast.store, token=None, language="de", time_zone="Europe/Berlin", origin=SHOP
    )
    ChatSession.objects.filter(id=session.id).update(state=ChatSession.State.ASK_EMAIL)
    session.refresh_from_db()
    with pytest.raises(ChatError) as refused:
        do_leave_email(session, "nicht@adresse")
    assert refused.value.code == "invalid_email"
    with django_capture_on_commit_callbacks(execute=True):
        do_leave_email(session, " Jörg@Bücher.Example ")
    assert list(session.customer.identities.values_list("kind", "value", "is_primary")) == [
        ("email", "jörg@xn--bcher-kva.example", True),
        ("chat_session", session.public_id.hex, False),
    ]
    session.refresh_from_db()
    assert session.state == ChatSession.State.EMAIL
    note = session.conversation.messages.get(kind="note")
    assert note.body_text == (
        "No agent was available for the chat; it continues by email to jörg@xn--bcher-kva.example."
    )


def test_an_address_another_customer_has_stays_theirs(
    chat_cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    session, _ = do_start_session(
        chat_cast.store, token=None, language="de", time_zone="Europe/Berlin", origin=SHOP
    )
    ChatSession.objects.filter(id=session.id).update(state=ChatSession.State.ASK_EMAIL)
    session.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        do_leave_email(session, "CUSTOMER@mail.example")
    identity = CustomerIdentity.objects.get(value="customer@mail.example")
    assert identity.customer == chat_cast.customer
    assert list(session.customer.identities.values_list("kind", flat=True)) == ["chat_session"]
    session.refresh_from_db()
    assert session.state == ChatSession.State.EMAIL
