"""The door through which other apps change conversations.

Every function here takes the :class:`~aftersail.accounts.actors.Actor` who asks and checks
itself, inside its transaction, whether that actor may make the change (see
:mod:`aftersail.conversations.permissions`) and whether the conversation's state allows
it; it then records the change on the timeline, which other apps follow through
:mod:`aftersail.conversations.events`. Desk pages, the API, WebSockets, tasks and the
assistant call these and nothing else, so none of them can skip a rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from aftersail.accounts.actors import Actor
from aftersail.conversations import timeline
from aftersail.conversations.customer_changes import do_change_customer, do_merge_customers
from aftersail.conversations.facts import (
    claim_delivery,
    do_continue_on_channel,
    do_link_order,
    do_note_on_message,
    do_set_language,
    do_set_message_language,
    fail_stuck_deliveries,
    finish_delivery,
    fix_external_id,
)
from aftersail.conversations.lifecycle import (
    do_change_category,
    do_change_tags,
    do_merge,
    do_snooze,
    do_split,
    do_wake,
    normalize_tag,
    wake_due_conversations,
)
from aftersail.conversations.models import Conversation, ConversationEvent
from aftersail.conversations.permissions import (
    ConversationError,
    ConversationNotAllowed,
    check_assign,
    check_may_change,
    check_may_move,
    check_may_open,
)
from aftersail.conversations.replies import Upload, do_agent_message
from aftersail.conversations.services import (
    NewMessage,
    do_add_message,
    do_assign,
    do_change_priority,
    do_change_status,
    do_open_conversation,
    team_for_assignee,
)

__all__ = [
    "ConversationError",
    "ConversationNotAllowed",
    "NewMessage",
    "Upload",
    "check_assign",
    "check_may_change",
    "check_may_move",
    "check_may_open",
    "claim_delivery",
    "do_add_message",
    "do_agent_message",
    "do_assign",
    "do_change_category",
    "do_change_customer",
    "do_change_priority",
    "do_change_status",
    "do_change_tags",
    "do_continue_on_channel",
    "do_link_order",
    "do_merge",
    "do_merge_customers",
    "do_note_on_message",
    "do_open_conversation",
    "do_record",
    "do_set_language",
    "do_set_message_language",
    "do_snooze",
    "do_split",
    "do_wake",
    "fail_stuck_deliveries",
    "finish_delivery",
    "fix_external_id",
    "import_timeline",
    "normalize_tag",
    "team_for_assignee",
    "wake_due_conversations",
]


def import_timeline(
    entries: Sequence[tuple[Conversation, str, Actor, datetime | None, dict[str, Any]]],
) -> list[ConversationEvent]:
    """Writes past timeline entries in bulk (an import, the demo): no reactions run."""
    return timeline.record_many(entries)


def do_record(
    conversation: Conversation, kind: str, actor: Actor, **data: Any
) -> ConversationEvent:
    """Puts another app's event on the conversation's timeline (an SLA warning, a return
    that moved): ``kind`` must be one that app defined for the conversation stream."""
    return timeline.record(conversation, kind, actor, **data)
