from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from aftersail.demo.loader import DEMO_SEED, load_demo


class Command(BaseCommand):
    help = "Load the demo store (customers, orders, conversations) unless it is already there."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=DEMO_SEED)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        summary = load_demo(seed=options["seed"])
        if not summary.created:
            self.stdout.write("The demo store is already loaded; nothing changed.")
            return
        self.stdout.write(
            f"Loaded {summary.store.name}: {summary.customers} customers, {summary.orders} "
            f"orders, {summary.conversations} conversations, {summary.messages} messages "
            f"in {time.monotonic() - started:.1f} s."
        )
