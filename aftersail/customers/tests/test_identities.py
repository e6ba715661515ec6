"""One spelling per identity: emails (case, IDN), phone and WhatsApp numbers (E.164), shop
and chat ids; and what is refused, with the reason."""

from __future__ import annotations

import pytest

from aftersail.customers.actions import CustomerError, IdentityKind, check_identity
from aftersail.customers.identities import normalize_email, normalize_phone, normalize_whatsapp


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Anna.Becker@Kunde.Example", "anna.becker@kunde.example"),
        ("  anna@kunde.example \n", "anna@kunde.example"),
        ("anna@kunde.example.", "anna@kunde.example"),
        ("Jörg@Bücher.DE", "jörg@xn--bcher-kva.de"),
        ("jörg@xn--bcher-kva.de", "jörg@xn--bcher-kva.de"),
        ("JÖRG@XN--BCHER-KVA.DE", "jörg@xn--bcher-kva.de"),
        ("jo\u0308rg@bu\u0308cher.de", "jörg@xn--bcher-kva.de"),  # decomposed umlauts
        ("info@ＢＵＣＨＥＲ.de", "info@bucher.de"),  # full-width letters
        ("post@faß.de", "post@xn--fa-hia.de"),  # IDNA 2008: not fass.de
        ("ivan@пример.рф", "ivan@xn--e1afmkfd.xn--p1ai"),
        ("taro@例え.jp", "taro@xn--r8jz45g.jp"),
        ("a+tag@sub.shop.example", "a+tag@sub.shop.example"),
    ],
)
def test_emails_have_one_spelling(written: str, stored: str) -> None:
    assert normalize_email(written) == stored


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("", "the email address is empty"),
        ("   ", "the email address is empty"),
        ("anna", "'anna' is not an email address"),
        ("@kunde.example", "'@kunde.example' is not an email address"),
        ("anna@", "'anna@' is not an email address"),
        ("anna becker@kunde.example", "it contains spaces"),
        ("anna..becker@kunde.example", "its part before @ is not"),
        ('"anna"@kunde.example', "its part before @ is not"),
        ("anna@kunde", "bad domain"),
        ("anna@-kunde.example", "bad domain"),
        ("anna@xn--zz.de", "is not a domain name"),
        ("an\x00na@kunde.example", "contains control characters"),
        ("a" * 250 + "@kunde.example", "the email address has 264 characters; at most 254"),
    ],
)
def test_what_is_not_an_address_is_refused_with_the_reason(written: str, reason: str) -> None:
    with pytest.raises(CustomerError) as refused:
        normalize_email(written)
    assert reason in str(refused.value)


@pytest.mark.parametrize(
    ("written", "country", "stored"),
    [
        ("+49 30 1234567", "", "+49301234567"),
        ("+49 (0)30 123 45 67", "", "+49301234567"),
        ("030 1234567", "DE", "+49301234567"),
        ("030/1234567", "de", "+49301234567"),
        ("0049 30 1234567", "DE", "+49301234567"),
        ("0049 30 1234567", "", "+49301234567"),  # 00 read as the international prefix
        ("0049 30 1234567", "US", "+49301234567"),  # though the US dial 011
        ("+65 9123 4567", "DE", "+6591234567"),  # a country code wins over the country
        ("(202) 555-0143", "US", "+12025550143"),
    ],
)
def test_phone_numbers_are_stored_in_e164(written: str, country: str, stored: str) -> None:
    assert normalize_phone(written, country=country) == stored


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("49301234567", "+49301234567"),  # WhatsApp's wa_id: no +, always international
        ("6591234567", "+6591234567"),
        ("+49 30 1234567", "+49301234567"),
        ("030 1234567", "+49301234567"),  # a leading 0 is national: read in the country
    ],
)
def test_whatsapp_ids_are_international_numbers(written: str, stored: str) -> None:
    assert normalize_whatsapp(written, country="DE") == stored


@pytest.mark.parametrize(
    ("written", "country", "reason"),
    [
        ("030 1234567", "", "'030 1234567' has no country code, and the customer's country"),
        ("+49 30", "", "'+49 30' is not a valid phone number"),
        ("12", "DE", "'12' is not a valid phone number (read in DE)"),
        ("call me", "DE", "'call me' is not a valid phone number"),
        ("+" + "1" * 80, "", "is too long for a phone number"),
        ("+49 30 12\x0034567", "", "contains control characters"),
    ],
)
def test_invalid_numbers_are_refused_with_the_reason(
    written: str, country: str, reason: str
) -> None:
    with pytest.raises(CustomerError) as refused:
        normalize_phone(written, country=country)
    assert reason in str(refused.value)


def test_shop_and_chat_ids_are_kept_as_written() -> None:
    assert check_identity(IdentityKind.SHOP_CUSTOMER, " gid://shopify/Customer/7 ") == (
        "gid://shopify/Customer/7"
    )
    assert check_identity(IdentityKind.SHOP_CUSTOMER, "AbC-9") == "AbC-9"  # case matters
    assert check_identity(IdentityKind.CHAT_SESSION, "3f2a9c0e" * 4) == "3f2a9c0e" * 4


@pytest.mark.parametrize(
    ("kind", "value", "reason"),
    [
        (IdentityKind.SHOP_CUSTOMER, "", "the shop customer id is empty"),
        (IdentityKind.SHOP_CUSTOMER, "7" * 255, "has 255 characters; at most 254"),
        (IdentityKind.SHOP_CUSTOMER, "7\x007", "contains control characters"),
        (IdentityKind.CHAT_SESSION, "a b", "'a b' is not a chat session id"),
        (IdentityKind.CHAT_SESSION, "<script>", "is not a chat session id"),
        ("telegram", "@anna", "'telegram' is not a kind of identity"),
        (IdentityKind.EMAIL, 42, "the email address must be text"),
    ],
)
def test_bad_ids_are_refused_with_the_reason(kind: str, value: object, reason: str) -> None:
    with pytest.raises(CustomerError) as refused:
        check_identity(kind, value)  # type: ignore[arg-type]
    assert reason in str(refused.value)
