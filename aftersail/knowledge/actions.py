"""The knowledge base's door: writing and publishing article versions, and readers'
feedback."""

from __future__ import annotations

from aftersail.knowledge.services import (
    KnowledgeError,
    do_publish,
    do_record_feedback,
    do_save_version,
    do_unpublish,
)

__all__ = ["KnowledgeError", "do_publish", "do_record_feedback", "do_save_version", "do_unpublish"]
