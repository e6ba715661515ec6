"""Show times in the viewer's zone: an agent's profile zone inside the desk."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from aftersail.accounts.access import agent_of


class AgentTimezoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        agent = agent_of(request.user) if request.path.startswith("/desk/") else None
        if agent is not None:
            timezone.activate(zoneinfo.ZoneInfo(agent.time_zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
