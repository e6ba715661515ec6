"""Customers in the REST API."""

from datetime import datetime
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from aftersail.api.auth import Caller, caller
from aftersail.api.errors import refused
from aftersail.api.models import Scope
from aftersail.api.pagination import Pagination
from aftersail.api.schemas import Input
from aftersail.conversations.actions import do_change_customer
from aftersail.core.errors import ActionError
from aftersail.customers.actions import (
    CustomerError,
    CustomerFields,
    IdentityKind,
    check_identity,
    do_create_customer,
)
from aftersail.customers.models import Customer, CustomerIdentity

router = Router(tags=["customers"])

LANGUAGE = r"^([a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?)?$"
COUNTRY = r"^([A-Za-z]{2})?$"


class IdentityOut(Schema):
    kind: str
    value: str
    is_primary: bool


class CustomerOut(Schema):
    id: UUID = Field(alias="public_id")
    store: str = Field(alias="store.slug")
    name: str
    given_name: str
    email: str | None
    language: str
    country: str
    time_zone: str
    identities: list[IdentityOut]
    created_at: datetime

    @staticmethod
    def resolve_email(obj: Customer) -> str | None:
        emails = [i.value for i in obj.identities.all() if i.kind == CustomerIdentity.Kind.EMAIL]
        return emails[0] if emails else None

    @staticmethod
    def resolve_identities(obj: Customer) -> list[CustomerIdentity]:
        return list(obj.identities.all())


class CustomerFilters(Input):
    email: str | None = Field(None, max_length=254)
    country: str | None = Field(None, pattern=COUNTRY)
    language: str | None = Field(None, pattern=LANGUAGE)


class CustomerIn(Input):
    name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(None, max_length=254, description="Primary email address")
    given_name: str = Field("", max_length=100)
    language: str = Field("", pattern=LANGUAGE)
    country: str = Field("", pattern=COUNTRY)
    time_zone: str = Field("", max_length=64)
    store: str | None = Field(
        None, max_length=60, description="Store slug; API keys use their own store"
    )


class CustomerPatch(Input):
    name: str | None = Field(None, min_length=1, max_length=200)
    given_name: str | None = Field(None, max_length=100)
    language: str | None = Field(None, pattern=LANGUAGE)
    country: str | None = Field(None, pattern=COUNTRY)
    time_zone: str | None = Field(None, max_length=64)


def _customers(who: Caller) -> QuerySet[Customer]:
    return (
        who.customers()
        .select_related("store")
        .prefetch_related(Prefetch("identities", queryset=CustomerIdentity.objects.all()))
    )


def _caller(request: HttpRequest, scope: str) -> Caller:
    who = caller(request)
    who.require(scope)
    return who


@router.get("", response=list[CustomerOut], summary="Customers the caller may see")
@paginate(Pagination)
def list_customers(request: HttpRequest, filters: Query[CustomerFilters]) -> QuerySet[Customer]:
    customers = _customers(_caller(request, Scope.CUSTOMERS_READ))
    if filters.email:
        try:  # the stored spelling, so Unicode and ASCII domains find the same customer
            address = check_identity(IdentityKind.EMAIL, filters.email)
        except CustomerError:
            return customers.none()
        customers = customers.filter(
            identities__kind=CustomerIdentity.Kind.EMAIL, identities__value=address
        )
    if filters.country:
        customers = customers.filter(country=filters.country.upper())
    if filters.language:
        customers = customers.filter(language=filters.language.lower())
    return customers.order_by("name", "id")


@router.get("/{customer_id}", response=CustomerOut, summary="One customer")
def get_customer(request: HttpRequest, customer_id: UUID) -> Customer:
    return get_object_or_404(
        _customers(_caller(request, Scope.CUSTOMERS_READ)), public_id=customer_id
    )


@router.post("", response={201: CustomerOut}, summary="Create a customer")
def create_customer(request: HttpRequest, data: CustomerIn) -> Status:
    who = _caller(request, Scope.CUSTOMERS_WRITE)
    who.require_store_wide("create customers")
    stores = who.stores()
    store = stores.filter(slug=data.store).first() if data.store else None
    if store is None:
        if who.key is None:
            raise HttpError(422, "Name the customer's store (its slug) in 'store'")
        store = stores.first()
    try:
        customer = do_create_customer(
            store=store,  # type: ignore[arg-type]
            email=data.email or "",
            fields=CustomerFields(**data.dict(exclude={"email", "store"})),
        )
    except CustomerError as exc:
        raise HttpError(422, str(exc)) from exc
    return Status(201, _customers(who).get(id=customer.id))


@router.patch("/{customer_id}", response=CustomerOut, summary="Change a customer's profile")
def update_customer(request: HttpRequest, customer_id: UUID, data: CustomerPatch) -> Customer:
    who = _caller(request, Scope.CUSTOMERS_WRITE)
    customer = get_object_or_404(_customers(who), public_id=customer_id)
    try:
        do_change_customer(customer, data.dict(exclude_unset=True), who.actor)
    except ActionError as exc:
        raise refused(exc) from exc
    return _customers(who).get(id=customer.id)
