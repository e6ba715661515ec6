"""WebSocket consumers: the visitor's widget and the agent watching a chat conversation.

Every frame is untrusted: size-capped, parsed defensively, answered with an ``error`` event
rather than an exception, so one bad frame never drops the connection or the server.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from aftersail.accounts.access import agent_of
from aftersail.chat import services
from aftersail.chat.live import desk_group, push, widget_group
from aftersail.chat.models import ChatSession
from aftersail.chat.sessions import (
    check_origin,
    do_start_session,
    session_language,
    session_token,
)
from aftersail.chat.strings import widget_strings
from aftersail.chat.transcript import do_send_transcript
from aftersail.commerce.models import Store
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Conversation, Message
from aftersail.conversations.selectors import can_see_conversation
from aftersail.core import ratelimit

log = logging.getLogger(__name__)
MAX_FRAME = 16_384
CONNECTS_PER_MINUTE = 30  # per address
TYPING_PER_MINUTE = 60
CLOSE_FORBIDDEN = 4403


def _headers(scope: dict[str, Any]) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


class JsonFrames(AsyncWebsocketConsumer):
    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if text_data is None or len(text_data) > MAX_FRAME:
            await self.send_event({"type": "error", "code": "bad_frame"})
            return
        try:
            frame = json.loads(text_data)
        except ValueError:
            frame = None
        if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
            await self.send_event({"type": "error", "code": "bad_frame"})
            return
        try:
            await self.handle(frame)
        except services.ChatError as error:
            await self.send_event({"type": "error", "code": error.code})
        except Exception:
            log.exception("chat frame %r failed", frame.get("type"))
            await self.send_event({"type": "error", "code": "server_error"})

    async def handle(self, frame: dict[str, Any]) -> None:
        raise NotImplementedError

    async def send_event(self, event: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(event, ensure_ascii=False))


class WidgetConsumer(JsonFrames):
    """``/ws/chat/<store>/``: one visitor's chat."""

    session: ChatSession | None = None
    conversation_id: int | None = None
    last_id = 0

    async def connect(self) -> None:
        headers = _headers(self.scope)
        client = self.scope.get("client") or ("unknown", 0)
        allowed = ratelimit.hit("chat-connect", str(client[0]), limit=CONNECTS_PER_MINUTE,
                                window_seconds=60)  # fmt: skip
        slug = self.scope["url_route"]["kwargs"]["store"]
        self.store = await database_sync_to_async(Store.objects.filter(slug=slug).first)()
        if not allowed or self.store is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        origin_ok = await database_sync_to_async(check_origin)(
            self.store, headers.get("origin", "")
        )
        if not origin_ok:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.origin = headers.get("origin", "")
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.conversation_id is not None:
            await self.channel_layer.group_discard(
                widget_group(self.conversation_id), self.channel_name
            )
            push_typing = {"type": "chat.typing", "who": "customer", "active": False}
            await self.channel_layer.group_send(desk_group(self.conversation_id), push_typing)

    async def handle(self, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        if kind == "start":
            await self.start(frame)
            return
        if self.session is None:
            await self.send_event({"type": "error", "code": "not_started"})
            return
        if kind == "message":
            await self.customer_message(frame)
        elif kind == "typing":
            await self.typing(frame)
        elif kind == "email":
            await database_sync_to_async(services.do_leave_email)(
                self.session, str(frame.get("address", ""))[:300]
            )
            await self.after_change()
        elif kind == "transcript":
            address = await database_sync_to_async(do_send_transcript)(self.session)
            await self.send_event({"type": "transcript_sent", "to": address})
        elif kind == "ping":
            await self.flush()
            await self.send_event({"type": "pong"})
        else:
            await self.send_event({"type": "error", "code": "unknown_type"})

    async def start(self, frame: dict[str, Any]) -> None:
        session, resumed = await database_sync_to_async(do_start_session)(
            self.store, token=frame.get("token"), language=frame.get("language"),
            time_zone=frame.get("time_zone"), origin=self.origin,
        )  # fmt: skip
        self.session = session
        language = await database_sync_to_async(session_language)(session)
        history: list[dict[str, Any]] = []
        if session.conversation_id:
            await self.join(session.conversation_id)
            wires = await database_sync_to_async(services.wire_messages)(session.conversation_id)
            history = [wire.payload for wire in wires]
            self.last_id = max((wire.id for wire in wires), default=0)
        await self.send_event({
            "type": "session", "token": session_token(session), "resumed": resumed,
            "language": language, "state": session.state, "strings": widget_strings(language),
            "history": history,
        })  # fmt: skip

    async def join(self, conversation_id: int) -> None:
        if self.conversation_id != conversation_id:
            self.conversation_id = conversation_id
            await self.channel_layer.group_add(widget_group(conversation_id), self.channel_name)

    async def customer_message(self, frame: dict[str, Any]) -> None:
        if self.session is None:
            return
        text, client_id = frame.get("text"), frame.get("id")
        if not isinstance(text, str) or not isinstance(client_id, str) or not client_id:
            await self.send_event({"type": "error", "code": "bad_frame"})
            return
        await database_sync_to_async(services.check_message_allowed)(self.session)
        message = await database_sync_to_async(services.do_customer_message)(
            self.session, text, client_id
        )
        await self.send_event({"type": "ack", "id": client_id})
        if message is None:
            return
        await self.join(message.conversation_id)
        self.last_id = max(self.last_id, message.id)
        await self.channel_layer.group_send(
            desk_group(message.conversation_id), {"type": "chat.flush"}
        )
        await database_sync_to_async(services.do_respond)(self.session, message)
        await self.after_change()

    async def after_change(self) -> None:
        if self.session is None:
            return
        await database_sync_to_async(self.session.refresh_from_db)(fields=["state", "conversation"])
        if self.session.conversation_id:
            await self.join(self.session.conversation_id)
        await self.send_event({"type": "state", "state": self.session.state})
        await self.flush()

    async def typing(self, frame: dict[str, Any]) -> None:
        if self.conversation_id is None:
            return
        if not ratelimit.hit("chat-typing", self.channel_name, limit=TYPING_PER_MINUTE,
                             window_seconds=60):  # fmt: skip
            return
        await self.channel_layer.group_send(
            desk_group(self.conversation_id),
            {"type": "chat.typing", "who": "customer", "active": bool(frame.get("active", True))},
        )

    async def flush(self) -> None:
        if self.conversation_id is None:
            return
        wires = await database_sync_to_async(services.wire_messages)(
            self.conversation_id, self.last_id, replies_only=True
        )
        for wire in wires:
            self.last_id = max(self.last_id, wire.id)
            await self.send_event({"type": "message", **wire.payload})

    async def chat_flush(self, event: dict[str, Any]) -> None:
        await self.flush()

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event.get("who") == "agent":
            await self.send_event({"type": "typing", "active": bool(event.get("active"))})


class DeskChatConsumer(JsonFrames):
    """``/ws/desk/chat/<conversation>/``: an agent sees the visitor's messages and typing live,
    shows their own typing, and may reply from the chat box."""

    last_id = 0

    async def connect(self) -> None:
        self.number = int(self.scope["url_route"]["kwargs"]["number"])
        self.agent, self.conversation = await database_sync_to_async(self._authorize)()
        if self.agent is None or self.conversation is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.channel_layer.group_add(desk_group(self.number), self.channel_name)
        await self.accept()
        wires = await database_sync_to_async(services.wire_messages)(self.number, 0)
        self.last_id = max((wire.id for wire in wires), default=0)

    def _authorize(self) -> tuple[Any, Conversation | None]:
        agent = agent_of(self.scope.get("user"))
        if agent is None:
            return None, None
        conversation = Conversation.objects.filter(id=self.number).first()
        if conversation is None or not can_see_conversation(agent, conversation):
            return agent, None
        return agent, conversation

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(desk_group(self.number), self.channel_name)

    async def handle(self, frame: dict[str, Any]) -> None:
        if frame["type"] == "typing":
            event = {
                "type": "chat.typing",
                "who": "agent",
                "active": bool(frame.get("active", True)),
            }
            await self.channel_layer.group_send(widget_group(self.number), event)
        elif frame["type"] == "reply":
            text = frame.get("text")
            if not isinstance(text, str) or not text.strip() or len(text) > services.MAX_TEXT:
                await self.send_event({"type": "error", "code": "bad_frame"})
                return
            await database_sync_to_async(self._reply)(text)
            await self.flush()
        else:
            await self.send_event({"type": "error", "code": "unknown_type"})

    def _reply(self, text: str) -> None:
        conversation = Conversation.objects.get(id=self.number)
        do_add_message(
            conversation,
            NewMessage(kind=Message.Kind.REPLY, author_kind=Message.AuthorKind.AGENT,
                       author_agent=self.agent, text=text),
        )  # fmt: skip

    async def flush(self) -> None:
        wires = await database_sync_to_async(services.wire_messages)(self.number, self.last_id)
        for wire in wires:
            self.last_id = max(self.last_id, wire.id)
            await self.send_event({"type": "message", **wire.payload})

    async def chat_flush(self, event: dict[str, Any]) -> None:
        await self.flush()

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event.get("who") == "customer":
            await self.send_event({"type": "typing", "active": bool(event.get("active"))})


__all__ = ["DeskChatConsumer", "WidgetConsumer", "push"]
