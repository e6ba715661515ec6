from __future__ import annotations

from typing import Any

import uvicorn
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from aftersail.core.consumer import build_consumer
from aftersail.core.warmup import warm_up_in_background
from aftersail.env import env_bool, env_int, env_str


class Command(BaseCommand):
    help = (
        "Serve the desk, portal and API over HTTP and WebSocket (ASGI with uvicorn). "
        "Runs the task consumer in the same process unless --no-worker is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=env_str("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=env_int("PORT", 8000, minimum=1))
        parser.add_argument(
            "--no-worker",
            action="store_true",
            default=not env_bool("SERVE_WITH_WORKER", True),
            help="Do not run the task consumer here (run `aftersail worker` separately).",
        )
        parser.add_argument(
            "--proxy-headers",
            action="store_true",
            default=env_bool("TRUST_X_FORWARDED_PROTO", False),
            help="Trust X-Forwarded-For/-Proto from the reverse proxy in front.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        warm_up_in_background()
        consumer = None
        if not options["no_worker"]:
            consumer = build_consumer(workers=settings.TASK_WORKERS, periodic=True, in_process=True)
            consumer.start()
            self.stdout.write(
                f"Task consumer running in this process ({settings.TASK_WORKERS} threads)"
            )
        try:
            uvicorn.run(
                "aftersail.asgi:application",
                host=options["host"],
                port=options["port"],
                lifespan="off",
                proxy_headers=options["proxy_headers"],
                forwarded_allow_ips="*" if options["proxy_headers"] else None,
                log_level=env_str("LOG_LEVEL", "info").lower(),
            )
        finally:
            if consumer is not None:
                consumer.stop(graceful=True)
