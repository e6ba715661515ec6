"""Periodic SLA work: the breach scan and overdue promises, once a minute."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from aftersail.conversations.models import Conversation
from aftersail.sla.clocks import Recomputer
from aftersail.sla.escalation import do_scan_clocks
from aftersail.sla.promises import do_settle_overdue_promises


@db_periodic_task(crontab(minute="*"))
def scan_sla_clocks() -> None:
    do_scan_clocks()
    do_settle_overdue_promises()


@db_task()
def recompute_store_clocks(store_id: int) -> None:
    """After a policy or calendar change: rebuild the clocks of every open conversation."""
    open_ids = Conversation.objects.filter(
        store_id=store_id, status__in=["new", "open", "pending", "on_hold"]
    ).values_list("id", flat=True)
    recompute_ids(list(open_ids))


def recompute_ids(ids: list[int], batch: int = 1000) -> int:
    recomputer = Recomputer()
    written = 0
    for index in range(0, len(ids), batch):
        chunk = list(
            Conversation.objects.filter(id__in=ids[index : index + batch]).select_related(
                "customer"
            )
        )
        written += recomputer.recompute(chunk)
    return written
