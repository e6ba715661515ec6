"""How the API knows who is calling. Every operation resolves to an agent profile."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import SessionAuth

from aftersail.accounts.access import agent_of
from aftersail.accounts.models import Agent


class AgentSession(SessionAuth):
    """The desk's session cookie (CSRF-checked on writes), for agents only."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Agent | None:
        return agent_of(request.user)


def calling_agent(request: HttpRequest) -> Agent:
    agent: Any = request.auth  # type: ignore[attr-defined]
    if not isinstance(agent, Agent):
        raise HttpError(401, "Not authenticated")
    return agent


def require_admin(request: HttpRequest) -> Agent:
    agent = calling_agent(request)
    if not agent.is_admin:
        raise HttpError(403, "This operation is for administrators")
    return agent
