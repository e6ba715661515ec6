"""Plain functions that build valid objects for tests; every argument has a sensible default."""

from __future__ import annotations

import itertools
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent, Team, User
from aftersail.commerce.models import Order, OrderLine, Product, Store
from aftersail.conversations.actions import NewMessage, do_add_message, do_open_conversation
from aftersail.conversations.models import Conversation, Message
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.shipping.models import Shipment

PASSWORD = "correct horse battery staple"
_numbers = itertools.count(1000)


def make_store(**fields: Any) -> Store:
    n = next(_numbers)
    defaults = {
        "name": f"Store {n}",
        "slug": f"store-{n}",
        "default_language": "en",
        "currency": "EUR",
        "country": "DE",
        "time_zone": "Europe/Berlin",
        "sender_name": "Store care",
        "sender_email": f"care{n}@store.example",
    }
    return Store.objects.create(**{**defaults, **fields})


def make_team(
    name: str,
    *,
    kind: str = Team.Kind.IN_HOUSE,
    time_zone: str = "Europe/Berlin",
    languages: tuple[str, ...] = ("en",),
) -> Team:
    return Team.objects.create(name=name, kind=kind, time_zone=time_zone, languages=list(languages))


def make_user(email: str, **fields: Any) -> User:
    return User.objects.create_user(email, PASSWORD, **fields)


def make_agent(
    email: str,
    *,
    role: str = Agent.Role.AGENT,
    teams: tuple[Team, ...] = (),
    languages: tuple[str, ...] = ("en",),
    time_zone: str = "UTC",
    full_name: str = "",
) -> Agent:
    user = make_user(
        email,
        full_name=full_name or email.split("@")[0].title(),
        is_staff=role == Agent.Role.ADMIN,
        is_superuser=role == Agent.Role.ADMIN,
    )
    agent = Agent.objects.create(
        user=user, role=role, languages=list(languages), time_zone=time_zone
    )
    agent.teams.set(teams)
    return agent


def make_customer(
    store: Store,
    *,
    name: str = "",
    email: str = "",
    language: str = "en",
    country: str = "DE",
    time_zone: str = "Europe/Berlin",
    **fields: Any,
) -> Customer:
    n = next(_numbers)
    customer = Customer.objects.create(
        store=store,
        name=name or f"Customer {n}",
        given_name=(name or f"Customer {n}").split()[0],
        language=language,
        country=country,
        time_zone=time_zone,
        **fields,
    )
    CustomerIdentity.objects.create(
        store=store,
        customer=customer,
        kind=CustomerIdentity.Kind.EMAIL,
        value=(email or f"customer{n}@mail.example").lower(),
        is_primary=True,
    )
    return customer


def make_order(
    customer: Customer,
    *,
    number: str = "",
    lines: tuple[tuple[str, int, str], ...] = (("SKU-1", 1, "49.00"),),
    placed_at: datetime | None = None,
    **fields: Any,
) -> Order:
    store = customer.store
    order = Order.objects.create(
        store=store,
        customer=customer,
        number=number or f"T{next(_numbers)}",
        currency=store.currency,
        placed_at=placed_at or timezone.now(),
        ship_to_country=customer.country or store.country,
        ship_to_name=customer.name,
        **fields,
    )
    total = Decimal("0")
    for sku, quantity, price in lines:
        product, _ = Product.objects.get_or_create(
            store=store, sku=sku, defaults={"name": f"Product {sku}", "price": Decimal(price)}
        )
        line_total = Decimal(price) * quantity
        total += line_total
        OrderLine.objects.create(
            order=order,
            product=product,
            sku=sku,
            name=product.name,
            quantity=quantity,
            unit_price=Decimal(price),
            total=line_total,
        )
    order.subtotal = order.total = total
    order.save(update_fields=["subtotal", "total"])
    return order


def make_shipment(
    order: Order,
    *,
    carrier: str = "dhl",
    tracking_number: str = "",
    status: str = "in_transit",
    **fields: Any,
) -> Shipment:
    return Shipment.objects.create(
        order=order,
        carrier=carrier,
        tracking_number=tracking_number or f"TRK{next(_numbers)}",
        status=status,
        origin_country=order.store.country,
        destination_country=order.ship_to_country,
        **fields,
    )


def make_conversation(
    customer: Customer,
    *,
    team: Team | None = None,
    channel: str = "email",
    subject: str = "Where is my parcel?",
    text: str = "Hello, where is it?",
    order: Order | None = None,
    assignee: Agent | None = None,
    language: str = "",
) -> Conversation:
    conversation = do_open_conversation(
        store=customer.store,
        customer=customer,
        channel=channel,
        actor=Actor.customer(),
        subject=subject,
        language=language,
        order=order,
        team=team,
    )
    do_add_message(
        conversation,
        NewMessage(kind=Message.Kind.INBOUND, author_kind=Message.AuthorKind.CUSTOMER, text=text),
    )
    if assignee is not None:
        conversation.assignee = assignee
        conversation.save(update_fields=["assignee"])
    return conversation
