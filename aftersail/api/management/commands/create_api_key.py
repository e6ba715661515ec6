from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aftersail.accounts.models import Team
from aftersail.api.keys import ApiKeyError, do_create_api_key
from aftersail.api.models import Scope
from aftersail.commerce.models import Store


class Command(BaseCommand):
    help = "Create an API key for a store and print its token (shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="What uses the key, e.g. 'Shopify sync'.")
        parser.add_argument("--store", required=True, help="Slug of the store.")
        parser.add_argument(
            "--scope",
            action="append",
            default=[],
            choices=Scope.values,
            help="Repeatable; default: every scope.",
        )
        parser.add_argument(
            "--team", action="append", default=[], help="Limit to this team; repeatable."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        store = Store.objects.filter(slug=options["store"]).first()
        if store is None:
            raise CommandError(f"No store with the slug {options['store']!r}.")
        teams = list(Team.objects.filter(name__in=options["team"]))
        missing = set(options["team"]) - {t.name for t in teams}
        if missing:
            raise CommandError(f"No team named {', '.join(sorted(missing))}.")
        try:
            key, token = do_create_api_key(
                name=options["name"],
                store=store,
                scopes=options["scope"] or Scope.values,
                teams=teams,
            )
        except ApiKeyError as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write(f"Created API key {key.name} ({', '.join(key.scopes)}). Token:")
        self.stdout.write(token)
