"""What the chat app registers at start: its channel adapter (replies on the chat)."""

from aftersail.chat.adapter import ChatAdapter
from aftersail.messaging.registry import register_adapter

register_adapter(ChatAdapter())
