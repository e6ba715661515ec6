"""Who may see which conversation, and so which customers and orders: one rule, used by
desk pages, the API, search, WebSockets, reports and exports.

An agent sees the conversations of their teams and any conversation assigned to them
personally; an administrator sees everything. An API key sees its store's conversations,
or only its teams' when it is bound to teams. Customers and orders are visible with a
visible conversation of the customer, except to those who see whole stores.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent
from aftersail.commerce.models import Order
from aftersail.conversations.models import Conversation
from aftersail.customers.models import Customer


def visible_conversations(agent: Agent) -> QuerySet[Conversation]:
    """Admins see everything; agents and supervisors see their teams' conversations and any
    conversation assigned to them personally."""
    conversations = Conversation.objects.all()
    if agent.is_admin:
        return conversations
    return conversations.filter(visible_conversation_q(agent))


def can_see_conversation(agent: Agent, conversation: Conversation) -> bool:
    if agent.is_admin or conversation.assignee_id == agent.id:
        return True
    return conversation.team_id is not None and agent.teams.filter(id=conversation.team_id).exists()


def visible_conversation_q(agent: Agent, prefix: str = "") -> Q:
    """:func:`visible_conversations` as a condition on a relation (``prefix``, e.g.
    ``"conversation__"``), for queries that reach conversations through a join and must
    stop after a page (search). Always ``Q()`` for admins."""
    if agent.is_admin:
        return Q()
    return Q(**{f"{prefix}team__in": agent.teams.values("id")}) | Q(**{f"{prefix}assignee": agent})


def sees_whole_stores(actor: Actor) -> bool:
    """Admins, store-wide API keys and the desk itself see every customer of their stores,
    with or without a conversation."""
    if actor.agent is not None:
        return actor.agent.is_admin
    if actor.grant is not None:
        return actor.grant.is_store_wide
    return actor.is_trusted


def conversations_visible_to(actor: Actor) -> QuerySet[Conversation]:
    if actor.agent is not None:
        return visible_conversations(actor.agent)
    conversations = Conversation.objects.all()
    if actor.grant is not None:
        conversations = conversations.filter(store_id=actor.grant.store_id)
        if actor.grant.team_ids is not None:
            conversations = conversations.filter(team_id__in=sorted(actor.grant.team_ids))
        return conversations
    return conversations if actor.is_trusted else conversations.none()


def customers_visible_to(actor: Actor) -> QuerySet[Customer]:
    customers = Customer.objects.all()
    if actor.grant is not None:
        customers = customers.filter(store_id=actor.grant.store_id)
    if sees_whole_stores(actor):
        return customers
    return customers.filter(id__in=conversations_visible_to(actor).values("customer_id"))


def visible_customers(agent: Agent) -> QuerySet[Customer]:
    """Customers an agent may see: those with a conversation the agent may see (admins:
    every customer)."""
    return customers_visible_to(Actor.of_agent(agent))


def orders_visible_to(actor: Actor) -> QuerySet[Order]:
    orders = Order.objects.all()
    if actor.grant is not None:
        orders = orders.filter(store_id=actor.grant.store_id)
    if sees_whole_stores(actor):
        return orders
    return orders.filter(customer_id__in=conversations_visible_to(actor).values("customer_id"))
