"""Loads the demo store: a German outdoor shop selling to fifteen countries.

Deterministic for a given seed and clock: the same call yields the same customers, orders
and conversations, placed relative to ``now`` so that the desk looks current.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from aftersail.accounts.models import Agent, Team, User
from aftersail.commerce.models import Product, Store
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.demo import catalog, staff
from aftersail.demo.articles import load_demo_articles
from aftersail.demo.assistant import build_assistant_settings
from aftersail.demo.chat import load_demo_chat
from aftersail.demo.context import DemoContext
from aftersail.demo.conversations import build_conversations
from aftersail.demo.mail import build_mail
from aftersail.demo.orders import build_orders
from aftersail.demo.people import EMAIL_DOMAINS, MARKETS, Market
from aftersail.demo.returns import build_returns
from aftersail.demo.sla import build_sla_demo
from aftersail.demo.tracking import build_tracking
from aftersail.demo.workspace import build_workspace
from aftersail.search.actions import rebuild_index
from aftersail.webhooks.models import WebhookEndpoint, WebhookEvent

DEMO_SEED = 20261122


@dataclass
class DemoSummary:
    created: bool
    store: Store
    logins: list[tuple[str, str]]  # (email, role)
    customers: int = 0
    orders: int = 0
    conversations: int = 0
    messages: int = 0


def demo_loaded() -> bool:
    return Store.objects.filter(slug=catalog.STORE["slug"]).exists()


def demo_logins() -> list[tuple[str, str]]:
    return [(email, role) for email, _name, role, *_rest in staff.AGENTS]


def load_demo(*, seed: int = DEMO_SEED, now: datetime | None = None) -> DemoSummary:
    """Creates the demo store unless it exists; never duplicates it."""
    if demo_loaded():
        return DemoSummary(False, Store.objects.get(slug=catalog.STORE["slug"]), demo_logins())
    ctx = DemoContext(seed, (now or timezone.now()).replace(second=0, microsecond=0))
    with transaction.atomic():
        _build_store(ctx)
        _build_staff(ctx)
        _build_customers(ctx)
        orders = build_orders(ctx)
        conversations, messages = build_conversations(ctx, orders)
        build_tracking(ctx.store, ctx.now, seed)
        build_assistant_settings(ctx.store)
        load_demo_articles(ctx.store)
        load_demo_chat(ctx.store, ctx.teams.get("Europe"))
        build_workspace(ctx)
        build_returns(ctx, orders)
        build_mail(ctx)
        build_sla_demo(ctx)
        _build_integrations(ctx)
    return DemoSummary(
        True, ctx.store, demo_logins(), len(ctx.customers), len(orders), conversations, messages
    )


def _build_integrations(ctx: DemoContext) -> None:
    """The search index (the builders above insert in bulk, which sends no signals) and a
    webhook endpoint to show, switched off: the demo has no receiver."""
    rebuild_index()
    WebhookEndpoint.objects.create(
        public_id=ctx.uuid(),
        store=ctx.store,
        url="https://erp.nordlicht-outdoor.example/hooks/aftersail",
        secret=f"whsec_demo_{ctx.uuid().hex}",
        events=list(WebhookEvent.values),
        is_active=False,
        description="ERP ticket sync (switch on once the ERP receives)",
    )


def _build_store(ctx: DemoContext) -> None:
    ctx.store = Store.objects.create(
        public_id=ctx.uuid(), created_at=ctx.ago(days=400), **catalog.STORE
    )
    ctx.products = Product.objects.bulk_create(
        Product(
            public_id=ctx.uuid(),
            store=ctx.store,
            sku=sku,
            name=name,
            category=category,
            price=Decimal(price),
            created_at=ctx.ago(days=390),
        )
        for sku, name, category, price in catalog.PRODUCTS
    )


def _build_staff(ctx: DemoContext) -> None:
    for name, kind, zone, languages, _markets in staff.TEAMS:
        ctx.teams[name] = Team.objects.create(
            public_id=ctx.uuid(), name=name, kind=kind, time_zone=zone, languages=list(languages)
        )
    for email, full_name, role, team, languages, zone, ja_name in staff.AGENTS:
        is_admin = role == Agent.Role.ADMIN
        user = User.objects.create_user(
            email,
            staff.DEMO_PASSWORD,
            full_name=full_name,
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        agent = Agent.objects.create(
            public_id=ctx.uuid(),
            user=user,
            role=role,
            languages=list(languages),
            time_zone=zone,
        )
        agent.teams.add(ctx.teams[team])
        ctx.agent_teams[agent.id] = {ctx.teams[team].id}
        ctx.agents.append(agent)
        ctx.signature_names[agent.id] = {"ja": ja_name} if ja_name else {}


def _person(ctx: DemoContext, market: Market) -> tuple[str, str, str]:
    """(full name, how to address them, email local part)."""
    index = ctx.rng.randrange(len(market.given_names))
    given = market.given_names[index]
    family = ctx.rng.choice(market.family_names)
    if "|" in family:  # Polish surnames agree with gender
        male, female = family.split("|")
        family = female if index < market.split else male
    if market.family_first:
        return f"{family} {given}", family, ""
    local = f"{given}.{family}".lower().replace(" ", "")
    return f"{given} {family}", given, local


def _ascii_local_part(text: str, ctx: DemoContext) -> str:
    """An email local part from a name: accents dropped (Łukasz -> lukasz)."""
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    decomposed = unicodedata.normalize("NFKD", text)
    cleaned = "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch == "."))
    return cleaned.strip(".") or f"customer{ctx.rng.randrange(1000, 9999)}"


def _build_customers(ctx: DemoContext) -> None:
    customers: list[Customer] = []
    markets: list[Market] = []
    emails: list[str] = []
    seen: set[str] = set()
    for market in MARKETS:
        for _ in range(market.customers):
            name, address_name, local = _person(ctx, market)
            city = ctx.rng.choice(market.cities)
            local = _ascii_local_part(local, ctx)
            email = f"{local}@{ctx.rng.choice(EMAIL_DOMAINS)}"
            while email in seen:
                email = f"{local}{ctx.rng.randrange(2, 99)}@{ctx.rng.choice(EMAIL_DOMAINS)}"
            seen.add(email)
            # About one in eight customers has no known zone yet, as on a real desk.
            zone = city[3] if ctx.rng.random() > 0.12 else ""
            customers.append(
                Customer(
                    public_id=ctx.uuid(),
                    store=ctx.store,
                    name=name,
                    given_name=address_name,
                    language=market.language,
                    country=market.country,
                    time_zone=zone,
                    notifications_opt_in=ctx.rng.random() > 0.05,
                    marketing_opt_in=ctx.rng.random() < 0.35,
                    created_at=ctx.ago(days=ctx.rng.uniform(280, 380)),
                )
            )
            markets.append(market)
            emails.append(email)
    created = Customer.objects.bulk_create(customers)
    CustomerIdentity.objects.bulk_create(
        CustomerIdentity(
            public_id=ctx.uuid(),
            store=ctx.store,
            customer=customer,
            kind=CustomerIdentity.Kind.EMAIL,
            value=email,
            is_primary=True,
            created_at=customer.created_at,
        )
        for customer, email in zip(created, emails, strict=True)
    )
    ctx.customers = list(zip(created, markets, strict=True))
