"""Background work of webhooks: one attempt per task, and a periodic sweep for retries."""

from __future__ import annotations

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from aftersail.webhooks.sending import do_deliver, due_deliveries


@db_task()
def deliver_webhook(delivery_id: int) -> None:
    do_deliver(delivery_id)


@db_periodic_task(crontab(minute="*"))
def retry_due_webhooks() -> None:
    for delivery_id in due_deliveries(timezone.now()):
        do_deliver(delivery_id)
