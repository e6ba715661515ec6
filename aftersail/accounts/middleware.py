"""Inside the desk, speak the agent's language and show times in the agent's zone, as set in
their profile (``Agent.display_language``, ``Agent.time_zone``), whatever the browser asks
for; everywhere else the visitor's browser decides (LocaleMiddleware)."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from aftersail.accounts.access import agent_of


class AgentLocaleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        agent = agent_of(request.user) if request.path.startswith("/desk/") else None
        if agent is not None:
            timezone.activate(zoneinfo.ZoneInfo(agent.time_zone))
            language = (agent.display_language or "").split("-")[0].lower()
            if language in self.languages:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
