"""Help-centre articles in several languages, search and feedback.

The assistant searches with :func:`search_articles` (imported lazily so that loading this
package does not load Django models)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aftersail.knowledge.services import ArticleResult


def search_articles(store: Any, query: str, language: str, limit: int = 5) -> list[ArticleResult]:
    from aftersail.knowledge.services import search_articles as search

    return search(store, query, language, limit)
