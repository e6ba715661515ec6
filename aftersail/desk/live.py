"""Live updates for the desk over WebSockets (Django Channels).

Groups: ``desk-agent-<id>``, ``desk-team-<id>``, ``desk-all`` (admins) for inbox pages;
``desk-conversation-<id>`` for a conversation page, which also carries presence (who else
is viewing or writing a reply). Publishing happens in :mod:`aftersail.desk.publish`.
"""

from __future__ import annotations

import json
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from aftersail.accounts.access import agent_of
from aftersail.accounts.models import Agent
from aftersail.conversations.models import Conversation
from aftersail.conversations.selectors import can_see_conversation


def agent_group(agent_id: int) -> str:
    return f"desk-agent-{agent_id}"


def team_group(team_id: int) -> str:
    return f"desk-team-{team_id}"


def conversation_group(conversation_id: int) -> str:
    return f"desk-conversation-{conversation_id}"


ADMIN_GROUP = "desk-all"


@database_sync_to_async
def _agent_and_groups(user: Any) -> tuple[Agent | None, list[str]]:
    agent = agent_of(user)
    if agent is None:
        return None, []
    groups = [agent_group(agent.id)]
    groups += [team_group(team_id) for team_id in agent.teams.values_list("id", flat=True)]
    if agent.is_admin:
        groups.append(ADMIN_GROUP)
    return agent, groups


@database_sync_to_async
def _may_see(agent: Agent, conversation_id: int) -> bool:
    conversation = Conversation.objects.filter(id=conversation_id).first()
    return conversation is not None and can_see_conversation(agent, conversation)


class DeskConsumer(AsyncJsonWebsocketConsumer):
    """Frames from browsers are untrusted: anything that is not a small JSON object is
    dropped instead of closing the socket with an exception."""

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any
    ) -> None:
        if text_data:  # binary frames have no meaning here
            await self.receive_json(await self.decode_json(text_data), **kwargs)

    @classmethod
    async def decode_json(cls, text_data: str) -> Any:
        if len(text_data) > 2000:
            return None
        try:
            return json.loads(text_data)
        except ValueError:
            return None


class InboxConsumer(DeskConsumer):
    """Tells an open inbox page that something changed in one of its queues."""

    groups_joined: list[str]

    async def connect(self) -> None:
        agent, self.groups_joined = await _agent_and_groups(self.scope.get("user"))
        if agent is None:
            await self.close(code=4403)
            return
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def conversation_changed(self, event: dict[str, Any]) -> None:
        await self.send_json({k: v for k, v in event.items() if k != "sender"})

    async def mention(self, event: dict[str, Any]) -> None:
        await self.send_json(event)


class ConversationConsumer(DeskConsumer):
    """Live thread updates and presence for one conversation page."""

    group = ""
    agent_name = ""

    async def connect(self) -> None:
        agent, _groups = await _agent_and_groups(self.scope.get("user"))
        conversation_id = int(self.scope["url_route"]["kwargs"]["number"])
        if agent is None or not await _may_see(agent, conversation_id):
            await self.close(code=4403)
            return
        self.group = conversation_group(conversation_id)
        self.agent_name = await database_sync_to_async(lambda: agent.name)()
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self._presence("viewing")

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self._presence("left")
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "replying":
            await self._presence("replying")

    async def _presence(self, state: str) -> None:
        await self.channel_layer.group_send(
            self.group,
            {
                "type": "presence",
                "agent": self.agent_name,
                "state": state,
                "sender": self.channel_name,
            },
        )

    async def presence(self, event: dict[str, Any]) -> None:
        if event.get("sender") == self.channel_name:
            return
        await self.send_json({k: v for k, v in event.items() if k not in ("sender", "echo")})
        if event["state"] == "viewing" and not event.get("echo"):
            # Tell the newcomer that we are here too (once, without echoing back).
            await self.channel_layer.send(
                event["sender"],
                {
                    "type": "presence",
                    "agent": self.agent_name,
                    "state": "viewing",
                    "sender": self.channel_name,
                    "echo": True,
                },
            )

    async def conversation_changed(self, event: dict[str, Any]) -> None:
        await self.send_json({k: v for k, v in event.items() if k != "sender"})
