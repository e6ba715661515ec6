"""Orders in the REST API, for shop integrations: pushed by the shop's own order id."""

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja import Status as Reply
from ninja.errors import HttpError
from ninja.pagination import paginate

from aftersail.api.auth import Caller, caller
from aftersail.api.errors import refused
from aftersail.api.models import Scope
from aftersail.api.pagination import Pagination
from aftersail.api.schemas import Input
from aftersail.commerce.actions import LineData, OrderData
from aftersail.commerce.models import Order
from aftersail.core.errors import ActionError
from aftersail.customers.actions import (
    IdentityKind,
    check_email,
    find_or_create_customer,
)
from aftersail.customers.models import Customer
from aftersail.shipping.actions import ShipmentData, do_sync_order_with_shipments
from aftersail.shipping.models import Shipment, ShipmentStatus

router = Router(tags=["orders"])

# The OpenAPI schema names enums by their class name; Order.Status would overwrite the
# conversations' Status there, so the API gets it under a name of its own.
if TYPE_CHECKING:
    OrderStatus = str
else:
    OrderStatus = StrEnum("OrderStatus", {s.name: s.value for s in Order.Status})

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Text = Annotated[str, Field(max_length=200)]


class LineOut(Schema):
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    total: Decimal


class ShipmentOut(Schema):
    carrier: str
    tracking_number: str
    status: str
    is_return: bool
    shipped_at: datetime | None
    delivered_at: datetime | None


class OrderOut(Schema):
    id: UUID = Field(alias="public_id")
    store: str = Field(alias="store.slug")
    customer: UUID = Field(alias="customer.public_id")
    external_id: str
    number: str
    status: str
    payment_status: str
    currency: str
    subtotal: Decimal
    shipping_total: Decimal
    tax_total: Decimal
    total: Decimal
    placed_at: datetime
    ship_to_country: str
    lines: list[LineOut]
    shipments: list[ShipmentOut]

    @staticmethod
    def resolve_lines(obj: Order) -> list[object]:
        return list(obj.lines.all())

    @staticmethod
    def resolve_shipments(obj: Order) -> list[object]:
        return list(obj.shipments.all())


class LineIn(Input):
    sku: str = Field(min_length=1, max_length=64)
    name: Text = Field(min_length=1)
    quantity: int = Field(ge=1, le=100_000)
    unit_price: Money
    category: str = Field("", max_length=80)


class ShipmentIn(Input):
    carrier: str = Field(min_length=1, max_length=40, pattern=r"^[a-z0-9_-]+$")
    tracking_number: str = Field(min_length=1, max_length=64)
    status: ShipmentStatus = ShipmentStatus.NO_INFO
    items: dict[Annotated[str, Field(max_length=64)], Annotated[int, Field(ge=1)]] = Field(
        default_factory=dict, description="sku -> quantity in this parcel"
    )
    shipped_at: datetime | None = None
    is_return: bool = False


class AddressIn(Input):
    name: Text = ""
    line1: Text = ""
    line2: Text = ""
    postcode: str = Field("", max_length=20)
    city: str = Field("", max_length=100)
    region: str = Field("", max_length=100)
    country: str = Field("", pattern=r"^([A-Za-z]{2})?$")


class CustomerRef(Input):
    email: str = Field(max_length=254)
    name: Text = ""


class OrderIn(Input):
    number: str = Field(min_length=1, max_length=40)
    customer: CustomerRef | UUID = Field(
        description="The customer's id, or an email (and name) to find or create them"
    )
    placed_at: datetime
    currency: str = Field(pattern=r"^[A-Za-z]{3}$")
    status: OrderStatus = Order.Status.OPEN.value
    payment_status: Order.PaymentStatus = Order.PaymentStatus.PAID
    shipping_total: Money = Decimal("0")
    tax_total: Money = Decimal("0")
    ship_to: AddressIn | None = None
    lines: list[LineIn] = Field(default_factory=list, max_length=500)
    shipments: list[ShipmentIn] = Field(default_factory=list, max_length=50)
    store: str | None = Field(None, max_length=60, description="Store slug (agents only)")


