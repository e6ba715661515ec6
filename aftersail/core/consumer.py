"""Running the Huey task consumer: on its own (``aftersail worker``) or inside ``serve``."""

from __future__ import annotations

import logging

from django.utils.module_loading import autodiscover_modules
from huey.consumer import Consumer
from huey.contrib.djhuey import HUEY

log = logging.getLogger(__name__)


class InProcessConsumer(Consumer):
    """A consumer that runs beside the web server: the server owns the process's signals,
    so this one installs no handlers and is stopped by :meth:`stop`."""

    def _set_signal_handlers(self) -> None:
        pass


def load_tasks() -> None:
    """Imports every app's ``tasks`` module so the consumer knows all task names."""
    autodiscover_modules("tasks")


def build_consumer(*, workers: int, periodic: bool, in_process: bool) -> Consumer:
    load_tasks()
    consumer_class = InProcessConsumer if in_process else Consumer
    return consumer_class(
        HUEY,
        workers=workers,
        periodic=periodic,
        worker_type="thread",
        check_worker_health=True,
        # Picking up new work within a second matters more than the few idle polls it costs.
        initial_delay=0.1,
        max_delay=1.0,
    )
