"""Background tasks of the shared kernel."""

from __future__ import annotations

import os
import socket

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from aftersail.core.models import WorkerPing

KEEP_PINGS = 200


def _worker_identity() -> tuple[str, int]:
    return socket.gethostname()[:255], os.getpid()


@db_task()
def answer_worker_ping(ping_id: int) -> None:
    host, pid = _worker_identity()
    WorkerPing.objects.filter(id=ping_id, completed_at__isnull=True).update(
        completed_at=timezone.now(), worker_host=host, worker_pid=pid
    )


@db_periodic_task(crontab(minute="*"))
def record_worker_heartbeat() -> None:
    host, pid = _worker_identity()
    now = timezone.now()
    WorkerPing.objects.create(
        kind=WorkerPing.Kind.HEARTBEAT, completed_at=now, worker_host=host, worker_pid=pid
    )
    stale = WorkerPing.objects.order_by("-id").values_list("id", flat=True)[KEEP_PINGS:]
    WorkerPing.objects.filter(id__in=list(stale)).delete()