class OrderFilters(Input):
    number: str | None = Field(None, max_length=40)
    customer: UUID | None = None


def _orders(who: Caller) -> QuerySet[Order]:
    return (
        who.orders()
        .select_related("store", "customer")
        .prefetch_related("lines", Prefetch("shipments", queryset=Shipment.objects.all()))
    )


def _caller(request: HttpRequest, scope: str) -> Caller:
    who = caller(request)
    who.require(scope)
    return who


@router.get("", response=list[OrderOut], summary="Orders the caller may see")
@paginate(Pagination)
def list_orders(request: HttpRequest, filters: Query[OrderFilters]) -> QuerySet[Order]:
    orders = _orders(_caller(request, Scope.ORDERS_READ))
    if filters.number:
        orders = orders.filter(number=filters.number)
    if filters.customer:
        orders = orders.filter(customer__public_id=filters.customer)
    return orders


@router.get("/{external_id}", response=OrderOut, summary="One order, by the shop's id")
def get_order(request: HttpRequest, external_id: str, store: str | None = None) -> Order:
    orders = _orders(_caller(request, Scope.ORDERS_READ)).filter(external_id=external_id)
    if store:
        orders = orders.filter(store__slug=store)
    return get_object_or_404(orders[:1])


@router.put(
    "/{external_id}",
    response={200: OrderOut, 201: OrderOut},
    summary="Create or update an order by the shop's id",
)
def put_order(request: HttpRequest, external_id: str, data: OrderIn) -> Reply:
    """Idempotent: sending the same order again updates it in place (201 the first time,
    200 after). Lines are replaced by those sent; shipments are matched by carrier and
    tracking number."""
    who = _caller(request, Scope.ORDERS_WRITE)
    who.require_store_wide("push orders")
    if not external_id.strip() or len(external_id) > 100 or "\x00" in external_id:
        raise HttpError(422, "The order id must have 1 to 100 characters")
    stores = who.stores()
    store = stores.filter(slug=data.store).first() if data.store else None
    if store is None:
        if who.key is None:
            raise HttpError(422, "Name the order's store (its slug) in 'store'")
        store = stores.first()
    if store is None:
        raise HttpError(422, "No such store")
    try:
        # One transaction: a refused order leaves no new customer behind.
        with transaction.atomic():
            if isinstance(data.customer, UUID):
                customer = get_object_or_404(Customer, public_id=data.customer, store=store)
            else:
                address = check_email(data.customer.email)
                customer, _created = find_or_create_customer(
                    store, IdentityKind.EMAIL, address, name=data.customer.name or address
                )
            order, created = do_sync_order_with_shipments(
                store=store,
                customer=customer,
                data=_order_data(external_id, data),
                shipments=_shipments(data),
            )
    except ActionError as exc:
        raise refused(exc) from exc
    return Reply(201 if created else 200, _orders(who).get(id=order.id))


def _order_data(external_id: str, data: OrderIn) -> OrderData:
    return OrderData(
        external_id=external_id,
        number=data.number,
        placed_at=data.placed_at,
        currency=data.currency,
        status=data.status,
        payment_status=data.payment_status,
        shipping_total=data.shipping_total,
        tax_total=data.tax_total,
        ship_to=data.ship_to.dict() if data.ship_to else {},
        lines=[LineData(**line.dict()) for line in data.lines],
    )


def _shipments(data: OrderIn) -> list[ShipmentData]:
    return [
        ShipmentData(
            carrier=s.carrier,
            tracking_number=s.tracking_number,
            status=s.status,
            skus=s.items,
            shipped_at=s.shipped_at,
            is_return=s.is_return,
        )
        for s in data.shipments
    ]
