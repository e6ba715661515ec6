"""Live chat in the demo: the store's chat answered by the Europe team, one agent available,
and a sample shop page at ``/chat/demo-shop/`` that carries the widget."""

from __future__ import annotations

from aftersail.accounts.models import Agent, Team
from aftersail.chat.models import AgentPresence, ChatSettings
from aftersail.commerce.models import Store


def load_demo_chat(store: Store, team: Team | None) -> None:
    ChatSettings.objects.get_or_create(store=store, defaults={"team": team})
    agent = Agent.objects.filter(teams=team).order_by("id").first() if team else None
    if agent is not None:
        AgentPresence.objects.get_or_create(agent=agent, defaults={"available": True})
