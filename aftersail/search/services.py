"""One search over conversations, messages, customers, orders and shipments, on SQLite
(FTS5) and PostgreSQL (tsvector), that shows each caller only what they may see."""

from __future__ import annotations

import re

from django.db.models import Q, Value

from aftersail.commerce.models import Order
from aftersail.customers.models import CustomerIdentity
from aftersail.customers.selectors import stored_email
from aftersail.search.fulltext import matching_ids
from aftersail.search.models import DocumentKind, SearchDocument
from aftersail.search.visibility import Visibility, visible_entity_documents
from aftersail.shipping.models import Shipment

__all__ = ["Visibility", "excerpt", "search", "terms_of"]

MAX_TERMS = 8
MAX_TERM_LENGTH = 64
MAX_QUERY_LENGTH = 200
MAX_IDENTIFIER_HITS = 200
_WORDS = re.compile(r"\w+")


def terms_of(query: str) -> list[str]:
    words = _WORDS.findall(query[:MAX_QUERY_LENGTH].lower())
    return [w[:MAX_TERM_LENGTH] for w in words][:MAX_TERMS]


_IDENTIFIER = re.compile(r"[\d@]")


def _identifier_hits(query: str) -> Q | None:
    """Order numbers, email addresses and tracking numbers typed whole match exactly, even
    where the full-text tokenizer would split them: a condition on documents, from one
    query over the identifiers' own indexes, or None when nothing matched.

    Only a single token with a digit or an @ can be one (no identifier is a plain word)."""
    value = query.strip()
    if not value or len(value) > 254 or " " in value or not _IDENTIFIER.search(value):
        return None
    variants = list(dict.fromkeys([value, value.upper(), value.lower()]))
    spelling = (stored_email(value) if "@" in value else None) or value.lower()
    by_email = CustomerIdentity.objects.filter(value=spelling).values("customer_id")
    found = (
        CustomerIdentity.objects.filter(value=spelling)
        .order_by()
        .annotate(document_kind=Value(DocumentKind.CUSTOMER))
        .values_list("document_kind", "customer_id")
        .union(
            Order.objects.filter(Q(number__in=variants) | Q(customer_id__in=by_email))
            .order_by()
            .annotate(document_kind=Value(DocumentKind.ORDER))
            .values_list("document_kind", "id"),
            Shipment.objects.filter(tracking_number__in=variants)
            .order_by()
            .annotate(document_kind=Value(DocumentKind.SHIPMENT))
            .values_list("document_kind", "id"),
            all=True,
        )
    )
    by_kind: dict[str, list[int]] = {}
    for kind, object_id in found[:MAX_IDENTIFIER_HITS]:
        by_kind.setdefault(kind, []).append(object_id)
    if not by_kind:
        return None
    condition = Q(pk__in=[])
    if customers := by_kind.get(DocumentKind.CUSTOMER):
        condition |= Q(kind=DocumentKind.CUSTOMER, customer_id__in=customers)
    for kind in (DocumentKind.ORDER, DocumentKind.SHIPMENT):
        if object_ids := by_kind.get(kind):
            condition |= Q(kind=kind, object_id__in=object_ids)
    return condition


def search(query: str, who: Visibility, *, limit: int = 50) -> list[SearchDocument]:
    """The best ``limit`` documents for ``query``: exact identifier matches first, then the
    newest full-text matches. At most four SQL queries, whatever the number of hits."""
    terms = terms_of(query)
    if not terms:
        return []
    exact: list[int] = []
    if (identifiers := _identifier_hits(query)) is not None:
        entities = visible_entity_documents(SearchDocument.objects.all(), who)
        exact = list(
            entities.filter(identifiers).order_by("-id").values_list("id", flat=True)[:limit]
        )
    phrase = len(query.split()) == 1 and len(terms) > 1
    seen = set(exact)
    ids = exact + [
        document_id
        for document_id in matching_ids(who, terms, phrase, limit + len(exact))
        if document_id not in seen
    ]
    ids = ids[:limit]
    documents = SearchDocument.objects.select_related("conversation", "customer").in_bulk(ids)
    # A document deleted between the two queries (its message was removed) is left out.
    return [documents[document_id] for document_id in ids if document_id in documents]


def excerpt(text: str, terms: list[str], width: int = 160) -> str:
    """A piece of ``text`` around the first term found in it."""
    lowered = text.lower()
    positions = [p for p in (lowered.find(t) for t in terms) if p >= 0]
    start = max(0, min(positions) - width // 4) if positions else 0
    piece = text[start : start + width].strip()
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
