"""The knowledge base as the assistant asks for it (``aftersail.assistant.hooks``):
``search_for_assistant(query, language, store)`` -> hits with ``title`` and ``url``, best first."""

from __future__ import annotations

from aftersail.commerce.models import Store
from aftersail.core.localization import supported_language
from aftersail.knowledge.services import ArticleResult, search_articles

ASSISTANT_LIMIT = 3


def search_for_assistant(query: str, language: str, store: Store) -> list[ArticleResult]:
    return search_articles(store, query, supported_language(language) or "en", ASSISTANT_LIMIT)
