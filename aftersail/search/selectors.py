"""Search for other apps: everything an agent or an API key may see, by the one visibility
rule (``conversations.selectors``)."""

from __future__ import annotations

from django.db.models import Q

from aftersail.accounts.actors import Actor
from aftersail.conversations.selectors import visible_conversation_q
from aftersail.search.models import SearchDocument
from aftersail.search.services import MAX_QUERY_LENGTH, Visibility, excerpt, search, terms_of

__all__ = [
    "MAX_QUERY_LENGTH",
    "Visibility",
    "excerpt",
    "search",
    "search_for",
    "terms_of",
    "visibility_for",
]


def visibility_for(actor: Actor) -> Visibility:
    """What ``actor`` may find: admins everything; agents their conversations and the
    customers, orders and shipments of those; keys their store, or their teams within it."""
    if actor.agent is not None:
        if actor.agent.is_admin:
            return Visibility()
        return Visibility(conversations=visible_conversation_q(actor.agent))
    grant = actor.grant
    if grant is None:
        return Visibility() if actor.is_trusted else Visibility(store_ids=[])
    if grant.team_ids is None:
        return Visibility(store_ids=[grant.store_id])
    return Visibility(store_ids=[grant.store_id], conversations=Q(team__in=sorted(grant.team_ids)))


def search_for(actor: Actor, query: str, *, limit: int = 50) -> list[SearchDocument]:
    return search(query, visibility_for(actor), limit=limit)
