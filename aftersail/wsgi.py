"""WSGI entry point, for hosts without ASGI (no live updates there)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")

application = get_wsgi_application()

from aftersail.core.static import with_static_files_wsgi  # noqa: E402

application = with_static_files_wsgi(application)
