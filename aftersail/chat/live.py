"""Pushing to open WebSockets: the visitor's widget and the agents watching a chat.

Group names by conversation id; a push is best effort (the widget also catches up from the
database when it reconnects), so a missing channel layer never fails a delivery."""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

log = logging.getLogger(__name__)


def widget_group(conversation_id: int) -> str:
    return f"chat.widget.{conversation_id}"


def desk_group(conversation_id: int) -> str:
    return f"chat.desk.{conversation_id}"


def push(group: str, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:
        log.warning("could not push %s to %s", event.get("type"), group, exc_info=True)
