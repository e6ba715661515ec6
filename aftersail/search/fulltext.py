"""The full-text part of a search: ids of the newest visible documents holding every term.

SQLite (FTS5) walks its index newest first and stops after a page. PostgreSQL needs help:
its estimate of how many rows a prefix query (``'parcel':*``) matches is often wrong by a
factor of ten or more, and it then picks the wrong one of two plans, each of which is right
for one kind of word:

- a common word ("parcel" in one message of ten) is found fastest by walking the newest
  documents and checking each, stopping after a page; the GIN index would first collect
  and sort all of its tens of thousands of matches (0.3 s at 500,000 messages);
- a rare word is found fastest through the GIN index; walking would read the whole table.

So one query asks all the ways that can be right, as branches of a ``UNION ALL``:

- customers, orders and shipments (short texts: names, addresses, numbers) through a GIN
  index of their own (migration 0003), so that messages never slow them down;
- conversations and messages: first a walk over the newest ``RECENT_WINDOW`` of them (a
  B-tree of their ids, with a check the GIN index cannot serve: ``ts_match_vq``, the
  function behind ``@@``), then the GIN index over the older ones. PostgreSQL runs the two
  in order under one ``LIMIT``: a word common enough to fill a page in the newest
  documents never reaches the second, and a word rare enough to need it has few matches.

The result is the same as one "newest first" query over everything: the newest ``limit``
of each part, merged by id.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import F

from aftersail.search.models import DocumentKind, SearchDocument
from aftersail.search.visibility import (
    Visibility,
    visible_conversation_documents,
    visible_documents,
    visible_entity_documents,
)

# Conversations and messages checked one by one, newest first, before the GIN index takes
# over: about 10 ms of PostgreSQL time.
RECENT_WINDOW = 20_000
TEXT_KINDS = (DocumentKind.CONVERSATION, DocumentKind.MESSAGE)


def postgres_tsquery(terms: list[str], phrase: bool) -> str:
    """Every term as a prefix, all required; in a phrase the terms must follow each other
    and only the last one may be the start of a word."""
    joiner = " <-> " if phrase else " & "
    return joiner.join(
        f"'{term}'" if phrase and i < len(terms) - 1 else f"'{term}':*"
        for i, term in enumerate(terms)
    )


def sqlite_match(terms: list[str], phrase: bool) -> str:
    return ('"' + " ".join(terms) + '"*') if phrase else " ".join(f'"{t}"*' for t in terms)


def matching_ids(who: Visibility, terms: list[str], phrase: bool, limit: int) -> list[int]:
    """Ids of up to ``limit`` documents ``who`` may see holding every term, newest first.
    One query. The terms come from ``services.terms_of`` (word characters only) and every
    value is passed as a parameter; the SQL text is constant."""
    if connection.vendor == "postgresql":
        return _postgres_ids(who, postgres_tsquery(terms, phrase), limit)
    # Joined (not IN (...)) and ordered by the FTS rowid, SQLite walks the matches newest
    # first and stops after a page instead of collecting and sorting every match.
    return list(
        visible_documents(SearchDocument.objects.all(), who)
        .extra(
            tables=["search_fts"],
            where=["search_fts.rowid = search_searchdocument.id", "search_fts MATCH %s"],
            params=[sqlite_match(terms, phrase)],
            order_by=["-search_fts.rowid"],
        )
        .values_list("id", flat=True)[:limit]
    )


def _postgres_ids(who: Visibility, tsquery: str, limit: int) -> list[int]:
    # The kind conditions repeat what the visibility rules imply, in the words of the
    # partial indexes' predicates: only then may PostgreSQL use those indexes.
    text = visible_conversation_documents(SearchDocument.objects.filter(kind__in=TEXT_KINDS), who)
    entities = visible_entity_documents(
        SearchDocument.objects.exclude(kind__in=TEXT_KINDS), who
    ).extra(
        where=["search_searchdocument.tsv @@ to_tsquery('simple', search_fold(%s))"],
        params=[tsquery],
    )
    recent = text.extra(
        where=[
            "search_searchdocument.id > COALESCE((SELECT w.id FROM search_searchdocument w "
            "WHERE w.kind IN ('conversation', 'message') ORDER BY w.id DESC "
            "OFFSET %s LIMIT 1), 0)",
            "ts_match_vq(search_searchdocument.tsv, to_tsquery('simple', search_fold(%s)))",
        ],
        params=[RECENT_WINDOW, tsquery],
    )
    # "id + 0": the GIN index alone finds the matches; combining it with the B-tree of
    # ids (a bitmap of every older document) would cost more than it saves.
    older = text.extra(
        where=[
            "search_searchdocument.id + 0 <= COALESCE((SELECT w.id FROM search_searchdocument w "
            "WHERE w.kind IN ('conversation', 'message') ORDER BY w.id DESC "
            "OFFSET %s LIMIT 1), 0)",
            "search_searchdocument.tsv @@ to_tsquery('simple', search_fold(%s))",
        ],
        params=[RECENT_WINDOW, tsquery],
    )
    # "recent" walks the B-tree of ids, newest first. The GIN parts are ordered by an
    # expression no index provides (id + 0): PostgreSQL then cannot choose to walk the
    # whole table backwards, betting on a match soon, when the word is in fact rare.
    gin_order = (F("id") + 0).desc()
    parts = [
        part.order_by(order).values("id")[:limit].query.sql_with_params()
        for part, order in ((entities, gin_order), (recent, "-id"), (older, gin_order))
    ]
    # Each part is a complete, parameterized statement compiled by Django; the outer SQL
    # only nests them. Without an ORDER BY on the outer UNION ALL, PostgreSQL runs the
    # branches in order and the inner LIMIT stops before "older" once "recent" has a page.
    sql = (
        f"SELECT id FROM ({parts[0][0]}) AS entities UNION ALL "  # noqa: S608
        f"SELECT id FROM (SELECT id FROM (({parts[1][0]}) UNION ALL ({parts[2][0]})) "
        "AS text_parts LIMIT %s) AS text_hits"
    )
    params = (*parts[0][1], *parts[1][1], *parts[2][1], limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    return sorted(ids, reverse=True)[:limit]
