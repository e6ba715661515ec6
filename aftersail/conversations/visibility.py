"""Who may see which conversation: one rule, used by pages, search, API and exports."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from aftersail.accounts.models import Agent
from aftersail.conversations.models import Conversation


def visible_conversations(agent: Agent) -> QuerySet[Conversation]:
    """Admins see everything; agents and supervisors see their teams' conversations and any
    conversation assigned to them personally."""
    conversations = Conversation.objects.all()
    if agent.is_admin:
        return conversations
    return conversations.filter(Q(team__in=agent.teams.values("id")) | Q(assignee=agent))


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
