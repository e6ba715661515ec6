"""WebSocket routes; each app that pushes live updates adds its consumers here.

``websocket_urlpatterns`` run behind the session authentication and the allowed-hosts origin
check; ``public_websocket_urlpatterns`` (the chat widget on shop sites) check their origins
themselves, per store."""

from __future__ import annotations

from typing import Any

from django.urls import path

from aftersail.chat import routing as chat_routing
from aftersail.desk.live import ConversationConsumer, InboxConsumer

websocket_urlpatterns: list[Any] = [
    path("ws/desk/", InboxConsumer.as_asgi()),
    path("ws/desk/conversations/<int:number>/", ConversationConsumer.as_asgi()),
    *chat_routing.websocket_urlpatterns,
]
public_websocket_urlpatterns: list[Any] = [*chat_routing.public_websocket_urlpatterns]
