from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from aftersail.commerce.models import Store
from aftersail.demo.loader import demo_logins
from aftersail.demo.staff import DEMO_PASSWORD
from aftersail.env import env_int, env_str


class Command(BaseCommand):
    help = (
        "Migrate the database, load the demo store when the database has no store yet, "
        "print where to log in, and serve."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=env_str("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=env_int("PORT", 8000, minimum=1))
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare the database and stop."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database is up to date.")
        if Store.objects.exists():
            self.stdout.write("A store already exists; the demo data is left as it is.")
        else:
            call_command("load_demo")
        base = f"http://{options['host']}:{options['port']}"
        logins = "\n".join(f"    {email}  ({role})" for email, role in demo_logins())
        self.stdout.write(
            "\n"
            f"  Aftersail is starting on {base}\n"
            f"  Customer portal:  {base}/\n"
            f"  Agent desk:       {base}/desk/\n"
            f"  Admin:            {base}/admin/\n"
            f"  API docs:         {base}/api/v1/docs\n"
            f"  Health:           {base}/healthz\n\n"
            f"  Log in to the desk with any of these, password {DEMO_PASSWORD}:\n{logins}\n"
            f"  Data lives in {settings.VAR_DIR}; stop with Ctrl+C.\n"
        )
        if not options["no_serve"]:
            call_command("serve", host=options["host"], port=options["port"])
