"""Background work of the email channel: polling, parsing, reconciling."""

from __future__ import annotations

from datetime import timedelta

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from aftersail.core.queue import enqueue_on_commit
from aftersail.mail import imap
from aftersail.mail.ingest import do_process_inbound, pending_ids
from aftersail.mail.models import InboundEmail, Mailbox


@db_task()
def process_inbound_email(inbound_id: int) -> None:
    do_process_inbound(inbound_id)


def enqueue_processing(row: InboundEmail) -> None:
    if row.state == InboundEmail.State.RECEIVED:
        enqueue_on_commit(process_inbound_email, row.id)


@db_task()
def poll_mailbox(mailbox_id: int) -> None:
    mailbox = Mailbox.objects.select_related("store").filter(id=mailbox_id).first()
    if mailbox is not None and mailbox.is_active and mailbox.imap_host:
        imap.poll_mailbox(mailbox, on_stored=enqueue_processing)


@db_periodic_task(crontab(minute="*"))
def poll_mailboxes() -> None:
    """Every minute, one task per mailbox: the workers poll them concurrently."""
    for mailbox in imap.pollable_mailboxes():
        enqueue_on_commit(poll_mailbox, mailbox.id)


@db_periodic_task(crontab(minute="*/5"))
def reconcile_inbound_emails() -> None:
    """Stored mail whose parsing never finished (a worker died) is queued again."""
    for inbound_id in pending_ids(older_than=timedelta(minutes=2)):
        enqueue_on_commit(process_inbound_email, inbound_id)
