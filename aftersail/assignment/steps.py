"""The ROUTE step of the inbound pipeline."""

from __future__ import annotations

from aftersail.assignment.services import do_route
from aftersail.conversations import pipeline
from aftersail.conversations.models import Message


@pipeline.register_inbound_step(pipeline.ROUTE, "assignment.route")
def route(message: Message) -> None:
    # Idempotent: a conversation that has a team and an assignee is left alone.
    conversation = message.conversation
    if conversation.team_id is None or conversation.assignee_id is None:
        do_route(conversation)
