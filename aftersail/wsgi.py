"""WSGI entry point, for hosts without ASGI (no live updates there)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")

application = get_wsgi_application()
