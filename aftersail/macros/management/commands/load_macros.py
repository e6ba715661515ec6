"""``aftersail load_macros [--store SLUG]``: add the shipped after-sales macros."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aftersail.commerce.models import Store
from aftersail.macros.loader import load_library


class Command(BaseCommand):
    help = "Adds the shipped after-sales macros (six languages); keeps existing edits."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--store", help="Slug of the store to load them for (default: every store)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        store = None
        if options["store"]:
            store = Store.objects.filter(slug=options["store"]).first()
            if store is None:
                raise CommandError(f"no store with the slug {options['store']!r}")
        result = load_library(store)
        self.stdout.write(
            f"{result.macros_created} macros and {result.variants_created} variants added."
        )
