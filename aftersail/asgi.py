"""ASGI entry point: HTTP through Django, WebSockets through Django Channels."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")

from django.core.asgi import get_asgi_application

# Django must be set up before anything imports models.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import re_path  # noqa: E402

from aftersail.core.static import with_static_files_asgi  # noqa: E402
from aftersail.routing import public_websocket_urlpatterns, websocket_urlpatterns  # noqa: E402

desk_websockets = AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
application = ProtocolTypeRouter(
    {
        "http": with_static_files_asgi(django_asgi_app),
        "websocket": URLRouter([*public_websocket_urlpatterns, re_path(r"", desk_websockets)]),
    }
)
