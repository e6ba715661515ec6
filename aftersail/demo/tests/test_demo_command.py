"""`aftersail demo` on an empty database: migrate, load, print the logins, serve."""

import httpx
import pytest

from aftersail.demo.staff import DEMO_PASSWORD
from aftersail.testing.processes import (
    desk_login,
    free_port,
    isolated_environment,
    run,
    running,
    wait_until_serving,
)

pytestmark = pytest.mark.services
COUNT = (
    "from aftersail.customers.models import Customer; "
    "from aftersail.conversations.models import Message; "
    "print(Customer.objects.count(), Message.objects.count())"
)


def test_demo_serves_every_entry_page_and_never_loads_twice(tmp_path):
    with isolated_environment(tmp_path) as env:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = tmp_path / "demo.log"
        with running(["demo", "--port", str(port)], env, log) as demo:
            wait_until_serving(f"{base}/healthz", demo, log, timeout=120)
            for path in (
                "/",
                "/desk/",
                "/desk/login/",
                "/api/v1/docs",
                "/api/v1/openapi.json",
                "/healthz",
                "/admin/login/",
            ):
                response = httpx.get(base + path, follow_redirects=True, timeout=10)
                assert response.status_code == 200, path
            printed = log.read_text()
            assert f"{base}/desk/" in printed
            assert "sophie.wagner@nordlicht-outdoor.example  (admin)" in printed
            assert f"password {DEMO_PASSWORD}" in printed
            agent = desk_login(base, "lukas.becker@nordlicht-outdoor.example", DEMO_PASSWORD)
            inbox = agent.get("/desk/")
            assert inbox.status_code == 200
            assert "Nordlicht" in agent.get("/").text
        counts = run(["shell", "-v", "0", "-c", COUNT], env).split()
        again = run(["demo", "--no-serve"], env)
        assert "the demo data is left as it is" in again
        assert run(["shell", "-v", "0", "-c", COUNT], env).split() == counts
        assert int(counts[0]) >= 200
