from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aftersail.commerce.models import Store
from aftersail.shipping.imports import do_import_tracking


class Command(BaseCommand):
    help = "Imports tracking events from a CSV or JSON file (see docs/tracking.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--store", required=True, help="Slug of the store.")
        parser.add_argument("--format", choices=["csv", "json"], default="")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        store = Store.objects.filter(slug=options["store"]).first()
        if store is None:
            raise CommandError(f"no store with slug {options['store']!r}")
        fmt = options["format"] or path.suffix.lstrip(".").lower()
        result = do_import_tracking(store, path.read_bytes(), fmt)
        if result.errors:
            raise CommandError("nothing imported:\n" + "\n".join(result.errors[:50]))
        self.stdout.write(f"{result.events} events read")
        if result.unknown:
            self.stdout.write(f"unknown tracking numbers: {', '.join(sorted(result.unknown))}")
