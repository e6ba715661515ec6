"""In a real browser: an agent logs in, opens a conversation from the queue, replies with the
German variant of a macro, and sees the stored reply in the thread."""

import pytest

from aftersail.conversations.models import Message
from aftersail.macros.actions import load_library
from aftersail.testing import factories as f
from aftersail.testing.browser import chromium_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agent_replies_with_the_german_macro_variant(cast, live_server, monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls below happen
    # before and after the browser session, never concurrently with it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    load_library()
    f.make_order(cast.customer, number="NL-4711")
    conversation = cast.conversation_a
    with chromium_page() as page:
        page.goto(f"{live_server.url}/desk/login/")
        page.fill("#id_username", cast.agent_a.user.email)
        page.fill("#id_password", f.PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/desk/")
        page.click(f"tr[data-conversation='{conversation.id}'] td:nth-child(3) a")
        page.wait_for_url(f"{live_server.url}/desk/conversations/{conversation.id}/")
        page.select_option("#macro-picker", "where-is-my-order")
        text = page.input_value("#reply-text")
        assert text.startswith("Guten Tag Clara,")
        assert "Ihre Bestellung NL-4711 ist unterwegs" in text
        page.click("#send")
        page.wait_for_selector("article.message.reply")
        shown = page.inner_text("article.message.reply .body")
    reply = Message.objects.get(conversation=conversation, kind=Message.Kind.REPLY)
    assert reply.language == "de"
    assert reply.author_agent == cast.agent_a
    assert reply.body_text.startswith("Guten Tag Clara,")
    assert "Ihre Bestellung NL-4711 ist unterwegs" in shown
