"""What /healthz reports: can we reach the database, Redis, and is a worker alive."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from aftersail.core.models import WorkerPing

log = logging.getLogger(__name__)

# The heartbeat task runs every minute; three missed beats mean no consumer is running.
WORKER_SILENCE_SECONDS = 180


def check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        log.exception("health check: database unreachable")
        return False


def check_redis() -> bool | None:
    if not settings.REDIS_URL:
        return None
    import redis

    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)
        return bool(client.ping())
    except Exception:
        log.exception("health check: redis unreachable")
        return False


def worker_last_seen() -> Any:
    return (
        WorkerPing.objects.filter(completed_at__isnull=False)
        .order_by("-completed_at")
        .values_list("completed_at", flat=True)
        .first()
    )


def collect_health() -> tuple[bool, dict[str, Any]]:
    """Returns (healthy, report). Only the database and Redis decide healthiness: a web
    process without a worker still serves the desk, so the worker is reported, not judged."""
    database_ok = check_database()
    redis_ok = check_redis()
    report: dict[str, Any] = {"database": "ok" if database_ok else "unavailable"}
    if redis_ok is not None:
        report["redis"] = "ok" if redis_ok else "unavailable"
    last_seen = worker_last_seen() if database_ok else None
    if last_seen is None:
        report["worker"] = {"status": "not seen", "last_seen": None}
    else:
        silent_for = (timezone.now() - last_seen).total_seconds()
        report["worker"] = {
            "status": "ok" if silent_for <= WORKER_SILENCE_SECONDS else "silent",
            "last_seen": last_seen.isoformat(),
        }
    healthy = database_ok and redis_ok is not False
    return healthy, report
