"""A WebSocket client for ASGI apps in tests, without a server (``channels.testing`` would
pull in daphne and Twisted for its live-server helpers, which Aftersail does not use)."""

from __future__ import annotations

import json
from typing import Any

from asgiref.testing import ApplicationCommunicator


class WebsocketClient(ApplicationCommunicator):  # type: ignore[misc]
    def __init__(self, app: Any, path: str, headers: list[tuple[bytes, bytes]] | None = None,
                 client: tuple[str, int] = ("127.0.0.1", 50000)) -> None:  # fmt: skip
        scope = {
            "type": "websocket",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "headers": headers or [],
            "subprotocols": [],
            "client": client,
        }
        super().__init__(app, scope)

    async def connect(self, timeout: float = 10) -> tuple[bool, int | None]:
        """(accepted, close code)."""
        await self.send_input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        if response["type"] == "websocket.close":
            return False, response.get("code", 1000)
        return True, response.get("subprotocol")

    async def send_to(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        frame: dict[str, Any] = {"type": "websocket.receive"}
        if text_data is not None:
            frame["text"] = text_data
        if bytes_data is not None:
            frame["bytes"] = bytes_data
        await self.send_input(frame)

    async def send_json_to(self, data: Any) -> None:
        await self.send_to(text_data=json.dumps(data))

    async def receive_json_from(self, timeout: float = 10) -> Any:
        response = await self.receive_output(timeout)
        if response["type"] != "websocket.send" or response.get("text") is None:
            raise AssertionError(f"expected a text frame, got {response!r}")
        return json.loads(response["text"])

    async def receive_output_event(self, timeout: float = 10) -> dict[str, Any]:
        result: dict[str, Any] = await self.receive_output(timeout)
        return result

    async def disconnect(self, code: int = 1000, timeout: float = 10) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)
