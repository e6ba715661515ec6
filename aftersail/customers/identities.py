"""The one spelling of each kind of identity, so that a customer is found again whichever
channel or connector they come back through.

Every value is normalized before it is stored or looked up; a value that is not what its kind
says is refused with a :class:`CustomerError` naming the reason, never truncated (a cut
address would be somebody else's).

Email addresses are stored as ``local-part@a-label-domain``: the local part lower-cased (as
every large provider treats it) in NFC, the domain in its ASCII form (IDNA 2008 with the
UTS #46 mapping, so ``Bücher.DE``, ``ＢÜＣＨＥＲ.de`` and ``xn--bcher-kva.de`` are one domain).
The ASCII form was chosen over the Unicode one because it is what DNS, SMTP and delivery
reports (bounces) use, so the stored value is the address mail goes to and bounces come
back for; and because Django's mail sending converts Unicode domains with Python's older
IDNA 2003 codec, which turns ``faß.de`` into the different domain ``fass.de``, whereas an
ASCII domain is sent as it is. The limit of 254 characters is RFC 5321's, which counts that
ASCII form.

Phone and WhatsApp numbers are stored in E.164 (``+4930123456``). A number written without
its country code is read in the country given (the customer's, else the store's).
"""

from __future__ import annotations

import re
import unicodedata

import idna
import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from aftersail.customers.errors import CustomerError
from aftersail.customers.models import CustomerIdentity

Kind = CustomerIdentity.Kind
VALUE_LENGTH: int = CustomerIdentity._meta.get_field("value").max_length or 254

# Kinds that are ways to write to the customer; the others only recognize them again.
CONTACT_KINDS = frozenset({Kind.EMAIL, Kind.PHONE, Kind.WHATSAPP, Kind.MESSENGER, Kind.INSTAGRAM})

# RFC 5322 atext, plus any non-ASCII character (RFC 6531 allows UTF-8 in the local part).
_ATOM = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\u0080-\U0010ffff]+$")
# Widget session ids: a UUID in hex today; any visible ASCII word without spaces is accepted.
_SESSION_ID = re.compile(r"^[A-Za-z0-9._:\-]+$")
# How refusals name the opaque ids of other systems.
_REFERENCE_NOUNS = {
    Kind.SHOP_CUSTOMER: "shop customer id",
    Kind.MESSENGER: "Messenger id",
    Kind.INSTAGRAM: "Instagram id",
}
# Longer than any number plan allows even with spaces and an extension; refused unparsed.
_PHONE_INPUT_LENGTH = 64


def _printable(kind: str, value: object) -> str:
    if not isinstance(value, str):
        raise CustomerError(f"the {kind} must be text")
    text = value.strip()
    if not text:
        raise CustomerError(f"the {kind} is empty")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in text):
        raise CustomerError(f"the {kind} {text[:80]!r} contains control characters")
    return text


def _fits(kind: str, value: str) -> str:
    if len(value) > VALUE_LENGTH:
        raise CustomerError(
            f"the {kind} has {len(value)} characters; at most {VALUE_LENGTH} are possible"
        )
    return value


def normalize_email(value: object) -> str:
    """``Jörg@Bücher.DE`` -> ``jörg@xn--bcher-kva.de``; see the module's docstring."""
    text = _printable("email address", value)
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        raise CustomerError(f"{text[:80]!r} is not an email address")
    if any(char.isspace() for char in text):
        raise CustomerError(f"{text[:80]!r} is not an email address: it contains spaces")
    # No limit of 64 on the local part: forwarding schemes (SRS, VERP) write longer ones and
    # servers accept them; the whole address must still fit in 254.
    local = unicodedata.normalize("NFC", local).lower()
    if any(not _ATOM.match(atom) for atom in local.split(".")):
        raise CustomerError(f"{text[:80]!r} is not an email address: its part before @ is not")
    domain = domain.rstrip(".")
    if domain.isascii() and "xn--" not in domain.lower():
        domain = domain.lower()
    else:
        try:
            domain = idna.encode(domain, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise CustomerError(f"{domain[:80]!r} is not a domain name: {exc}") from exc
    address = _fits("email address", f"{local}@{domain}")
    try:
        # The local part is checked above (Django's check knows only ASCII); the domain's
        # rules (labels, top-level domain, address literals) are Django's.
        validate_email(f"x@{domain}")
    except ValidationError as exc:
        raise CustomerError(f"{text[:80]!r} is not an email address: bad domain") from exc
    return address


def normalize_phone(value: object, *, country: str = "") -> str:
    """E.164. ``030 1234567`` needs ``country`` (``DE``); ``+49 30 1234567`` and
    ``0049 30 1234567`` do not (00 is the international prefix of most countries)."""
    text = _printable("phone number", value)
    if len(text) > _PHONE_INPUT_LENGTH:
        raise CustomerError(f"{text[:80]!r}… is too long for a phone number")
    region = country.strip().upper() or None
    candidates = [text]
    if text.startswith("00"):
        candidates.append("+" + text[2:])
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not text.startswith(("+", "00")) and region is None:
        raise CustomerError(
            f"{text!r} has no country code, and the customer's country is not known"
        )
    where = f" (read in {region})" if region and not text.startswith(("+", "00")) else ""
    raise CustomerError(f"{text!r} is not a valid phone number{where}")


def normalize_whatsapp(value: object, *, country: str = "") -> str:
    """E.164. WhatsApp's own ids (``wa_id``) are the international number without its
    ``+``: digits only, never starting with 0, so they are read as international."""
    text = _printable("WhatsApp number", value)
    if text.isdigit() and not text.startswith("0") and text.isascii():
        text = "+" + text
    return normalize_phone(text, country=country)


def normalize_reference(noun: str, value: object) -> str:
    """An id another system gave the customer (a shop platform's customer id, a Messenger
    or Instagram user id): kept as written, case included, since such ids are opaque; the
    store scopes it, as every identity is unique per store."""
    return _fits(noun, _printable(noun, value))


def normalize_chat_session(value: object) -> str:
    text = _fits("chat session id", _printable("chat session id", value))
    if not _SESSION_ID.match(text):
        raise CustomerError(f"{text[:80]!r} is not a chat session id")
    return text


def normalize_identity(kind: str, value: object, *, country: str = "") -> str:
    """The stored spelling of ``value`` as an identity of ``kind``; ``country`` reads phone
    numbers written without their country code."""
    if kind == Kind.EMAIL:
        return normalize_email(value)
    if kind == Kind.PHONE:
        return normalize_phone(value, country=country)
    if kind == Kind.WHATSAPP:
        return normalize_whatsapp(value, country=country)
    if kind == Kind.CHAT_SESSION:
        return normalize_chat_session(value)
    if kind in _REFERENCE_NOUNS:
        return normalize_reference(_REFERENCE_NOUNS[Kind(kind)], value)
    raise CustomerError(f"{kind!r} is not a kind of identity")
