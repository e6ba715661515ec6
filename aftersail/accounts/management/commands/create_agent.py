from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aftersail.accounts.models import Agent
from aftersail.accounts.services import do_create_agent


class Command(BaseCommand):
    help = (
        "Create an agent who can log in to the desk. The password is read from "
        "AFTERSAIL_AGENT_PASSWORD, or asked for on the terminal."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="Full name shown to colleagues.")
        parser.add_argument("--role", default=Agent.Role.AGENT, choices=Agent.Role.values)
        parser.add_argument("--team", action="append", default=[], help="Team name; repeatable.")
        parser.add_argument(
            "--language", action="append", default=[], help="ISO 639-1; repeatable."
        )
        parser.add_argument("--time-zone", default="UTC", help="IANA zone, e.g. Europe/Berlin.")
        parser.add_argument(
            "--display-language",
            default="",
            help="Language of the desk for this agent (en, de, fr, es, pl, ja); "
            "default: the browser's.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("AFTERSAIL_AGENT_PASSWORD") or getpass.getpass("Password: ")
        if len(password) < 8:
            raise CommandError("The password needs at least 8 characters.")
        try:
            agent = do_create_agent(
                email=options["email"],
                password=password,
                full_name=options["name"],
                role=options["role"],
                team_names=options["team"],
                languages=options["language"] or ["en"],
                time_zone=options["time_zone"],
                display_language=options["display_language"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"Created {agent.get_role_display().lower()} {agent.user.email}")
