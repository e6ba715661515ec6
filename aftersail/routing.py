"""WebSocket routes; each app that pushes live updates adds its consumers here."""

from __future__ import annotations

from typing import Any

from django.urls import path

from aftersail.desk.live import ConversationConsumer, InboxConsumer

websocket_urlpatterns: list[Any] = [
    path("ws/desk/", InboxConsumer.as_asgi()),
    path("ws/desk/conversations/<int:number>/", ConversationConsumer.as_asgi()),
]
