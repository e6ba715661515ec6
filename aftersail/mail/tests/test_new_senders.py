"""Mail from someone the store does not know yet: one customer per address, whatever the
name in the From header; an address the customers app refuses is quarantined with why."""

from __future__ import annotations

from email.header import Header

from aftersail.customers.models import Customer
from aftersail.mail.tests.conftest import MailWorld

WORD = "Hubert" + "blaine" * 20  # 126 characters: longer than the given-name field


def mail(sender: str, *, message_id: str, subject: str = "Frage") -> bytes:
    return (
        f"From: {sender}\r\nTo: support@nordwind.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <{message_id}@mail.example>\r\n"
        "Date: Sat, 28 Nov 2026 10:00:00 +0100\r\n\r\nWo ist mein Paket?\r\n"
    ).encode()


def test_a_new_sender_with_a_very_long_name_becomes_a_customer(world: MailWorld) -> None:
    name = f"{WORD} Wolfe Schlegelsteinhausenbergerdorff " + "Senior " * 30  # 327 characters
    row = world.ingest(mail(f'"{name}" <Hubert.Wolfe@Mail.Example>', message_id="long-1"))
    assert (row.state, row.outcome, row.reason) == ("parsed", "new_conversation", "")
    customer = row.conversation.customer
    expected = (f"{WORD} Wolfe Schlegelsteinhausenbergerdorff " + "Senior " * 30)[:200].rstrip()
    assert (customer.name, customer.given_name) == (expected, WORD[:100])
    assert list(customer.identities.values_list("kind", "value", "is_primary")) == [
        ("email", "hubert.wolfe@mail.example", True)
    ]


def test_an_encoded_name_with_emoji_is_cut_between_characters(world: MailWorld) -> None:
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    name = "Ő" * 198 + family  # 203 code points; a cut at 200 would split the emoji
    header = Header(name, "utf-8").encode()
    row = world.ingest(mail(f"{header} <oe@mail.example>", message_id="emoji-1"))
    assert (row.state, row.outcome) == ("parsed", "new_conversation")
    assert row.conversation.customer.name == "Ő" * 198


def test_the_next_mail_of_the_address_in_another_spelling_joins_the_customer(
    world: MailWorld,
) -> None:
    first = world.ingest(mail("Jörg <joerg@xn--bcher-kva.example>", message_id="idn-1"))
    header = Header("Jörg", "utf-8").encode()
    second = world.ingest(
        mail(f"{header} <JOERG@Bücher.example>", message_id="idn-2", subject="Noch was")
    )
    assert (first.outcome, second.outcome) == ("new_conversation", "new_conversation")
    assert second.conversation.customer == first.conversation.customer
    assert Customer.objects.filter(identities__value="joerg@xn--bcher-kva.example").count() == 1


def test_a_known_sender_in_capitals_joins_their_customer(world: MailWorld) -> None:
    row = world.ingest(mail("ANNA BECKER <Anna@Kunde.Example>", message_id="anna-caps"))
    assert row.state == "parsed"
    assert row.conversation.customer == world.anna
    world.anna.refresh_from_db()
    assert world.anna.name == "Anna Becker"  # a From header does not rename a customer


def test_a_sender_address_the_customers_app_refuses_is_quarantined_with_why(
    world: MailWorld,
) -> None:
    before = Customer.objects.count()
    row = world.ingest(mail("Someone <someone@intranet>", message_id="no-tld"))
    assert (row.state, row.outcome) == ("quarantined", "unparseable")
    assert row.reason == "Unusable sender: 'someone@intranet' is not an email address: bad domain"
    assert Customer.objects.count() == before
