"""Recompute the SLA clocks of 100,000 open conversations and print the time it takes.

    .venv/bin/python bench/sla_recompute.py            # 100,000 conversations, SQLite
    .venv/bin/python bench/sla_recompute.py --count 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/aftersail_bench .venv/bin/python \
        bench/sla_recompute.py

It builds a throw-away database (a temporary SQLite file unless DATABASE_URL is set; that
database is flushed), bulk-loads conversations spread over four teams with calendars and
two policies, each with a customer message, half with an agent reply and a quarter pending,
then times ``aftersail.sla.tasks.recompute_ids`` over all of them (cold: every clock is
created) and again (warm: every clock is updated in place).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        os.environ["AFTERSAIL_VAR_DIR"] = tempfile.mkdtemp(prefix="aftersail-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if os.environ.get("DATABASE_URL"):
        call_command("flush", interactive=False, verbosity=0)
    conversation_ids = load(args.count)
    from aftersail.sla.models import SlaClock
    from aftersail.sla.tasks import recompute_ids

    for label in ("cold", "warm"):
        started = time.perf_counter()
        written = recompute_ids(conversation_ids)
        elapsed = time.perf_counter() - started
        print(
            f"{label}: recomputed {len(conversation_ids):,} conversations "
            f"({written:,} clocks) in {elapsed:.1f} s = "
            f"{len(conversation_ids) / elapsed:,.0f} conversations/s"
        )
    print(f"clocks stored: {SlaClock.objects.count():,}")


def load(count: int) -> list[int]:
    from aftersail.accounts.models import Agent, Team, User
    from aftersail.commerce.models import Store
    from aftersail.conversations.models import Conversation, ConversationEvent, Message
    from aftersail.core.events import publish_many
    from aftersail.customers.models import Customer
    from aftersail.sla.models import BusinessCalendar, SlaPolicy, TeamCalendar

    store = Store.objects.create(
        name="Bench", slug="bench", country="DE", time_zone="Europe/Berlin",
        sender_name="Bench", sender_email="care@bench.example",
    )  # fmt: skip
    zones = ["Europe/Berlin", "America/New_York", "Asia/Manila", "Australia/Sydney"]
    teams = []
    for n, zone in enumerate(zones):
        team = Team.objects.create(name=f"Team {n}", time_zone=zone, languages=["en"])
        calendar = BusinessCalendar.objects.create(
            store=store, name=zone, time_zone=zone, holiday_country="DE" if n == 0 else "",
            intervals=[{"weekday": d, "start": "08:00", "end": "18:00"} for d in range(5)],
        )  # fmt: skip
        TeamCalendar.objects.create(team=team, calendar=calendar)
        teams.append(team)
    user = User.objects.create_user("agent@bench.example", "x")
    agent = Agent.objects.create(user=user)
    SlaPolicy.objects.create(
        store=store, name="Chat", position=1, channels=["chat"], first_reply_minutes=30,
        next_reply_minutes=60, resolution_minutes=8 * 60,
    )  # fmt: skip
    SlaPolicy.objects.create(
        store=store, name="Default", position=2, first_reply_minutes=240, next_reply_minutes=480,
        periodic_update_minutes=24 * 60, resolution_minutes=3 * 8 * 60, pause_statuses=["pending"],
    )  # fmt: skip
    customers = Customer.objects.bulk_create(
        [Customer(store=store, name=f"C{n}", language="en", country="DE") for n in range(1000)]
    )
    start = datetime(2026, 11, 23, tzinfo=UTC)
    conversations = []
    for n in range(count):
        at = start + timedelta(minutes=(n * 7) % (7 * 24 * 60))
        conversations.append(
            Conversation(
                store=store,
                customer=customers[n % len(customers)],
                team=teams[n % 4],
                channel="chat" if n % 5 == 0 else "email",
                status="pending" if n % 4 == 3 else "open",
                created_at=at,
                last_message_at=at,
            )
        )
    Conversation.objects.bulk_create(conversations, batch_size=2000)
    messages, events = [], []
    for n, conversation in enumerate(conversations):
        at = conversation.created_at
        messages.append(
            Message(
                conversation=conversation,
                kind="inbound",
                author_kind="customer",
                channel=conversation.channel,
                body_text="Hello",
                created_at=at,
            )
        )
        if n % 2:
            messages.append(
                Message(
                    conversation=conversation,
                    kind="reply",
                    author_kind="agent",
                    author_agent=agent,
                    channel=conversation.channel,
                    body_text="Hi",
                    created_at=at + timedelta(minutes=90),
                )
            )
        if conversation.status == "pending":
            events.append(
                ConversationEvent(
                    conversation=conversation,
                    kind="status_changed",
                    actor_kind="agent",
                    data={"old": "open", "new": "pending"},
                    created_at=at + timedelta(minutes=100),
                )
            )
    Message.objects.bulk_create(messages, batch_size=2000)
    publish_many(events, batch_size=2000)
    return [c.id for c in conversations]


if __name__ == "__main__":
    main()
