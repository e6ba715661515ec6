"""Who causes a change: a customer, an agent, an API key, or the system itself.

Every action takes an :class:`Actor` and decides by it what is allowed, so the desk, the
API, WebSockets, tasks and the assistant all get the same rules. Timelines record it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from aftersail.accounts.models import Agent


class ActorKind(models.TextChoices):
    CUSTOMER = "customer", "Customer"
    AGENT = "agent", "Agent"
    SYSTEM = "system", "System"  # the desk itself: the pipeline, periodic tasks, reactions
    API = "api", "API"  # an integration calling with an API key


@dataclass(frozen=True)
class KeyGrant:
    """What an API key reaches: one store, and within it only ``team_ids`` (None: every
    conversation of the store)."""

    key_id: int
    store_id: int
    team_ids: frozenset[int] | None = None

    @property
    def is_store_wide(self) -> bool:
        return self.team_ids is None


@dataclass(frozen=True)
class Actor:
    kind: str
    agent: Agent | None = None
    grant: KeyGrant | None = None

    @classmethod
    def system(cls) -> Actor:
        return cls(ActorKind.SYSTEM)

    @classmethod
    def customer(cls) -> Actor:
        return cls(ActorKind.CUSTOMER)

    @classmethod
    def api(cls, grant: KeyGrant) -> Actor:
        return cls(ActorKind.API, grant=grant)

    @classmethod
    def of_agent(cls, agent: Agent) -> Actor:
        return cls(ActorKind.AGENT, agent)

    @property
    def is_trusted(self) -> bool:
        """The desk's own code (pipeline, tasks) and the customer's verified session act
        without the team rules that bind agents and API keys."""
        return self.kind in (ActorKind.SYSTEM, ActorKind.CUSTOMER)
