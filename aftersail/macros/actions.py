"""Applying a macro to a conversation: the status, category and tags it sets, and a line on
the conversation's timeline that it was used."""

from __future__ import annotations

from django.db import transaction

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent
from aftersail.conversations.actions import (
    check_may_change,
    do_change_category,
    do_change_status,
    do_change_tags,
    do_record,
)
from aftersail.conversations.models import Conversation
from aftersail.macros.events import MACRO_APPLIED
from aftersail.macros.loader import load_library
from aftersail.macros.models import Macro

__all__ = ["do_apply_macro_actions", "load_library"]


@transaction.atomic
def do_apply_macro_actions(macro: Macro, conversation: Conversation, agent: Agent) -> None:
    """Sets the status, category and tags the macro asks for, and records its use."""
    actor = Actor.of_agent(agent)
    check_may_change(actor, conversation)
    do_record(conversation, MACRO_APPLIED, actor, macro=macro.slug)
    if macro.set_category:
        do_change_category(conversation, macro.set_category, actor)
    if macro.add_tags:
        do_change_tags(conversation, actor, add=macro.add_tags)
    if macro.set_status:
        do_change_status(conversation, macro.set_status, actor)
