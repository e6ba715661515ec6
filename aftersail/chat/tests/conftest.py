from __future__ import annotations

from typing import Any

import pytest
from channels.routing import URLRouter

from aftersail.chat import assistant_bridge
from aftersail.chat.models import ChatSettings
from aftersail.chat.routing import public_websocket_urlpatterns, websocket_urlpatterns
from aftersail.testing.cast import Cast, build_cast

SHOP = "https://shop.cast.example"


@pytest.fixture
def live_cast(transactional_db: None) -> Cast:
    """The cast, committed (WebSocket consumers read it from other threads), with the chat of
    its store allowed on the test shop's origin and answered by team A."""
    cast = build_cast()
    ChatSettings.objects.create(store=cast.store, allowed_origins=[SHOP], team=cast.team_a)
    return cast


widget_app = URLRouter(public_websocket_urlpatterns)


def desk_app(user: Any) -> Any:
    inner = URLRouter(websocket_urlpatterns)

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> Any:
        return await inner({**scope, "user": user}, receive, send)

    return app


@pytest.fixture(autouse=True)
def _no_real_assistant(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chat tests fix the assistant's part themselves (see ``fake_assistant``); without it,
    nobody answers before a person."""
    monkeypatch.setattr(assistant_bridge, "ASSISTANT", None)
