"""Finding a customer by one of their identities, creating them when nobody has it yet: the
one way every channel (mail, contact form, chat, WhatsApp) and connector (shop platforms,
the orders API) turns "someone wrote from X" into a customer record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from aftersail.commerce.models import Store
from aftersail.core.fields import (
    validate_country_code,
    validate_language_code,
    validate_time_zone,
)
from aftersail.customers.identities import CONTACT_KINDS, normalize_identity
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.customers.names import fit_name, given_name_of


@dataclass(frozen=True)
class ProfileHints:
    """What a channel knows about a new customer. Hints, not requirements: one that is not
    valid (a browser's made-up language, an unknown zone) is left blank rather than refusing
    the customer, whose message matters more."""

    name: str = ""
    language: str = ""
    country: str = ""
    time_zone: str = ""

    def fields(self) -> dict[str, str]:
        name = fit_name(self.name)
        return {
            "name": name,
            "given_name": given_name_of(name),
            "language": _valid(validate_language_code, self.language.strip().lower()),
            "country": _valid(validate_country_code, self.country.strip().upper()),
            "time_zone": _valid(validate_time_zone, self.time_zone.strip()),
        }


def _valid(validator: Callable[[str], None], value: str) -> str:
    if not value:
        return ""
    try:
        validator(value)
    except ValidationError:
        return ""
    return value


def find_identity(store: Store, kind: str, value: str) -> CustomerIdentity | None:
    """The identity with this already normalized ``value``, with its customer."""
    return (
        CustomerIdentity.objects.select_related("customer")
        .filter(store=store, kind=kind, value=value)
        .first()
    )


def find_customer(store: Store, kind: str, value: str, *, country: str = "") -> Customer | None:
    """The customer of ``store`` known by ``value``; None when nobody is. Raises
    :class:`CustomerError` when ``value`` is not an identity of ``kind``."""
    normalized = normalize_identity(kind, value, country=country or store.country)
    identity = find_identity(store, kind, normalized)
    return identity.customer if identity is not None else None


def find_or_create_customer(
    store: Store,
    kind: str,
    value: str,
    *,
    name: str = "",
    language: str = "",
    country: str = "",
    time_zone: str = "",
) -> tuple[Customer, bool]:
    """The customer of ``store`` known by ``value`` (an identity of ``kind``), and whether
    they were created now.

    A new customer gets the profile hints (see :class:`ProfileHints`) and ``value`` as their
    identity, primary when it is an address to write to. An existing customer is returned as
    they are: what a channel guesses never overwrites what the desk knows. Phone numbers
    without a country code are read in ``country``, else the store's.

    Safe against a concurrent create of the same identity (two mails of a new sender
    processed at once): the unique constraint on (store, kind, value) makes one insert fail,
    and that caller gets the customer the other one created.
    """
    hints = ProfileHints(name=name, language=language, country=country, time_zone=time_zone)
    fields = hints.fields()
    normalized = normalize_identity(kind, value, country=fields["country"] or store.country)
    identity = find_identity(store, kind, normalized)
    if identity is not None:
        return identity.customer, False
    try:
        # A savepoint: a failed insert must not break the caller's transaction.
        with transaction.atomic():
            customer = Customer.objects.create(store=store, **fields)
            CustomerIdentity.objects.create(
                store=store,
                customer=customer,
                kind=kind,
                value=normalized,
                is_primary=kind in CONTACT_KINDS,
            )
    except IntegrityError:
        identity = find_identity(store, kind, normalized)
        if identity is None:  # not the race on the identity: a real error
            raise
        return identity.customer, False
    return customer, True


def do_add_identity(
    customer: Customer, kind: str, value: str, *, primary: bool | None = None
) -> tuple[CustomerIdentity, bool]:
    """Gives ``customer`` another identity (a chat visitor leaves an email address); returns
    the identity and whether it was added now.

    When someone in the store has the identity already, that identity is returned unchanged,
    even when it is another customer's: two records of one person are joined by merging
    them (``merge_records``), which an agent decides, never by moving an identity here.
    ``primary`` defaults to: an address to write to, when the customer has no primary one;
    a new primary identity takes the place of the old one.
    """
    store = customer.store
    normalized = normalize_identity(kind, value, country=customer.country or store.country)
    identity = find_identity(store, kind, normalized)
    if identity is not None:
        return identity, False
    if primary is None:
        primary = kind in CONTACT_KINDS and not customer.identities.filter(is_primary=True).exists()
    try:
        with transaction.atomic():
            if primary:  # one primary identity per customer
                customer.identities.filter(is_primary=True).update(is_primary=False)
            identity = CustomerIdentity.objects.create(
                store=store, customer=customer, kind=kind, value=normalized, is_primary=primary
            )
    except IntegrityError:
        identity = find_identity(store, kind, normalized)
        if identity is None:
            raise
        return identity, False
    return identity, True


def check_identity(kind: str, value: str, *, country: str = "") -> str:
    """The stored spelling of ``value``; raises :class:`CustomerError` with the reason when
    it is not an identity of ``kind``."""
    return normalize_identity(kind, value, country=country)
