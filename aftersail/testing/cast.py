"""The fixed cast every permission test uses.

Two in-house teams (A in Berlin, B in New York) and one outsourced team, each with one
conversation; an admin, a supervisor and an agent of team A, an agent of team B, an
outsourced agent, and a customer with a portal login.
"""

from __future__ import annotations

from dataclasses import dataclass

from aftersail.accounts.models import Agent, Team, User
from aftersail.commerce.models import Store
from aftersail.conversations.models import Conversation
from aftersail.customers.models import Customer
from aftersail.testing import factories as f


@dataclass
class Cast:
    store: Store
    team_a: Team
    team_b: Team
    team_out: Team
    admin: Agent
    supervisor_a: Agent
    agent_a: Agent
    agent_b: Agent
    outsourced: Agent
    customer: Customer
    customer_user: User
    conversation_a: Conversation
    conversation_b: Conversation
    conversation_out: Conversation

    @property
    def conversations(self) -> list[Conversation]:
        return [self.conversation_a, self.conversation_b, self.conversation_out]


def build_cast() -> Cast:
    store = f.make_store(name="Cast Outdoor", slug="cast")
    team_a = f.make_team("Team A", time_zone="Europe/Berlin", languages=("de", "en"))
    team_b = f.make_team("Team B", time_zone="America/New_York", languages=("en", "es"))
    team_out = f.make_team(
        "Team Outsourced", kind=Team.Kind.OUTSOURCED, time_zone="Asia/Manila", languages=("en",)
    )
    admin = f.make_agent("admin@cast.example", role=Agent.Role.ADMIN, teams=(team_a,))
    supervisor_a = f.make_agent(
        "supervisor.a@cast.example", role=Agent.Role.SUPERVISOR, teams=(team_a,)
    )
    agent_a = f.make_agent(
        "agent.a@cast.example", teams=(team_a,), languages=("de", "en"), time_zone="Europe/Berlin"
    )
    agent_b = f.make_agent("agent.b@cast.example", teams=(team_b,), time_zone="America/New_York")
    outsourced = f.make_agent("outsourced@cast.example", teams=(team_out,), time_zone="Asia/Manila")
    customer_user = f.make_user("customer@mail.example", full_name="Clara Kunde")
    customer = f.make_customer(
        store, name="Clara Kunde", email="customer@mail.example", language="de", user=customer_user
    )
    other = f.make_customer(
        store, name="Oscar Other", language="en", country="US", time_zone="America/Chicago"
    )
    conversation_a = f.make_conversation(
        customer, team=team_a, subject="Paket fehlt", text="Wo ist mein Paket?", language="de"
    )
    conversation_b = f.make_conversation(other, team=team_b, subject="Refund please")
    conversation_out = f.make_conversation(other, team=team_out, subject="Invoice copy")
    return Cast(
        store,
        team_a,
        team_b,
        team_out,
        admin,
        supervisor_a,
        agent_a,
        agent_b,
        outsourced,
        customer,
        customer_user,
        conversation_a,
        conversation_b,
        conversation_out,
    )
