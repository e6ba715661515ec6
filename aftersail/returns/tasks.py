"""Legal refund deadlines run as clocks: a warning before, an alarm when overdue; the
return form goes out by mail."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from aftersail.accounts.actors import Actor
from aftersail.returns import timeline
from aftersail.returns.form_mail import send_return_form
from aftersail.returns.models import OPEN_RETURN_STATUSES, ReturnRequest, ReturnStatus

WARN_BEFORE = timedelta(days=3)
CLOCK_STATUSES = [s for s in OPEN_RETURN_STATUSES if s != ReturnStatus.RESOLVED]


def check_refund_clocks(now: datetime | None = None) -> tuple[int, int]:
    """Records ``refund_due_soon`` and ``refund_overdue`` once per return; returns how many
    of each it recorded. Safe to run on several workers at once (conditional updates)."""
    now = now or timezone.now()
    running = ReturnRequest.objects.filter(status__in=CLOCK_STATUSES, refund_due_at__isnull=False)
    warned = overdue = 0
    for rma in running.filter(refund_warned_at__isnull=True, refund_due_at__lte=now + WARN_BEFORE):
        with transaction.atomic():
            if ReturnRequest.objects.filter(id=rma.id, refund_warned_at__isnull=True).update(
                refund_warned_at=now
            ):
                timeline.record(rma, "refund_due_soon", Actor.system(), due=str(rma.refund_due_at))
                warned += 1
    for rma in running.filter(refund_overdue_at__isnull=True, refund_due_at__lte=now):
        with transaction.atomic():
            if ReturnRequest.objects.filter(id=rma.id, refund_overdue_at__isnull=True).update(
                refund_overdue_at=now
            ):
                timeline.record(rma, "refund_overdue", Actor.system(), due=str(rma.refund_due_at))
                overdue += 1
    return warned, overdue


@db_periodic_task(crontab(minute="*/15"))
def scan_refund_clocks() -> None:
    check_refund_clocks()


# A mail server that refuses for a moment is tried again later; the timeline entry the
# mail leaves keeps a retry from sending it twice.
@db_task(retries=3, retry_delay=300)
def mail_return_form(rma_id: int, to: str, language: str, link: str) -> None:
    send_return_form(rma_id, to, language, link)
