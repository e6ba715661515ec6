"""Static files served in front of Django, not as a middleware.

servestatic's Django middleware is async-only: under WSGI (and Django's test client) every
request then crosses from sync to async and back, about 8 ms of a desk page. Wrapping the
ASGI and WSGI applications instead keeps Django's middleware chain synchronous, and static
files never reach Django at all. Files come from the staticfiles finders (every app's
``static/`` folder), so no ``collectstatic`` step is needed before ``aftersail serve``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from servestatic import ServeStatic, ServeStaticASGI  # type: ignore[import-untyped]


def _add_finder_folders(server: Any) -> Any:
    folders = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            prefix = (getattr(storage, "prefix", None) or "").strip("/")
            url = settings.STATIC_URL + (f"{prefix}/" if prefix else "")
            folders.append((storage.location, url))
    # Django's finders serve the first match; a later add_files() call overwrites an
    # earlier one, so the first folder is added last.
    for location, prefix in reversed(folders):
        server.add_files(location, prefix=prefix)
    return server


def _options() -> dict[str, Any]:
    return {"autorefresh": settings.DEBUG, "max_age": 0 if settings.DEBUG else 60}


def with_static_files_asgi(application: Any) -> ServeStaticASGI:
    return _add_finder_folders(ServeStaticASGI(application, **_options()))


def with_static_files_wsgi(application: Any) -> ServeStatic:
    return _add_finder_folders(ServeStatic(application, **_options()))
