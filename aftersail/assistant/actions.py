"""The assistant's door: its answer to a customer's message on a channel (it may verify an
order, start a return through the returns app's door, or hand over to a person)."""

from __future__ import annotations

from aftersail.assistant.dialogue import AssistantTurn, reply

__all__ = ["AssistantTurn", "reply"]
