"""Named reads of the knowledge base for other apps: the assistant's article search."""

from __future__ import annotations

from aftersail.commerce.models import Store
from aftersail.core.localization import supported_language
from aftersail.knowledge.services import ArticleResult, article_url, search_articles

ASSISTANT_LIMIT = 3

__all__ = ["ArticleResult", "article_url", "search_articles", "search_for_assistant"]


def search_for_assistant(query: str, language: str, store: Store) -> list[ArticleResult]:
    """The best few published articles for a customer's question: hits with ``title`` and
    ``url``, best first."""
    return search_articles(store, query, supported_language(language) or "en", ASSISTANT_LIMIT)
