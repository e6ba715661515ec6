"""The narrow interface through which the assistant searches the knowledge base.

Knowledge base: a callable ``search(query, language, store) -> list[hit]`` where each hit
has ``title`` and ``url`` attributes (best first). Pass one to ``reply()``; without one,
``aftersail.knowledge.assistant.search_for_assistant`` is used when that module exists.

Returns are no longer looked up by name: the assistant imports the returns app's door
(``aftersail.returns.actions``, see ``assistant.returning``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from aftersail.commerce.models import Store


class KnowledgeHit(Protocol):
    title: str
    url: str


KnowledgeSearch = Callable[[str, str, Store], Sequence[KnowledgeHit]]


def _optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def default_knowledge_search() -> KnowledgeSearch | None:
    search: KnowledgeSearch | None = _optional(
        "aftersail.knowledge.assistant", "search_for_assistant"
    )
    return search
