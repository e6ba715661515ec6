"""The agent's side: typing both ways, live messages, replies from the chat box, who may."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth.models import AnonymousUser

from aftersail.chat.consumers import CLOSE_FORBIDDEN
from aftersail.chat.models import AgentPresence
from aftersail.chat.services import do_set_presence
from aftersail.chat.tests.conftest import SHOP, desk_app, widget_app
from aftersail.conversations.models import Conversation, Message
from aftersail.testing import factories as f
from aftersail.testing.websocket import WebsocketClient


def test_typing_and_messages_flow_both_ways(live_cast) -> None:  # type: ignore[no-untyped-def]
    do_set_presence(live_cast.agent_a, True)

    async def scenario() -> None:
        visitor = WebsocketClient(widget_app, "/ws/chat/cast/", [(b"origin", SHOP.encode())])
        assert (await visitor.connect())[0]
        await visitor.send_json_to(
            {"type": "start", "language": "en-GB", "time_zone": "Europe/London"}
        )
        await visitor.receive_json_from()
        await visitor.send_json_to({"type": "message", "id": "1", "text": "Hello?"})
        for expected in ("ack", "state", "message"):  # the last: the hand-over line
            assert (await visitor.receive_json_from())["type"] == expected
        number = (await Conversation.objects.aget(channel="chat")).id

        agent = WebsocketClient(desk_app(live_cast.agent_a.user), f"/ws/desk/chat/{number}/")
        assert (await agent.connect())[0]
        await visitor.send_json_to({"type": "typing", "active": True})
        assert await agent.receive_json_from() == {"type": "typing", "active": True}
        await visitor.send_json_to({"type": "message", "id": "2", "text": "Are you there?"})
        live = await agent.receive_json_from()
        assert live["type"] == "message" and live["author"] == "customer"
        assert live["text"] == "Are you there?"

        await agent.send_json_to({"type": "typing", "active": True})
        while (event := await visitor.receive_json_from())["type"] != "typing":
            pass
        assert event == {"type": "typing", "active": True}
        await agent.send_json_to({"type": "reply", "text": "Yes, how can I help?"})
        while (event := await visitor.receive_json_from())["type"] != "message":
            pass
        assert event["author"] == "agent" and event["text"] == "Yes, how can I help?"
        assert event["name"] == live_cast.agent_a.user.full_name.split(" ")[0]
        for bad in ({"type": "reply", "text": ""}, {"type": "reply", "text": 5},
                    {"type": "reply", "text": "x" * 4001}):  # fmt: skip
            await agent.send_json_to(bad)
            while (event := await agent.receive_json_from())["type"] == "message":
                pass
            assert event == {"type": "error", "code": "bad_frame"}
        await agent.send_json_to({"type": "close_everything"})
        assert await agent.receive_json_from() == {"type": "error", "code": "unknown_type"}
        await visitor.disconnect()
        assert await agent.receive_json_from() == {"type": "typing", "active": False}
        await agent.disconnect()

    async_to_sync(scenario)()
    reply = Message.objects.get(author_kind="agent", channel="chat")
    assert reply.author_agent == live_cast.agent_a and reply.delivery == "sent"


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("admin", True), ("supervisor_a", True), ("agent_a", True), ("agent_b", False),
     ("outsourced", False), ("customer", False), ("anonymous", False)],
)  # fmt: skip
def test_who_may_watch_a_chat(live_cast, who, allowed) -> None:  # type: ignore[no-untyped-def]
    user = {"anonymous": AnonymousUser(), "customer": live_cast.customer_user}.get(who) or (
        getattr(live_cast, who).user
    )
    number = live_cast.conversation_a.id

    async def scenario() -> None:
        agent = WebsocketClient(desk_app(user), f"/ws/desk/chat/{number}/")
        connected, code = await agent.connect()
        assert connected is allowed
        if allowed:
            await agent.disconnect()
        else:
            assert code == CLOSE_FORBIDDEN

    async_to_sync(scenario)()


PAGES = ["/desk/chat/presence/", "/desk/chat/conversations/{n}/live/"]


@pytest.mark.parametrize(
    ("who", "statuses"),
    [("admin", (200, 200)), ("supervisor_a", (200, 200)), ("agent_a", (200, 200)),
     ("agent_b", (200, 404)), ("outsourced", (200, 404)), ("customer", (403, 403)),
     ("anonymous", (302, 302))],
)  # fmt: skip
def test_desk_pages_permissions(cast, login, who, statuses) -> None:  # type: ignore[no-untyped-def]
    user = {"anonymous": None, "customer": cast.customer_user}.get(who)
    if who not in ("anonymous", "customer"):
        user = getattr(cast, who).user
    client = login(user)
    for page, status in zip(PAGES, statuses, strict=True):
        assert client.get(page.format(n=cast.conversation_a.id)).status_code == status


def test_presence_switch(cast, login) -> None:  # type: ignore[no-untyped-def]
    client = login(cast.agent_a.user)
    response = client.post("/desk/chat/presence/set/", {"available": "1"})
    assert response.status_code == 200
    assert "Available for chat" in response.content.decode()
    assert AgentPresence.objects.get(agent=cast.agent_a).available is True
    client.post("/desk/chat/presence/set/", {"available": "0"})
    assert AgentPresence.objects.get(agent=cast.agent_a).available is False
    assert (
        login(cast.customer_user).post("/desk/chat/presence/set/", {"available": "1"}).status_code
        == 403
    )
    assert login(None).post("/desk/chat/presence/set/", {"available": "1"}).status_code == 302
    assert AgentPresence.objects.count() == 1


def test_chat_conversation_page_carries_the_live_include(cast, login) -> None:  # type: ignore[no-untyped-def]

    chat = f.make_conversation(cast.customer, team=cast.team_a, channel="chat", text="Hallo")
    page = login(cast.agent_a.user).get(f"/desk/conversations/{chat.id}/").content.decode()
    assert f'data-socket="/ws/desk/chat/{chat.id}/"' in page
    assert f"/desk/kb/conversations/{chat.id}/articles/" in page
    other = login(cast.agent_a.user).get(f"/desk/conversations/{cast.conversation_a.id}/")
    assert "/ws/desk/chat/" not in other.content.decode()
