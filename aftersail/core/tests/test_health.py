from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from aftersail.core import health, tasks
from aftersail.core.models import WorkerPing
from aftersail.core.tasks import record_worker_heartbeat

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_unseen_worker(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"] == {
        "database": "ok",
        "worker": {"status": "not seen", "last_seen": None},
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_reports_a_live_and_a_silent_worker(client, settings):
    settings.REDIS_URL = ""
    with time_machine.travel("2026-11-22 10:00:00+00:00", tick=False):
        record_worker_heartbeat.call_local()
        assert client.get("/healthz").json()["checks"]["worker"] == {
            "status": "ok",
            "last_seen": "2026-11-22T10:00:00+00:00",
        }
    with time_machine.travel("2026-11-22 10:03:01+00:00", tick=False):
        assert client.get("/healthz").json()["checks"]["worker"]["status"] == "silent"


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    monkeypatch.setattr(health, "check_database", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["checks"]["database"] == "unavailable"


def test_healthz_is_503_when_redis_is_configured_but_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"] == "unavailable"


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


def test_heartbeats_keep_only_the_newest(monkeypatch):

    monkeypatch.setattr(tasks, "KEEP_PINGS", 3)
    start = timezone.now()
    for minute in range(5):
        with time_machine.travel(start + timedelta(minutes=minute), tick=False):
            record_worker_heartbeat.call_local()
    kept = list(WorkerPing.objects.order_by("completed_at").values_list("completed_at", flat=True))
    assert kept == [start + timedelta(minutes=m) for m in (2, 3, 4)]
