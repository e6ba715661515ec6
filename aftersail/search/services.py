"""One search over conversations, messages, customers, orders and shipments, on SQLite
(FTS5) and PostgreSQL (tsvector), that shows each caller only what they may see."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from aftersail.commerce.models import Order
from aftersail.conversations.models import Conversation
from aftersail.customers.models import CustomerIdentity
from aftersail.search.models import DocumentKind, SearchDocument
from aftersail.shipping.models import Shipment

MAX_TERMS = 8
MAX_TERM_LENGTH = 64
MAX_QUERY_LENGTH = 200
_WORDS = re.compile(r"\w+")


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


def terms_of(query: str) -> list[str]:
    words = _WORDS.findall(query[:MAX_QUERY_LENGTH].lower())
    return [w[:MAX_TERM_LENGTH] for w in words][:MAX_TERMS]


def _full_text(documents: QuerySet[SearchDocument], terms: list[str], phrase: bool) -> QuerySet:
    """Every term must occur, as a word or the start of one; the terms of one identifier
    ('anna@mail.example', 'NL-10023') must occur in a row. Newest first."""
    if connection.vendor == "postgresql":
        tsquery = (" <-> " if phrase else " & ").join(
            f"'{t}'" if phrase and i < len(terms) - 1 else f"'{t}':*" for i, t in enumerate(terms)
        )
        return documents.extra(  # constant SQL; the query is a parameter
            where=["search_searchdocument.tsv @@ to_tsquery('simple', search_fold(%s))"],
            params=[tsquery],
        ).order_by("-id")
    match = ('"' + " ".join(terms) + '"*') if phrase else " ".join(f'"{t}"*' for t in terms)
    # Joined (not IN (...)) and ordered by the FTS rowid, SQLite walks the matches newest
    # first and stops after a page instead of collecting and sorting every match.
    return documents.extra(  # constant SQL; the query is a parameter
        tables=["search_fts"],
        where=["search_fts.rowid = search_searchdocument.id", "search_fts MATCH %s"],
        params=[match],
        order_by=["-search_fts.rowid"],
    )


def _exact_filter(query: str) -> Q:
    """Order numbers, email addresses and tracking numbers typed whole match exactly, even
    where the full-text tokenizer would split them."""
    value = query.strip()
    if not value or len(value) > 254 or " " in value:
        return Q(pk__in=[])
    variants = list(dict.fromkeys([value, value.upper(), value.lower()]))
    by_email = CustomerIdentity.objects.filter(value=value.lower()).values("customer_id")
    return (
        Q(kind=DocumentKind.CUSTOMER, customer_id__in=by_email)
        | Q(
            kind=DocumentKind.ORDER,
            object_id__in=Order.objects.filter(
                Q(number__in=variants) | Q(customer_id__in=by_email)
            ).values("id"),
        )
        | Q(
            kind=DocumentKind.SHIPMENT,
            object_id__in=Shipment.objects.filter(tracking_number__in=variants).values("id"),
        )
    )


def _visible(documents: QuerySet[SearchDocument], who: Visibility) -> QuerySet[SearchDocument]:
    """Checked row by row through joins (not as IN-lists of every visible conversation), so
    a search stops as soon as it has a page of visible hits."""
    if who.store_ids is not None:
        documents = documents.filter(store_id__in=who.store_ids)
    if who.conversations is not None:
        prefixed = Q(
            *[_prefix(child) for child in who.conversations.children],
            _connector=who.conversations.connector,
            _negated=who.conversations.negated,
        )
        customer_has_one = Exists(
            Conversation.objects.filter(who.conversations, customer_id=OuterRef("customer_id"))
        )
        documents = documents.filter(
            Q(conversation__isnull=False) & prefixed
            | Q(conversation__isnull=True) & Q(customer_has_one)
        )
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


def search(query: str, who: Visibility, *, limit: int = 50) -> list[SearchDocument]:
    """The best ``limit`` documents for ``query``: exact identifier matches first, then the
    newest full-text matches. Two or three SQL queries, whatever the number of hits."""
    terms = terms_of(query)
    if not terms:
        return []
    visible = _visible(SearchDocument.objects.select_related("conversation", "customer"), who)
    # Identifier matches are few: find them by the identifiers' indexes first, then check
    # their visibility (one query more only when there are some).
    candidates = list(
        SearchDocument.objects.filter(_exact_filter(query))
        .order_by()
        .values_list("id", flat=True)[: limit * 4]
    )
    exact = list(visible.filter(id__in=candidates).order_by("-id")[:limit]) if candidates else []
    phrase = len(query.split()) == 1 and len(terms) > 1
    seen = {document.id for document in exact}
    matches = [
        document
        for document in _full_text(visible, terms, phrase)[: limit + len(exact)]
        if document.id not in seen
    ]
    return (exact + matches)[:limit]


def excerpt(text: str, terms: list[str], width: int = 160) -> str:
    """A piece of ``text`` around the first term found in it."""
    lowered = text.lower()
    positions = [p for p in (lowered.find(t) for t in terms) if p >= 0]
    start = max(0, min(positions) - width // 4) if positions else 0
    piece = text[start : start + width].strip()
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
