"""The narrow interfaces through which the assistant uses other apps that may not exist yet.

Knowledge base: a callable ``search(query, language, store) -> list[hit]`` where each hit
has ``title`` and ``url`` attributes (best first). Pass one to ``reply()``; without one,
``knowledge.selectors.search_for_assistant`` is used.

Returns engine: ``aftersail.returns.assistant`` may provide
``explain_and_start_return(order, language) -> str | None``, which explains the order's
return eligibility (and starts a return when allowed) and returns the text for the
customer, or None to hand over. Without it, returns go to a person.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from aftersail.commerce.models import Order, Store
from aftersail.knowledge.selectors import search_for_assistant

log = logging.getLogger(__name__)


class KnowledgeHit(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str: ...


KnowledgeSearch = Callable[[str, str, Store], Sequence[KnowledgeHit]]


def _optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def default_knowledge_search() -> KnowledgeSearch | None:
    return search_for_assistant


def explain_return(order: Order, language: str) -> str | None:
    engine = _optional("aftersail.returns.assistant", "explain_and_start_return")
    if engine is None:
        return None
    try:
        answer = engine(order, language)
    except Exception:
        log.exception("returns engine failed on order %s", order.pk)
        return None
    return str(answer) if answer else None
