"""Local HTTP servers that speak DeepL's /v2/translate and LibreTranslate's /translate.

Their "translation" is a small phrase table, so tests can assert exact outcomes; the
request and answer shapes follow the providers' documentation (see providers.py)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PHRASES = {
    ("en", "de"): {
        "Your [[0]] will arrive tomorrow.": "Ihr [[0]] kommt morgen an.",
        "Thank you for your patience.": "Vielen Dank für Ihre Geduld.",
    },
    ("de", "en"): {
        "Mein [[0]] ist kaputt.": "My [[0]] is broken.",
        "Wo ist meine Bestellung? Ich warte seit zwei Wochen.": (
            "Where is my order? I have been waiting for two weeks."
        ),
    },
}


def _translate(text: str, source: str, target: str) -> str:
    return PHRASES.get((source, target), {}).get(text, f"<{target}>{text}")


class _Handler(BaseHTTPRequestHandler):
    server: Any

    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self, status: int, body: Any) -> None:
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        self.server.requests.append((self.path, dict(self.headers), body))
        if self.server.fail_with is not None:
            self._answer(self.server.fail_with, b"oops")
            return
        if self.path == "/v2/translate":
            if self.headers.get("Authorization") != "DeepL-Auth-Key secret-key":
                self._answer(403, {"message": "Wrong endpoint or key"})
                return
            source = body.get("source_lang", "EN").lower()
            target = body["target_lang"].lower().split("-")[0]
            self._answer(
                200,
                {
                    "translations": [
                        {
                            "detected_source_language": source.upper(),
                            "text": _translate(t, source, target),
                        }
                        for t in body["text"]
                    ]
                },
            )
        elif self.path == "/translate":
            source = body["source"] if body["source"] != "auto" else "de"
            self._answer(200, {"translatedText": _translate(body["q"], source, body["target"])})
        else:
            self._answer(404, {"error": "not found"})


@contextmanager
def fake_provider_server() -> Iterator[Any]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.requests = []
    server.fail_with = None
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
