"""Creating and changing customers."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from aftersail.commerce.models import Store
from aftersail.customers.errors import CustomerError
from aftersail.customers.identities import normalize_email
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.customers.names import given_name_of

EDITABLE = ("name", "given_name", "language", "country", "time_zone")


@dataclass
class CustomerFields:
    name: str
    given_name: str = ""
    language: str = ""
    country: str = ""
    time_zone: str = ""


def check_email(email: str) -> str:
    """The stored spelling of ``email`` (see ``customers.identities``); refuses what is not
    an address."""
    return normalize_email(email)


def _normalize(values: dict[str, Any]) -> dict[str, Any]:
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if values.get("language"):
        values["language"] = values["language"].lower()
    if values.get("country"):
        values["country"] = values["country"].upper()
    return values


def _validate(customer: Customer) -> None:
    try:
        customer.full_clean(exclude=["store", "user"], validate_unique=False)
    except ValidationError as exc:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        raise CustomerError(problems) from exc


@transaction.atomic
def do_create_customer(*, store: Store, fields: CustomerFields, email: str = "") -> Customer:
    values = _normalize(asdict(fields))
    if not values["given_name"]:
        values["given_name"] = given_name_of(values["name"])
    customer = Customer(store=store, **values)
    _validate(customer)
    address = check_email(email) if email else ""
    if (
        address
        and CustomerIdentity.objects.filter(
            store=store, kind=CustomerIdentity.Kind.EMAIL, value=address
        ).exists()
    ):
        raise CustomerError(f"a customer with the email {address} exists already")
    customer.save()
    if address:
        try:
            with transaction.atomic():
                CustomerIdentity.objects.create(
                    store=store,
                    customer=customer,
                    kind=CustomerIdentity.Kind.EMAIL,
                    value=address,
                    is_primary=True,
                )
        except IntegrityError as exc:  # a concurrent create with the same address
            raise CustomerError(f"a customer with the email {address} exists already") from exc
    return customer


@transaction.atomic
def do_update_customer(customer: Customer, changes: dict[str, Any]) -> None:
    changes = _normalize({k: v for k, v in changes.items() if k in EDITABLE and v is not None})
    for name, value in changes.items():
        setattr(customer, name, value)
    _validate(customer)
    if changes:
        customer.save(update_fields=[*changes, "updated_at"])
