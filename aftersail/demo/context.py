"""What the demo builders share during one load."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from aftersail.accounts.models import Agent, Team
from aftersail.commerce.models import Product, Store
from aftersail.customers.models import Customer
from aftersail.demo.people import Market


class DemoContext:
    """Shared state of one load: the PRNG, the clock and what was built so far."""

    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.store: Store
        self.teams: dict[str, Team] = {}
        self.agents: list[Agent] = []
        self.agent_teams: dict[int, set[int]] = {}
        self.signature_names: dict[int, dict[str, str]] = {}
        self.customers: list[tuple[Customer, Market]] = []
        self.products: list[Product] = []

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def ago(self, *, days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
        return self.now - timedelta(days=days, hours=hours, minutes=minutes)
