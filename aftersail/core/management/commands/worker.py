from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from aftersail.core.consumer import build_consumer
from aftersail.core.warmup import warm_up_in_background
from aftersail.env import env_bool


class Command(BaseCommand):
    help = (
        "Run the task consumer alone (for deployments with separate web and worker "
        "processes). Stops gracefully on SIGINT, at once on SIGTERM."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--threads", type=int, default=settings.TASK_WORKERS)
        parser.add_argument(
            "--no-periodic",
            action="store_true",
            default=not env_bool("WORKER_PERIODIC", True),
            help="Leave periodic tasks to another worker (run them on exactly one).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        warm_up_in_background()
        consumer = build_consumer(
            workers=max(1, options["threads"]),
            periodic=not options["no_periodic"],
            in_process=False,
        )
        self.stdout.write(f"Task consumer started with {options['threads']} threads")
        consumer.run()
