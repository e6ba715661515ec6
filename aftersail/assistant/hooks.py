"""The narrow interface through which the assistant searches the knowledge base.

Knowledge base: a callable ``search(query, language, store) -> list[hit]`` where each hit
has ``title`` and ``url`` attributes (best first). Pass one to ``reply()``; without one,
``knowledge.selectors.search_for_assistant`` is used.

Returns go through the returns app's door (``aftersail.returns.actions``, see
``assistant.returning``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from aftersail.commerce.models import Store
from aftersail.knowledge.selectors import search_for_assistant


class KnowledgeHit(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str: ...


KnowledgeSearch = Callable[[str, str, Store], Sequence[KnowledgeHit]]


def default_knowledge_search() -> KnowledgeSearch:
    return search_for_assistant
