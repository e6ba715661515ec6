"""WebSocket routes; each app that pushes live updates adds its consumers here.

``websocket_urlpatterns`` run behind the session authentication and the allowed-hosts origin
check; ``public_websocket_urlpatterns`` (the chat widget on shop sites) check their origins
themselves, per store."""

from __future__ import annotations

from typing import Any

from aftersail.chat import routing as chat_routing

websocket_urlpatterns: list[Any] = [*chat_routing.websocket_urlpatterns]
public_websocket_urlpatterns: list[Any] = [*chat_routing.public_websocket_urlpatterns]
