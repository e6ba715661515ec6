"""find_or_create_customer and do_add_identity: one customer per identity however it is
spelled, names that always fit, refusals with reasons, and the race of two creates."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.db import connection

from aftersail.commerce.models import Store
from aftersail.customers import by_identity
from aftersail.customers.actions import (
    CustomerError,
    IdentityKind,
    do_add_identity,
    find_or_create_customer,
)
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.customers.selectors import find_customer
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # one emoji of five code points
FLAG_DE = "\U0001f1e9\U0001f1ea"


@pytest.fixture
def store() -> Store:
    return f.make_store(country="DE")


def test_a_new_identity_makes_a_customer_with_the_hints(store: Store) -> None:
    customer, created = find_or_create_customer(
        store,
        IdentityKind.EMAIL,
        " Zofia@Poczta.Example ",
        name="  Zofia   Nowak ",
        language="PL",
        country="pl",
        time_zone="Europe/Warsaw",
    )
    assert created
    assert (customer.store, customer.name, customer.given_name) == (store, "Zofia Nowak", "Zofia")
    assert (customer.language, customer.country, customer.time_zone) == (
        "pl",
        "PL",
        "Europe/Warsaw",
    )
    assert list(customer.identities.values_list("kind", "value", "is_primary")) == [
        ("email", "zofia@poczta.example", True)
    ]


def test_any_spelling_finds_the_same_customer_and_leaves_them_as_they_are(store: Store) -> None:
    first, _ = find_or_create_customer(store, IdentityKind.EMAIL, "anna@kunde.example", name="A")
    again, created = find_or_create_customer(
        store, IdentityKind.EMAIL, "ANNA@Kunde.EXAMPLE", name="Someone Else", language="fr"
    )
    assert (again, created) == (first, False)
    again.refresh_from_db()
    assert (again.name, again.language) == ("A", "")
    assert find_customer(store, IdentityKind.EMAIL, "Anna@KUNDE.example") == first
    assert Customer.objects.filter(store=store).count() == 1


def test_unicode_and_punycode_domains_are_one_identity(store: Store) -> None:
    jorg, created = find_or_create_customer(
        store, IdentityKind.EMAIL, "Jörg@Bücher.DE", name="Jörg Bücher"
    )
    assert created
    assert jorg.identities.get().value == "jörg@xn--bcher-kva.de"
    assert find_or_create_customer(store, IdentityKind.EMAIL, "jörg@xn--bcher-kva.de") == (
        jorg,
        False,
    )
    assert find_customer(store, IdentityKind.EMAIL, "JÖRG@BÜCHER.de") == jorg


def test_identities_are_per_store(store: Store) -> None:
    here, _ = find_or_create_customer(store, IdentityKind.EMAIL, "anna@kunde.example")
    there, created = find_or_create_customer(
        f.make_store(), IdentityKind.EMAIL, "anna@kunde.example"
    )
    assert created and there != here
    assert find_customer(f.make_store(), IdentityKind.EMAIL, "anna@kunde.example") is None


@pytest.mark.parametrize(
    "spelling", ["+49 30 1234567", "030 1234567", "0049 30 1234567", "+49301234567"]
)
def test_phone_numbers_in_any_format_find_one_customer(store: Store, spelling: str) -> None:
    known, _ = find_or_create_customer(store, IdentityKind.PHONE, "+49 (0)30 123 45 67")
    assert known.identities.get().value == "+49301234567"
    assert find_or_create_customer(store, IdentityKind.PHONE, spelling) == (known, False)


def test_a_national_number_is_read_in_the_customers_country_before_the_stores() -> None:
    shop_in_france = f.make_store(country="FR")
    customer, _ = find_or_create_customer(
        shop_in_france, IdentityKind.PHONE, "030 1234567", country="DE"
    )
    assert customer.identities.get().value == "+49301234567"
    in_france, _ = find_or_create_customer(shop_in_france, IdentityKind.PHONE, "01 23 45 67 89")
    assert in_france.identities.get().value == "+33123456789"


def test_whatsapp_ids_and_numbers_find_one_customer(store: Store) -> None:
    customer, created = find_or_create_customer(store, IdentityKind.WHATSAPP, "4930123456")
    assert created
    assert list(customer.identities.values_list("kind", "value", "is_primary")) == [
        ("whatsapp", "+4930123456", True)
    ]
    assert find_or_create_customer(store, IdentityKind.WHATSAPP, "+49 30 123456") == (
        customer,
        False,
    )
    assert find_customer(store, IdentityKind.WHATSAPP, "030 123456") == customer


def test_shop_customer_ids_are_kept_exactly_and_are_not_addresses(store: Store) -> None:
    customer, _ = find_or_create_customer(
        store, IdentityKind.SHOP_CUSTOMER, "gid://shopify/Customer/7", name="Bea Buyer"
    )
    other, created = find_or_create_customer(
        store, IdentityKind.SHOP_CUSTOMER, "GID://shopify/Customer/7"
    )
    assert created and other != customer
    assert customer.identities.get().is_primary is False


def test_a_first_word_longer_than_the_given_name_field_is_cut(store: Store) -> None:
    word = "Wolfeschlegelsteinhausenbergerdorff" * 4  # 140 characters
    customer, created = find_or_create_customer(
        store, IdentityKind.EMAIL, "w@long.example", name=f"{word} Senior"
    )
    assert created
    customer.refresh_from_db()
    assert customer.name == f"{word} Senior"
    assert customer.given_name == word[:100]


def test_names_longer_than_the_field_are_cut_between_characters(store: Store) -> None:
    cases = {
        "10k@x.example": ("N" * 10_000, "N" * 200, "N" * 100),
        "family@x.example": ("A" * 198 + FAMILY, "A" * 198, "A" * 100),
        # 201 characters: the second flag would be cut in half, so it goes whole.
        "flag@x.example": ("B " + "b" * 195 + FLAG_DE * 2, "B " + "b" * 195 + FLAG_DE, "B"),
        "accent@x.example": ("C" * 199 + "x\u0301yz", "C" * 199, "C" * 100),
        "emoji@x.example": ("Kim " + FAMILY * 100, "Kim " + FAMILY * 39, "Kim"),
    }
    for address, (written, name, given_name) in cases.items():
        customer, _ = find_or_create_customer(store, IdentityKind.EMAIL, address, name=written)
        customer.refresh_from_db()
        assert (customer.name, customer.given_name) == (name, given_name), address


def test_nul_bytes_controls_and_surrogates_never_reach_the_database(store: Store) -> None:
    customer, _ = find_or_create_customer(
        store,
        IdentityKind.EMAIL,
        "nul@x.example",
        name="\x00Ma\x00rie\tCurie\r\n\udcff\x1b[31m",
        language="de\x00",
        time_zone="Europe/Berlin\x00",
    )
    customer.refresh_from_db()
    assert (customer.name, customer.given_name) == ("Marie Curie [31m", "Marie")
    assert (customer.language, customer.time_zone) == ("", "")


def test_right_to_left_names_keep_their_order(store: Store) -> None:
    customer, _ = find_or_create_customer(
        store, IdentityKind.EMAIL, "rtl@x.example", name="محمد عبد الله\u200f"
    )
    customer.refresh_from_db()
    assert (customer.name, customer.given_name) == ("محمد عبد الله\u200f", "محمد")


def test_hints_that_are_not_valid_are_left_blank(store: Store) -> None:
    customer, _ = find_or_create_customer(
        store,
        IdentityKind.EMAIL,
        "hints@x.example",
        language="not a language",
        country="ZZ",
        time_zone="Mars/Olympus_Mons",
    )
    assert (customer.language, customer.country, customer.time_zone) == ("", "", "")


@pytest.mark.parametrize(
    ("kind", "value", "reason"),
    [
        (IdentityKind.EMAIL, "x" * 250 + "@x.example", "has 260 characters; at most 254"),
        (IdentityKind.EMAIL, "not an address", "'not an address' is not an email address"),
        (IdentityKind.PHONE, "12", "'12' is not a valid phone number (read in DE)"),
        (IdentityKind.CHAT_SESSION, "x" * 300, "has 300 characters; at most 254"),
        ("fax", "+49301234567", "'fax' is not a kind of identity"),
    ],
)
def test_what_cannot_be_an_identity_is_refused_and_nothing_is_created(
    store: Store, kind: str, value: str, reason: str
) -> None:
    with pytest.raises(CustomerError) as refused:
        find_or_create_customer(store, kind, value, name="Nobody")
    assert reason in str(refused.value)
    assert not Customer.objects.filter(store=store).exists()


def _lose_the_race_once(monkeypatch: pytest.MonkeyPatch, winner: Customer) -> list[str]:
    """The first lookup misses; before it returns, another process creates the identity
    for ``winner`` (what happens when two workers handle a new sender's two mails)."""
    real = by_identity.find_identity
    missed: list[str] = []

    def lookup(store: Store, kind: str, value: str) -> CustomerIdentity | None:
        if not missed:
            missed.append(value)
            CustomerIdentity.objects.create(
                store=store, customer=winner, kind=kind, value=value, is_primary=True
            )
            return None
        return real(store, kind, value)

    monkeypatch.setattr(by_identity, "find_identity", lookup)
    return missed


def test_a_concurrent_create_of_the_identity_gives_its_customer(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    winner = Customer.objects.create(store=store, name="Created elsewhere")
    missed = _lose_the_race_once(monkeypatch, winner)
    customer, created = find_or_create_customer(
        store, IdentityKind.EMAIL, "Race@X.example", name="Created here"
    )
    assert (customer, created, missed) == (winner, False, ["race@x.example"])
    # The loser's customer was rolled back with its savepoint; the transaction goes on.
    assert list(Customer.objects.filter(store=store).values_list("name", flat=True)) == [
        "Created elsewhere"
    ]
    assert CustomerIdentity.objects.filter(store=store).count() == 1


def test_a_concurrent_add_of_the_identity_gives_the_existing_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    visitor, _ = find_or_create_customer(store, IdentityKind.CHAT_SESSION, "a" * 32)
    winner = Customer.objects.create(store=store, name="Created elsewhere")
    _lose_the_race_once(monkeypatch, winner)
    identity, added = do_add_identity(visitor, IdentityKind.EMAIL, "race@x.example")
    assert (identity.customer, identity.value, added) == (winner, "race@x.example", False)
    assert list(visitor.identities.values_list("kind", flat=True)) == ["chat_session"]


def test_a_chat_visitors_email_becomes_their_primary_address(store: Store) -> None:
    visitor, _ = find_or_create_customer(store, IdentityKind.CHAT_SESSION, "b" * 32)
    _identity, added = do_add_identity(visitor, IdentityKind.EMAIL, "Camille@Mail.example")
    assert added
    assert list(visitor.identities.values_list("kind", "value", "is_primary")) == [
        ("email", "camille@mail.example", True),
        ("chat_session", "b" * 32, False),
    ]
    second, added = do_add_identity(visitor, IdentityKind.EMAIL, "camille@work.example")
    assert (second.is_primary, added) == (False, True)
    third, _ = do_add_identity(visitor, IdentityKind.PHONE, "+33 1 23 45 67 89", primary=True)
    assert list(visitor.identities.filter(is_primary=True)) == [third]


def test_an_identity_of_another_customer_stays_theirs(store: Store) -> None:
    anna, _ = find_or_create_customer(store, IdentityKind.EMAIL, "anna@kunde.example")
    visitor, _ = find_or_create_customer(store, IdentityKind.CHAT_SESSION, "c" * 32)
    identity, added = do_add_identity(visitor, IdentityKind.EMAIL, "ANNA@kunde.example")
    assert (identity.customer, added) == (anna, False)
    assert visitor.identities.count() == 1


def test_the_migration_respells_stored_unicode_domains(store: Store) -> None:
    migration = importlib.import_module(
        "aftersail.customers.migrations.0003_email_identities_ascii_domains"
    )
    old, twin = (Customer.objects.create(store=store, name=n) for n in ("Old", "Twin"))
    rows: dict[str, Any] = {
        value: CustomerIdentity.objects.create(store=store, customer=c, kind="email", value=value)
        for c, value in [
            (old, "jörg@bücher.de"),
            (old, "anna@kunde.example"),
            (twin, "max@straße.example"),
            (twin, "max@xn--strae-oqa.example"),
        ]
    }
    migration.spell_domains_in_ascii(django_apps, connection.schema_editor)
    assert {
        value: CustomerIdentity.objects.get(id=row.id).value for value, row in rows.items()
    } == {
        "jörg@bücher.de": "jörg@xn--bcher-kva.de",
        "anna@kunde.example": "anna@kunde.example",
        "max@straße.example": "max@straße.example",  # its ASCII spelling is taken: kept
        "max@xn--strae-oqa.example": "max@xn--strae-oqa.example",
    }
