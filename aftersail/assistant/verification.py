"""How the assistant knows an order is the customer's: its number and an email address of
the order's customer (as the customer typed it, Unicode domain or not)."""

from __future__ import annotations

from aftersail.commerce.models import Order, Store
from aftersail.customers.models import CustomerIdentity
from aftersail.customers.selectors import stored_email


def verified_order(store: Store, order_number: str, email: str) -> Order | None:
    """The store's order with this number whose customer owns this email address."""
    address = stored_email(email) or email.strip().lower()
    customers = CustomerIdentity.objects.filter(
        store=store, kind=CustomerIdentity.Kind.EMAIL, value=address
    ).values("customer_id")
    return (
        Order.objects.filter(
            store=store, number__iexact=order_number.strip().lstrip("#"), customer__in=customers
        )
        .prefetch_related("shipments")
        .first()
    )
