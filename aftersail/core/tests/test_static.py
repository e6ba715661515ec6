"""Static files are served in front of Django by the ASGI and WSGI applications."""

import io
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from django.conf import settings

import aftersail

DESK_JS = (Path(aftersail.__file__).parent / "desk" / "static" / "desk" / "desk.js").read_bytes()


async def asgi_get(app, path):
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
        "http_version": "1.1",
    }
    communicator = ApplicationCommunicator(app, scope)
    await communicator.send_input({"type": "http.request", "body": b"", "more_body": False})
    start = await communicator.receive_output(10)
    body = b""
    while True:
        message = await communicator.receive_output(10)
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    return start["status"], dict(start["headers"]), body


def test_the_asgi_application_serves_app_static_files():
    from aftersail.asgi import application  # importing it builds the whole ASGI stack

    get = async_to_sync(asgi_get)
    status, headers, body = get(application, "/static/desk/desk.js")
    assert status == 200 and body == DESK_JS
    assert headers[b"content-type"].startswith(b"text/javascript")
    # A third-party app's files too (the API docs' Swagger UI), with no collectstatic.
    status, _headers, body = get(application, "/static/ninja/swagger-ui-bundle.js")
    assert status == 200 and len(body) > 100_000
    assert get(application, "/static/desk/../../settings.py")[0] == 404


def wsgi_get(app, path):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    body = b"".join(app(environ, start_response))
    return started["status"], started["headers"], body


def test_the_wsgi_application_serves_app_static_files():
    from aftersail.wsgi import application  # importing it builds the whole WSGI stack

    status, _headers, body = wsgi_get(application, "/static/desk/desk.js")
    assert status.startswith("200") and body == DESK_JS
    assert settings.STATIC_URL == "/static/"


@pytest.mark.django_db
def test_django_itself_runs_no_async_only_middleware():
    # An async-only middleware makes every WSGI request cross to async and back.
    from django.utils.module_loading import import_string

    for path in settings.MIDDLEWARE:
        middleware = import_string(path)
        assert getattr(middleware, "sync_capable", True), path
