"""A local HTTP server speaking the documented DHL Unified tracking API
(https://developer.dhl.com/api-reference/shipment-tracking, ``GET /track/shipments`` with
the ``DHL-API-Key`` header), for the polling tests of any app."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

KEY = "dhl-key-123"


class FakeDhl(ThreadingHTTPServer):
    answers: dict[str, tuple[int, bytes]]
    requests: list[tuple[str, str]]


class Handler(BaseHTTPRequestHandler):
    server: FakeDhl

    def do_GET(self) -> None:
        url = urlparse(self.path)
        number = parse_qs(url.query).get("trackingNumber", [""])[0]
        self.server.requests.append((url.path, number))
        if self.headers.get("DHL-API-Key") != KEY:
            status, body = 401, b'{"status": 401, "title": "Unauthorized"}'
        elif url.path != "/track/shipments":
            status, body = 404, b"{}"
        else:
            status, body = self.server.answers.get(
                number, (404, b'{"status": 404, "title": "No result found"}')
            )
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def running() -> Iterator[FakeDhl]:
    """The server on a free loopback port, answering from ``server.answers`` (tracking
    number -> (status, body)) and noting ``server.requests``."""
    server = FakeDhl(("127.0.0.1", 0), Handler)
    server.answers, server.requests = {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def base_url(server: FakeDhl) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}"
