"""Background tasks of the channels."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from aftersail.conversations.actions import fail_stuck_deliveries
from aftersail.messaging.delivery import deliver

# A message claimed this long ago and never finished was held by a worker that died.
STUCK_AFTER = timedelta(minutes=15)


@db_task()
def deliver_message(message_id: int) -> None:
    retry_in = deliver(message_id)
    if retry_in is not None:
        deliver_message.schedule((message_id,), delay=int(retry_in.total_seconds()))


@db_periodic_task(crontab(minute="*/10"))
def report_stuck_deliveries() -> None:
    """A message left in "sending" may or may not have gone out: rather than risk sending
    it twice, it is marked failed with the reason, for an agent to check and resend."""
    cutoff = timezone.now() - STUCK_AFTER
    fail_stuck_deliveries(
        cutoff, "The worker stopped while sending; check with the customer before resending."
    )
