"""Bulk data for the workspace benchmark: N conversations with ~5 messages each, their
customers, orders and shipments, written with COPY (PostgreSQL) or executemany (SQLite),
bypassing the ORM's per-object work. Deterministic for a given seed.

Used by ``bench/workspace.py``; needs Django set up.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection, models, transaction

from aftersail.accounts.models import Agent, Team, User
from aftersail.commerce.models import Order, Store
from aftersail.conversations.models import Conversation, ConversationEvent, Message
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.shipping.models import Shipment

BATCH = 20_000
START = datetime(2025, 1, 1, tzinfo=UTC)
COUNTRIES = [
    ("DE", "de", "Europe/Berlin"),
    ("FR", "fr", "Europe/Paris"),
    ("ES", "es", "Europe/Madrid"),
    ("PL", "pl", "Europe/Warsaw"),
    ("JP", "ja", "Asia/Tokyo"),
    ("US", "en", "America/Chicago"),
    ("GB", "en", "Europe/London"),
    ("IT", "it", "Europe/Rome"),
]
FIRST = ["Anna", "Jonas", "Marie", "Lucas", "Zofia", "Yuki", "Carmen", "Oliver", "Emma", "Hiro"]
LAST = ["Becker", "Dubois", "García", "Kowalski", "Tanaka", "Smith", "Rossi", "Müller"]
SUBJECTS = [
    "Where is my order?",
    "Wo ist mein Paket?",
    "Retour de commande",
    "Talla equivocada",
    "Zwrot towaru",
    "注文した商品が届きません",
    "Damaged tent pole",
    "Rechnung fehlt",
    "Remboursement",
    "Cambio de dirección",
    "Warranty claim for jacket",
    "Customs fees",
]
WORDS = [
    "parcel",
    "package",
    "delivery",
    "tracking",
    "refund",
    "return",
    "exchange",
    "size",
    "jacket",
    "tent",
    "sleeping",
    "bag",
    "boots",
    "backpack",
    "zipper",
    "broken",
    "damaged",
    "missing",
    "invoice",
    "customs",
    "duties",
    "address",
    "warehouse",
    "carrier",
    "dhl",
    "ups",
    "inpost",
    "colissimo",
    "correos",
    "yamato",
    "thanks",
    "please",
    "urgent",
    "week",
    "yesterday",
    "Paket",
    "Lieferung",
    "Rücksendung",
    "Größe",
    "Rechnung",
    "Zoll",
    "colis",
    "livraison",
    "remboursement",
    "taille",
    "paquete",
    "envío",
    "devolución",
    "talla",
    "paczka",
    "zwrot",
    "rozmiar",
    "faktura",
]


def _field_values(model: type[models.Model], row: dict[str, Any]) -> list[Any]:
    values = []
    for field in model._meta.concrete_fields:
        value = row[field.attname] if field.attname in row else field.get_default()
        values.append(field.get_db_prep_save(value, connection))
    return values


def _write(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> int:
    table = model._meta.db_table
    columns = [f.column for f in model._meta.concrete_fields]
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            quoted = ", ".join(f'"{c}"' for c in columns)
            raw = cursor.cursor  # psycopg 3
            with raw.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(_field_values(model, row))
                    count += 1
        else:
            marks = ", ".join("%s" for _ in columns)
            sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({marks})'
            for batch in _batched(rows):
                cursor.executemany(sql, [_field_values(model, r) for r in batch])
                count += len(batch)
    return count


def _batched(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _next_id(model: type[models.Model]) -> int:
    last = model.objects.order_by("-id").values_list("id", flat=True).first()
    return (last or 0) + 1


def _fix_sequences(*model_list: type[models.Model]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in model_list:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'(SELECT COALESCE(MAX(id), 1) FROM "{table}"))'
            )


def _people(rng: random.Random) -> tuple[Store, list[Team], list[Agent]]:
    store = Store.objects.create(
        name="Bench Outdoor",
        slug="bench",
        country="DE",
        time_zone="Europe/Berlin",
        sender_name="Bench care",
        sender_email="care@bench.example",
    )
    teams = [
        Team.objects.create(name=f"Bench {name}", time_zone=zone, languages=langs)
        for name, zone, langs in [
            ("Europe", "Europe/Berlin", ["de", "en"]),
            ("Americas", "America/New_York", ["en", "es"]),
            ("Asia", "Asia/Tokyo", ["ja", "en"]),
            ("France", "Europe/Paris", ["fr"]),
        ]
    ]
    agents = []
    for n, team in enumerate(teams * 3):
        user = User.objects.create_user(
            f"agent{n}@bench.example", "bench-password", full_name=f"Agent {n}"
        )
        agent = Agent.objects.create(user=user, role=Agent.Role.AGENT, languages=["en"])
        agent.teams.set([team])
        agents.append(agent)
    admin = User.objects.create_user("admin@bench.example", "bench-password", full_name="Admin")
    agents.append(Agent.objects.create(user=admin, role=Agent.Role.ADMIN, languages=["en"]))
    return store, teams, agents


def generate(conversations: int, messages_per: int = 5, seed: int = 7) -> dict[str, int]:
    """Writes the data set; returns the row count per table."""
    rng = random.Random(seed)
    n_customers = max(conversations // 4, 10)
    with transaction.atomic():
        store, teams, agents = _people(rng)
        c0, o0, cv0, m0 = (_next_id(m) for m in (Customer, Order, Conversation, Message))
        s0, i0 = _next_id(Shipment), _next_id(CustomerIdentity)

        def customers() -> Iterator[dict[str, Any]]:
            for n in range(n_customers):
                country, lang, zone = COUNTRIES[n % len(COUNTRIES)]
                first = FIRST[n % len(FIRST)]
                yield {
                    "id": c0 + n,
                    "public_id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "created_at": START,
                    "updated_at": START,
                    "store_id": store.id,
                    "name": f"{first} {LAST[n % len(LAST)]} {n}",
                    "given_name": first,
                    "language": lang,
                    "country": country,
                    "time_zone": zone,
                }

        def identities() -> Iterator[dict[str, Any]]:
            for n in range(n_customers):
                yield {
                    "id": i0 + n,
                    "public_id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "created_at": START,
                    "updated_at": START,
                    "store_id": store.id,
                    "customer_id": c0 + n,
                    "kind": "email",
                    "value": f"customer{n}@mail.example",
                    "is_primary": True,
                }

        def orders() -> Iterator[dict[str, Any]]:
            for n in range(n_customers):
                yield {
                    "id": o0 + n,
                    "public_id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "created_at": START,
                    "updated_at": START,
                    "store_id": store.id,
                    "customer_id": c0 + n,
                    "number": f"BO-{100000 + n}",
                    "external_id": f"gid-{n}",
                    "currency": "EUR",
                    "total": Decimal("89.90"),
                    "subtotal": Decimal("89.90"),
                    "placed_at": START + timedelta(minutes=n),
                    "status": "shipped",
                    "ship_to_country": COUNTRIES[n % len(COUNTRIES)][0],
                }

        def shipments() -> Iterator[dict[str, Any]]:
            for n in range(n_customers):
                yield {
                    "id": s0 + n,
                    "public_id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "created_at": START,
                    "updated_at": START,
                    "order_id": o0 + n,
                    "carrier": "dhl",
                    "tracking_number": f"JJD{1400000000 + n}",
                    "status": "in_transit",
                    "origin_country": "DE",
                    "destination_country": COUNTRIES[n % len(COUNTRIES)][0],
                }

        def conversation_rows() -> Iterator[dict[str, Any]]:
            for n in range(conversations):
                at = START + timedelta(minutes=3 * n)
                yield {
                    "id": cv0 + n,
                    "public_id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "created_at": at,
                    "updated_at": at,
                    "store_id": store.id,
                    "customer_id": c0 + rng.randrange(n_customers),
                    "channel": "email",
                    "status": rng.choice(["new", "open", "pending", "solved", "closed"]),
                    "priority": "normal",
                    "category": "",
                    "subject": rng.choice(SUBJECTS),
                    "language": "en",
                    "team_id": teams[n % len(teams)].id,
                    "assignee_id": agents[n % (len(agents) - 1)].id if n % 3 else None,
                    "order_id": None,
                    "last_message_at": at + timedelta(hours=messages_per),
                }

        def message_rows() -> Iterator[dict[str, Any]]:
            for n in range(conversations):
                at = START + timedelta(minutes=3 * n)
                for k in range(messages_per):
                    text = " ".join(rng.choices(WORDS, k=rng.randint(8, 40)))
                    yield {
                        "id": m0 + n * messages_per + k,
                        "public_id": uuid.UUID(int=rng.getrandbits(128), version=4),
                        "created_at": at + timedelta(hours=k),
                        "updated_at": at,
                        "conversation_id": cv0 + n,
                        "kind": "inbound" if k % 2 == 0 else "reply",
                        "author_kind": "customer" if k % 2 == 0 else "agent",
                        "channel": "email",
                        "body_text": text,
                        "body_html": "",
                        "language": "en",
                        "external_id": "",
                        "channel_metadata": {},
                        "delivery": "",
                        "processed_at": at,
                    }

        counts = {
            "customers": _write(Customer, customers()),
            "identities": _write(CustomerIdentity, identities()),
            "orders": _write(Order, orders()),
            "shipments": _write(Shipment, shipments()),
            "conversations": _write(Conversation, conversation_rows()),
            "messages": _write(Message, message_rows()),
        }
        _fix_sequences(
            Customer, CustomerIdentity, Order, Shipment, Conversation, Message, ConversationEvent
        )
    return counts
