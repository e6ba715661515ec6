"""The widget in a real browser on a shop page of another origin, against `aftersail serve`.

Debian's Chromium through Playwright; the desk runs as a real uvicorn process with its
in-process task worker, and the shop page is served from a second local origin.

The assistant's part (order status after verification) runs when
``aftersail.assistant.dialogue`` is installed; until then the chat hands the customer straight
to an agent and the test checks that path.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from aftersail.testing.processes import (
    free_port,
    isolated_environment,
    run,
    running,
    wait_until_serving,
)

pytestmark = [pytest.mark.browser, pytest.mark.services]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PASSWORD = "chat-browser-test"
SHOP_PAGE = (Path(__file__).parent / "fixtures" / "shop.html").read_text(encoding="utf-8")

SEED = """
from aftersail.accounts.models import Team
from aftersail.chat.models import ChatSettings
from aftersail.chat.services import do_set_presence
from aftersail.testing import factories as f
store = f.make_store(name="Nordlicht Testshop", slug="e2e", default_language="de")
team = f.make_team("Chat DE", languages=("de", "en"))
agent = f.make_agent("lena@e2e.example", teams=(team,), full_name="Lena Vogt")
agent.user.set_password({password!r}); agent.user.save()
do_set_presence(agent, True)
ChatSettings.objects.create(store=store, allowed_origins=[{shop!r}], team=team)
customer = f.make_customer(store, name="Jonas Weber", email="jonas@mail.example", language="de")
f.make_order(customer, number="NL-4711")
"""


@pytest.fixture
def shop_origin() -> Iterator[tuple[str, list[str]]]:
    """A second origin serving the shop page; the desk address is filled in later."""
    desk: list[str] = []

    class Shop(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = SHOP_PAGE.replace("{{DESK}}", desk[0]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Shop)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", desk
    server.shutdown()
    server.server_close()


def test_customer_chats_in_german_and_gets_the_agents_reply_live(tmp_path, shop_origin) -> None:  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (apt install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    shop, desk = shop_origin
    with isolated_environment(tmp_path) as env:
        run(["migrate", "--no-input"], env)
        run(["shell", "-c", SEED.format(password=PASSWORD, shop=shop)], env)
        run(["assistant", "train"], env, timeout=300)  # now, not on the first message
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        desk.append(base)
        env = {**env, "SITE_URL": base}
        with running(["serve", "--port", str(port)], env, tmp_path / "serve.log") as web:
            wait_until_serving(f"{base}/healthz", web, tmp_path / "serve.log")
            with playwright_api.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    _scenario(playwright_api, browser, shop, base, env)
                finally:
                    browser.close()


def _scenario(api, browser, shop, base, env) -> None:  # type: ignore[no-untyped-def]
    expect = api.expect
    customer = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    page = customer.new_page()
    page.goto(shop)
    launcher = page.get_by_role("button", name="Chatten Sie mit uns")
    expect(launcher).to_be_visible()
    launcher.click()
    dialog = page.get_by_role("dialog", name="Kundenservice")
    expect(dialog).to_be_visible()
    log = dialog.get_by_role("log")
    box = dialog.get_by_label("Ihre Nachricht")

    box.fill("Hallo, wo ist meine Bestellung?")
    box.press("Enter")
    expect(log).to_contain_text("Hallo, wo ist meine Bestellung?")
    others = log.locator(".msg.other")
    # The assistant asks to verify; the customer gives order number and email and gets the
    # order's status; then a question it cannot answer goes to a person (its own hand-over
    # line, counted, since its wording belongs to the assistant).
    expect(others).to_have_count(1, timeout=30_000)  # the first turn loads the model
    box.fill("NL-4711, jonas@mail.example")
    box.press("Enter")
    expect(others).to_have_count(2)
    expect(others.nth(1)).to_contain_text("NL-4711")
    box.fill("Können Sie mir ein Gedicht über Zelte schreiben?")
    box.press("Enter")
    expect(others).to_have_count(3)
    query = (
        "from aftersail.conversations.models import Conversation as C; print(C.objects.get().id)"
    )
    number = run(["shell", "-c", query.replace("get()", "get(channel='chat')")], env).split()[-1]

    agent_context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    agent = agent_context.new_page()
    agent.goto(f"{base}/desk/login/")
    agent.locator("input[name=username]").fill("lena@e2e.example")
    agent.locator("input[name=password]").fill(PASSWORD)
    agent.locator("form button[type=submit], form input[type=submit]").first.click()
    agent.wait_for_url(f"{base}/desk/**")
    agent.goto(f"{base}/desk/chat/conversations/{number}/live/")
    agent_log = agent.get_by_role("log")
    agent_box = agent.get_by_label("Im Chat antworten")

    # Typing indicators, both ways, once the agent's socket is up (the page marks it).
    expect(agent_box).to_be_visible()
    expect(agent.locator(".chat-live[data-connected='true']")).to_have_count(1)
    box.press_sequentially("Ich warte")
    expect(agent.get_by_text("Die Kundin oder der Kunde schreibt…")).to_be_visible()
    agent_box.press_sequentially("Einen Moment")
    expect(dialog.get_by_text("Schreibt…")).to_be_visible()
    agent_box.fill("Hallo Jonas, Ihr Paket ist heute bei DHL eingegangen.")
    agent.get_by_role("button", name="Senden").click()
    reply = others.last
    expect(reply).to_contain_text("Hallo Jonas, Ihr Paket ist heute bei DHL eingegangen.")
    expect(reply).to_contain_text("Lena")
    expect(agent_log).to_contain_text("Hallo Jonas")
    customer.close()
    agent_context.close()
