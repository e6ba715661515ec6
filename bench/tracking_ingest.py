"""Ingest 100,000 tracking events and print events per second.

    .venv/bin/python bench/tracking_ingest.py                  # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/aftersail_bench \\
        .venv/bin/python bench/tracking_ingest.py --events 100000

Each payload is a signed AfterShip webhook carrying 10 checkpoints of one parcel; the run
stores the raw payloads (as the webhook view does) and processes them (parse, deduplicate,
insert, re-derive the status), then replays 10 % of them as duplicates. Notifications are
switched off and follow-up tasks run inline (one worker doing everything), so the figure
is the ingestion itself on one core.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-payload", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("AFTERSAIL_VAR_DIR", tempfile.mkdtemp(prefix="aftersail-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")
    import django

    django.setup()
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True  # follow-up tasks run inline, as one worker would run them
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    old = setup_databases(verbosity=0, interactive=False)
    try:
        call_command("migrate", verbosity=0)
        run(args.events, args.per_payload)
    finally:
        teardown_databases(old, verbosity=0)
        connection.close()


def run(total: int, per_payload: int) -> None:
    from datetime import UTC, datetime, timedelta

    from aftersail.shipping.ingest import do_receive, process_payload
    from aftersail.shipping.models import NotificationSettings, TrackingAccount, TrackingEvent
    from aftersail.shipping.providers import aftership
    from aftersail.testing import factories as f
    from aftersail.testing import tracking_payloads as payloads

    store = f.make_store(slug="bench")
    NotificationSettings.objects.create(store=store, enabled=False, statuses=["none"])
    account = TrackingAccount.objects.create(store=store, provider="aftership",
                                             webhook_secret="bench")  # noqa: S106  # fmt: skip
    customer = f.make_customer(store)
    order = f.make_order(customer)
    parcels = total // per_payload
    from aftersail.shipping.models import Shipment

    Shipment.objects.bulk_create(
        Shipment(order=order, carrier="dhl", tracking_number=f"B{n:09d}", status="no_info",
                 origin_country="DE", destination_country="FR")
        for n in range(parcels)
    )  # fmt: skip
    start = datetime(2026, 11, 1, tzinfo=UTC)
    tags = ["InfoReceived"] + ["InTransit"] * (per_payload - 2) + ["Delivered"]
    bodies = []
    for n in range(parcels):
        checkpoints = [
            {"tag": tags[i], "time": (start + timedelta(hours=5 * i, minutes=n % 60)).isoformat(),
             "message": f"scan {i}"}
            for i in range(per_payload)
        ]  # fmt: skip
        bodies.append(payloads.aftership(f"B{n:09d}", checkpoints, event_id=f"e{n}"))
    headers = [{"aftership-hmac-sha256": aftership.sign(body, "bench")} for body in bodies]

    from django.db import transaction

    began = time.perf_counter()
    for n, (body, header) in enumerate(zip(bodies, headers, strict=True), start=1):
        with transaction.atomic():
            raw = do_receive(account, body, header)
        process_payload(raw.id)
        if n % max(1, parcels // 10) == 0:
            print(f"  {n}/{parcels} payloads, {time.perf_counter() - began:.0f} s", flush=True)
    elapsed = time.perf_counter() - began
    stored = TrackingEvent.objects.count()
    began_dup = time.perf_counter()
    for body, header in list(zip(bodies, headers, strict=True))[: parcels // 10]:
        with transaction.atomic():
            raw = do_receive(account, body, header)
        process_payload(raw.id)
    elapsed_dup = time.perf_counter() - began_dup
    from django.db import connection

    print(f"database: {connection.vendor}")
    print(f"events ingested: {stored} in {parcels} payloads of {per_payload}")
    print(f"time: {elapsed:.1f} s -> {stored / elapsed:,.0f} events/s "
          f"({parcels / elapsed:,.0f} payloads/s)")  # fmt: skip
    dup_events = (parcels // 10) * per_payload
    after = TrackingEvent.objects.count()
    rate = dup_events / elapsed_dup
    print(f"duplicates replayed: {dup_events} events in {elapsed_dup:.1f} s -> {rate:,.0f}/s")
    print(f"events stored after the replay: {after}")


if __name__ == "__main__":
    main()
