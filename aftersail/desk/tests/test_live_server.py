"""End to end through the real server: a reply posted over HTTP reaches open WebSockets.

The change is published by a timeline reaction that runs in the task consumer, i.e. outside
the web server's event loop; this checks that the channel layer in use (in-memory on one
machine, Redis with REDIS_URL) carries it to the sockets the server holds.
"""

import json

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from aftersail.testing.processes import (
    desk_login,
    free_port,
    isolated_environment,
    run,
    running,
    wait_until_serving,
)

pytestmark = pytest.mark.services
PASSWORD = "live-updates-test"
SETUP = """
from aftersail.accounts.models import Agent
from aftersail.testing import factories as f
store = f.make_store(slug="live")
team = f.make_team("Live")
Agent.objects.get(user__email="ops@live.example").teams.add(team)
customer = f.make_customer(store, name="Lena Live", language="de")
print(f.make_conversation(customer, team=team, text="Hallo?").id)
"""


def test_reply_over_http_reaches_open_sockets(tmp_path):
    with isolated_environment(tmp_path) as env:
        run(["migrate", "--no-input"], env)
        run(
            ["create_agent", "ops@live.example", "--role", "admin"],
            {**env, "AFTERSAIL_AGENT_PASSWORD": PASSWORD},
        )
        number = int(run(["shell", "-c", SETUP], env).strip().splitlines()[-1])
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with running(["serve", "--port", str(port)], env, tmp_path / "serve.log") as web:
            wait_until_serving(f"{base}/healthz", web, tmp_path / "serve.log")
            client = desk_login(base, "ops@live.example", PASSWORD)
            headers = {
                "Cookie": f"sessionid={client.cookies['sessionid']}",
                "Origin": base,
            }
            ws_base = f"ws://127.0.0.1:{port}"
            with (
                connect(f"{ws_base}/ws/desk/", additional_headers=headers) as inbox,
                connect(
                    f"{ws_base}/ws/desk/conversations/{number}/", additional_headers=headers
                ) as page,
            ):
                response = client.post(
                    f"/desk/conversations/{number}/reply/",
                    data={
                        "kind": "note",
                        "text": "Checking with DHL",
                        "csrfmiddlewaretoken": client.cookies["csrftoken"],
                    },
                )
                assert response.status_code == 302, response.text
                expected = {
                    "type": "conversation.changed",
                    "conversation": number,
                    "event": "message_added",
                    "message_kind": "note",
                }
                # recv's timeout is a deadline for a broken setup, not a timing assertion.
                assert json.loads(page.recv(timeout=30)) == expected
                assert json.loads(inbox.recv(timeout=30)) == expected
            # Without a session the handshake is refused.
            with pytest.raises(InvalidStatus) as refused:
                connect(f"{ws_base}/ws/desk/", additional_headers={"Origin": base})
            assert refused.value.response.status_code == 403
