"""Live updates: inbox and conversation pages hear about new messages and assignments, and
see who else is viewing or replying. Real consumers and the configured channel layer."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import NewMessage, do_add_message, do_assign
from aftersail.conversations.models import Message
from aftersail.routing import websocket_urlpatterns

pytestmark = pytest.mark.django_db(transaction=True)
application = URLRouter(websocket_urlpatterns)


def communicator(path, user):
    socket = WebsocketCommunicator(application, path)
    socket.scope["user"] = user
    return socket


def run(coroutine_function):
    async_to_sync(coroutine_function)()


def test_inbox_hears_inbound_messages_and_assignments_of_its_teams(cast):
    async def scenario():
        agent_a = communicator("/ws/desk/", cast.agent_a.user)
        agent_b = communicator("/ws/desk/", cast.agent_b.user)
        admin = communicator("/ws/desk/", cast.admin.user)
        for socket in (agent_a, agent_b, admin):
            connected, _code = await socket.connect()
            assert connected
        await database_sync_to_async(do_add_message)(
            cast.conversation_a,
            NewMessage(kind=Message.Kind.INBOUND, author_kind="customer", text="Hallo?"),
        )
        expected = {
            "type": "conversation.changed",
            "conversation": cast.conversation_a.id,
            "event": "message_added",
            "message_kind": "inbound",
        }
        assert await agent_a.receive_json_from() == expected
        assert await admin.receive_json_from() == expected
        assert await agent_b.receive_nothing()
        await database_sync_to_async(do_assign)(
            cast.conversation_b, team=cast.team_b, agent=cast.agent_b, actor=Actor.system()
        )
        message = await agent_b.receive_json_from()
        assert (message["conversation"], message["event"]) == (cast.conversation_b.id, "assigned")
        assert await agent_a.receive_nothing()
        for socket in (agent_a, agent_b, admin):
            await socket.disconnect()

    run(scenario)


@pytest.mark.parametrize("who", ["anonymous", "customer"])
def test_non_agents_are_refused(cast, who):
    user = AnonymousUser() if who == "anonymous" else cast.customer_user

    async def scenario():
        for path in ("/ws/desk/", f"/ws/desk/conversations/{cast.conversation_a.id}/"):
            connected, code = await communicator(path, user).connect()
            assert (connected, code) == (False, 4403)

    run(scenario)


@pytest.mark.parametrize("member", ["agent_b", "outsourced"])
def test_other_teams_cannot_watch_a_conversation(cast, member):
    async def scenario():
        path = f"/ws/desk/conversations/{cast.conversation_a.id}/"
        connected, _code = await communicator(path, getattr(cast, member).user).connect()
        assert not connected

    run(scenario)


def test_presence_warns_when_another_agent_views_or_replies(cast):
    async def scenario():
        path = f"/ws/desk/conversations/{cast.conversation_a.id}/"
        first = communicator(path, cast.agent_a.user)
        assert (await first.connect())[0]
        assert await first.receive_nothing()  # alone: no warning
        second = communicator(path, cast.supervisor_a.user)
        assert (await second.connect())[0]
        assert await first.receive_json_from() == {
            "type": "presence",
            "agent": "Supervisor.A",
            "state": "viewing",
        }
        assert await second.receive_json_from() == {
            "type": "presence",
            "agent": "Agent.A",
            "state": "viewing",
        }
        await first.send_json_to({"type": "replying"})
        assert await second.receive_json_from() == {
            "type": "presence",
            "agent": "Agent.A",
            "state": "replying",
        }
        await first.send_json_to({"type": "<script>"})
        await first.send_to(text_data="not json")  # hostile frames are dropped, no crash
        await first.send_to(text_data="[" * 5000)
        await first.send_to(bytes_data=b"\x00\xff")
        assert await second.receive_nothing()
        await database_sync_to_async(do_add_message)(
            cast.conversation_a,
            NewMessage(kind=Message.Kind.INBOUND, author_kind="customer", text="Noch da?"),
        )
        assert (await second.receive_json_from())["event"] == "message_added"
        await second.disconnect()
        await first.disconnect()

    run(scenario)
