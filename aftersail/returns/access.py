"""Who may see which order or return: the customer (by login, or after proving order number
and email in this session) and agents who can see one of the customer's conversations
(the one visibility rule, from ``conversations.selectors``)."""

from __future__ import annotations

from django.core import signing
from django.db.models import QuerySet
from django.http import HttpRequest

from aftersail.accounts.access import agent_of
from aftersail.accounts.models import Agent
from aftersail.commerce.models import Order, Store
from aftersail.conversations.selectors import visible_customers
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.customers.selectors import stored_email
from aftersail.returns.models import ReturnRequest, WarrantyClaim

SESSION_KEY = "returns_orders"
LINK_SALT = "aftersail.returns.order-link"
RETURN_LINK_SALT = "aftersail.returns.return-link"
LINK_MAX_AGE = 60 * 60 * 24 * 60  # links in mails stay valid for 60 days


def order_link_token(order: Order) -> str:
    """A token for a signed link that opens the order's return page without the lookup."""
    return signing.dumps(str(order.public_id), salt=LINK_SALT)


def order_from_token(token: str) -> Order | None:
    try:
        public_id = signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    return Order.objects.filter(public_id=public_id).first()


def return_link_token(rma: ReturnRequest) -> str:
    """A token for a signed link that opens one return's page (and its printable form)
    without the lookup: what the assistant sends in the chat and by mail."""
    return signing.dumps(str(rma.public_id), salt=RETURN_LINK_SALT)


def return_from_token(token: str) -> ReturnRequest | None:
    try:
        public_id = signing.loads(token, salt=RETURN_LINK_SALT, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    return ReturnRequest.objects.select_related("order").filter(public_id=public_id).first()


def find_order(store: Store | None, number: str, email: str) -> Order | None:
    number, email = number.strip().lstrip("#")[:40], email.strip()[:254]
    if "\x00" in number + email:  # PostgreSQL refuses NUL in text; no order has one
        return None
    email = stored_email(email) or email.lower()
    if store is None or not number or not email:
        return None
    owners = CustomerIdentity.objects.filter(
        store=store, kind=CustomerIdentity.Kind.EMAIL, value=email
    ).values("customer")
    return Order.objects.filter(store=store, number=number, customer__in=owners).first()


def remember_order(request: HttpRequest, order: Order) -> None:
    known = [*request.session.get(SESSION_KEY, []), str(order.public_id)]
    request.session[SESSION_KEY] = known[-20:]


def customer_may_see(request: HttpRequest, order: Order) -> bool:
    if str(order.public_id) in request.session.get(SESSION_KEY, []):
        return True
    customer = getattr(request.user, "customer", None) if request.user.is_authenticated else None
    return isinstance(customer, Customer) and customer.id == order.customer_id


def visible_returns(agent: Agent) -> QuerySet[ReturnRequest]:
    return ReturnRequest.objects.filter(customer__in=visible_customers(agent))


def visible_claims(agent: Agent) -> QuerySet[WarrantyClaim]:
    return WarrantyClaim.objects.filter(customer__in=visible_customers(agent))


def is_agent(request: HttpRequest) -> bool:
    return agent_of(request.user) is not None
