"""Changes to a conversation's fields, for callers that change several at once (the API).

The status, priority and assignment changes live in :mod:`services`; the category change
is here until the workspace brings its own.
"""

from __future__ import annotations

from django.db import transaction

from aftersail.conversations import timeline
from aftersail.conversations.models import Category, Conversation, ConversationEvent
from aftersail.conversations.services import (
    ConversationError,
    do_assign,
    do_change_priority,
    do_change_status,
)
from aftersail.conversations.timeline import Actor

__all__ = ["do_assign", "do_change_category", "do_change_priority", "do_change_status"]


@transaction.atomic
def do_change_category(conversation: Conversation, category: str, actor: Actor) -> None:
    if category and category not in Category.values:
        raise ConversationError(f"unknown category {category!r}")
    if category == conversation.category:
        return
    timeline.record(
        conversation,
        ConversationEvent.Kind.CATEGORY_CHANGED,
        actor,
        old=conversation.category,
        new=category,
    )
    conversation.category = category
    conversation.save(update_fields=["category", "updated_at"])
