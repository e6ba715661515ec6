"""One search over conversations, messages, customers, orders and shipments, on SQLite
(FTS5) and PostgreSQL (tsvector), that shows each caller only what they may see."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from aftersail.commerce.models import Order
from aftersail.conversations.models import Conversation
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.search.models import DocumentKind, SearchDocument
from aftersail.shipping.models import Shipment

MAX_TERMS = 8
MAX_TERM_LENGTH = 64
MAX_QUERY_LENGTH = 200
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Visibility:
    """What the searcher may see: ``None`` means no restriction of that kind."""

    store_ids: QuerySet | None = None
    conversations: QuerySet[Conversation] | None = None
    customers: QuerySet[Customer] | None = None


def terms_of(query: str) -> list[str]:
    words = _WORDS.findall(query[:MAX_QUERY_LENGTH].lower())
    return [w[:MAX_TERM_LENGTH] for w in words][:MAX_TERMS]


def _fts_filter(terms: list[str], phrase: bool) -> Q:
    """Every term must occur, as a word or the start of one; the terms of one identifier
    ('anna@mail.example', 'NL-10023') must occur in a row."""
    if connection.vendor == "postgresql":
        tsquery = (" <-> " if phrase else " & ").join(
            f"'{t}'" if phrase and i < len(terms) - 1 else f"'{t}':*" for i, t in enumerate(terms)
        )
        return Q(
            id__in=RawSQL(
                "SELECT id FROM search_searchdocument "
                "WHERE tsv @@ to_tsquery('simple', search_fold(%s))",
                [tsquery],
            )
        )
    match = ('"' + " ".join(terms) + '"*') if phrase else " ".join(f'"{t}"*' for t in terms)
    return Q(id__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [match]))


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
    if who.store_ids is not None:
        documents = documents.filter(store_id__in=who.store_ids)
    if who.conversations is not None:
        customers = who.customers if who.customers is not None else Customer.objects.none()
        documents = documents.filter(
            Q(conversation__isnull=False, conversation_id__in=who.conversations.values("id"))
            | Q(conversation__isnull=True, customer_id__in=customers.values("id"))
        )
    return documents


def search(query: str, who: Visibility, *, limit: int = 50) -> list[SearchDocument]:
    """The best ``limit`` documents for ``query``: exact identifier matches first, then the
    newest full-text matches. One SQL query, whatever the number of hits."""
    terms = terms_of(query)
    if not terms:
        return []
    exact = _exact_filter(query)
    phrase = len(query.split()) == 1 and len(terms) > 1
    documents = (
        _visible(SearchDocument.objects.filter(_fts_filter(terms, phrase) | exact), who)
        .annotate(
            exact=Case(When(exact, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        .select_related("conversation", "customer")
        .order_by("-exact", "-id")
    )
    return list(documents[:limit])


def excerpt(text: str, terms: list[str], width: int = 160) -> str:
    """A piece of ``text`` around the first term found in it."""
    lowered = text.lower()
    positions = [p for p in (lowered.find(t) for t in terms) if p >= 0]
    start = max(0, min(positions) - width // 4) if positions else 0
    piece = text[start : start + width].strip()
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
