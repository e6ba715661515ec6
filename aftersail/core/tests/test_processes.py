"""The real processes: `aftersail serve` and a separate `aftersail worker` share the work.

Runs against whatever the suite is configured with: SQLite and the SQLite task queue by
default, PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set (as .ci/run does).
"""

import os
import time

import httpx
import pytest

from aftersail.testing.processes import (
    desk_login,
    free_port,
    isolated_environment,
    run,
    running,
    wait_until_serving,
)

pytestmark = pytest.mark.services
PASSWORD = "serve-and-worker-test"


def test_serve_and_a_separate_worker_process_a_task_end_to_end(tmp_path):
    with isolated_environment(tmp_path) as env:
        run(["migrate", "--no-input"], env)
        run(
            ["create_agent", "ops@e2e.example", "--role", "admin"],
            {**env, "AFTERSAIL_AGENT_PASSWORD": PASSWORD},
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with (
            running(
                ["serve", "--no-worker", "--port", str(port)], env, tmp_path / "serve.log"
            ) as web,
            running(["worker", "--threads", "2"], env, tmp_path / "worker.log") as worker,
        ):
            wait_until_serving(f"{base}/healthz", web, tmp_path / "serve.log")
            health = httpx.get(f"{base}/healthz").json()
            assert health["status"] == "ok"
            assert ("redis" in health["checks"]) == bool(os.environ.get("REDIS_URL"))

            client = desk_login(base, "ops@e2e.example", PASSWORD)
            created = client.post("/api/v1/ops/worker-pings")
            assert created.status_code == 201, created.text
            ping_url = f"/api/v1/ops/worker-pings/{created.json()['id']}"
            deadline = time.monotonic() + 45
            answer = client.get(ping_url).json()
            while answer["completed_at"] is None and time.monotonic() < deadline:
                assert worker.poll() is None, (tmp_path / "worker.log").read_text()
                time.sleep(0.2)
                answer = client.get(ping_url).json()
            assert answer["completed_at"] is not None, (tmp_path / "worker.log").read_text()
            # The web process queued it and the worker process ran it.
            assert answer["worker_pid"] == worker.pid
            assert answer["worker_pid"] != web.pid
