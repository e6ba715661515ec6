"""Which search documents a searcher may see, as conditions the database checks row by row
(joins, not IN-lists of every visible conversation), so that a search stops as soon as it
has a page of visible hits.

Conversations and messages are visible with their conversation; customers, orders and
shipments (the "entities") when the customer has a visible conversation. The two rules
are also offered apart: a query that reads only one kind of document then carries no OR,
and PostgreSQL can turn the rule into a join or an index lookup per hit instead of first
collecting every visible customer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.db.models import Exists, OuterRef, Q, QuerySet

from aftersail.conversations.models import Conversation
from aftersail.search.models import SearchDocument


@dataclass(frozen=True)
class Visibility:
    """What the searcher may see.

    ``store_ids``: only these stores (None: every store). ``conversations``: a condition
    on a conversation (as from :func:`visible_conversation_q`), None for no restriction;
    customers, orders and shipments are then visible when the customer has a visible
    conversation.
    """

    store_ids: list[int] | None = None
    conversations: Q | None = None


def _in_stores(documents: QuerySet[SearchDocument], who: Visibility) -> QuerySet[SearchDocument]:
    if who.store_ids is not None:
        return documents.filter(store_id__in=who.store_ids)
    return documents


def _conversation_visible(conversations: Q) -> Q:
    """``conversations`` (a condition on a conversation) as one on a document's."""
    prefixed = _prefix(conversations)
    return cast(Q, prefixed)


def _customer_has_visible_conversation(conversations: Q) -> Exists:
    return Exists(Conversation.objects.filter(conversations, customer_id=OuterRef("customer_id")))


def visible_documents(
    documents: QuerySet[SearchDocument], who: Visibility
) -> QuerySet[SearchDocument]:
    """Documents of every kind."""
    documents = _in_stores(documents, who)
    if who.conversations is None:
        return documents
    return documents.filter(
        Q(conversation__isnull=False) & _conversation_visible(who.conversations)
        | Q(conversation__isnull=True) & Q(_customer_has_visible_conversation(who.conversations))
    )


def visible_conversation_documents(
    documents: QuerySet[SearchDocument], who: Visibility
) -> QuerySet[SearchDocument]:
    """Only conversations and messages (documents with a conversation)."""
    rule = Q() if who.conversations is None else _conversation_visible(who.conversations)
    return _in_stores(documents, who).filter(rule, conversation__isnull=False)


def visible_entity_documents(
    documents: QuerySet[SearchDocument], who: Visibility
) -> QuerySet[SearchDocument]:
    """Only customers, orders and shipments (documents without a conversation)."""
    documents = _in_stores(documents, who).filter(conversation__isnull=True)
    if who.conversations is not None:
        documents = documents.filter(_customer_has_visible_conversation(who.conversations))
    return documents


def _prefix(child: object) -> object:
    if isinstance(child, Q):
        return Q(
            *[_prefix(c) for c in child.children],
            _connector=child.connector,
            _negated=child.negated,
        )
    name, value = cast(tuple[str, object], child)
    return (f"conversation__{name}", value)
