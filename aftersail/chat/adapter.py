"""The chat channel adapter: a public reply on a chat conversation reaches the visitor's open
widget at once (and any later visit, which replays the conversation)."""

from __future__ import annotations

from aftersail.chat.live import desk_group, push, widget_group
from aftersail.conversations.models import Channel, Message


class ChatAdapter:
    channel: str = Channel.CHAT

    def send(self, message: Message) -> str:
        push(widget_group(message.conversation_id), {"type": "chat.flush"})
        push(desk_group(message.conversation_id), {"type": "chat.flush"})
        return f"chat-{message.public_id.hex}"
