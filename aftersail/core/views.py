from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from aftersail import __version__
from aftersail.core.health import collect_health


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, report = collect_health()
    body = {"status": "ok" if healthy else "error", "version": __version__, "checks": report}
    return JsonResponse(body, status=200 if healthy else 503)
