"""How the API knows who is calling: an agent (the desk's session) or an API key.

Either way the operation gets a :class:`Caller`, which answers what it may see and do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from aftersail.accounts.access import agent_of
from aftersail.accounts.actors import Actor, KeyGrant
from aftersail.accounts.models import Agent
from aftersail.api.keys import key_for_token
from aftersail.api.models import ApiKey
from aftersail.commerce.models import Order, Store
from aftersail.conversations.models import Conversation
from aftersail.conversations.selectors import (
    conversations_visible_to,
    customers_visible_to,
    orders_visible_to,
    sees_whole_stores,
)
from aftersail.customers.models import Customer


class AgentSession(SessionAuth):
    """The desk's session cookie (CSRF-checked on writes), for agents only."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Agent | None:
        return agent_of(request.user)


class ApiKeyBearer(HttpBearer):
    """``Authorization: Bearer as_...``; revoked and unknown tokens are refused (401)."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        return key_for_token(token)


@dataclass(frozen=True)
class Caller:
    agent: Agent | None = None
    key: ApiKey | None = None

    @cached_property
    def actor(self) -> Actor:
        """Who the actions see: the agent, or the key with what it may reach."""
        if self.agent is not None:
            return Actor.of_agent(self.agent)
        key = self._key()
        team_ids = frozenset(key.teams.values_list("id", flat=True))
        return Actor.api(KeyGrant(key.id, key.store_id, team_ids or None))

    def require(self, scope: str) -> None:
        """Agents act through their role; keys only within their scopes."""
        if self.key is not None and not self.key.has_scope(scope):
            raise HttpError(403, f"This API key lacks the scope {scope!r}")

    def _key(self) -> ApiKey:
        if self.key is None:
            raise HttpError(401, "Not authenticated")
        return self.key

    @property
    def sees_whole_stores(self) -> bool:
        """Admins see every store; a key without teams sees its whole store."""
        return sees_whole_stores(self.actor)

    def require_store_wide(self, what: str) -> None:
        if not self.sees_whole_stores:
            raise HttpError(403, f"Only administrators and store-wide API keys may {what}")

    def stores(self) -> QuerySet[Store]:
        if self.key is not None:
            return Store.objects.filter(id=self.key.store_id)
        return Store.objects.all() if self.sees_whole_stores else Store.objects.none()

    def conversations(self) -> QuerySet[Conversation]:
        return conversations_visible_to(self.actor)

    def customers(self) -> QuerySet[Customer]:
        """Store-wide callers see every customer of their stores; others the customers of
        the conversations they may see."""
        return customers_visible_to(self.actor)

    def orders(self) -> QuerySet[Order]:
        return orders_visible_to(self.actor)


def caller(request: HttpRequest) -> Caller:
    auth: Any = request.auth  # type: ignore[attr-defined]
    if isinstance(auth, ApiKey):
        return Caller(key=auth)
    if isinstance(auth, Agent):
        return Caller(agent=auth)
    raise HttpError(401, "Not authenticated")


def calling_agent(request: HttpRequest) -> Agent:
    agent: Any = request.auth  # type: ignore[attr-defined]
    if isinstance(agent, ApiKey):
        raise HttpError(403, "This operation needs an agent's login, not an API key")
    if not isinstance(agent, Agent):
        raise HttpError(401, "Not authenticated")
    return agent


def require_admin(request: HttpRequest) -> Agent:
    agent = calling_agent(request)
    if not agent.is_admin:
        raise HttpError(403, "This operation is for administrators")
    return agent
