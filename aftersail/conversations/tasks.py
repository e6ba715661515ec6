"""Background work on conversations."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from aftersail.conversations.lifecycle import wake_due_conversations
from aftersail.conversations.models import Message
from aftersail.conversations.pipeline import process_inbound_message
from aftersail.core.queue import enqueue_on_commit

# A message still unprocessed this long after it arrived was dropped by a dying worker.
RECONCILE_AFTER = timedelta(minutes=5)


@db_periodic_task(crontab(minute="*/5"))
def reconcile_inbound_messages() -> None:
    """Re-queues inbound messages whose processing never finished."""
    cutoff = timezone.now() - RECONCILE_AFTER
    # Older leftovers are not replayed automatically: an acknowledgement days late helps nobody.
    stale = Message.objects.filter(
        kind=Message.Kind.INBOUND,
        processed_at__isnull=True,
        created_at__lt=cutoff,
        created_at__gte=cutoff - timedelta(days=2),
    ).values_list("id", flat=True)[:500]
    for message_id in stale:
        enqueue_on_commit(process_inbound_message, message_id)


@db_periodic_task(crontab(minute="*"))
def wake_snoozed_conversations() -> None:
    """Brings snoozed conversations back to the queues once their time has come."""
    wake_due_conversations()
