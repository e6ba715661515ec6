"""Where the chat asks the assistant first: ``assistant.actions.reply(state, text, language,
*, store)`` returns a turn with ``text``, ``handover``, ``state`` and ``note`` (an internal
note for the agent who takes over; attributes or dict keys). When it fails, the chat goes
straight to a human: a broken assistant must never leave a visitor without an answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aftersail.assistant.actions import reply as assistant_reply
from aftersail.chat.models import ChatSession
from aftersail.chat.sessions import session_language
from aftersail.conversations.models import Message

log = logging.getLogger(__name__)
# Who answers first; None: nobody, every chat goes to a person (tests swap it).
ASSISTANT: Callable[..., Any] | None = assistant_reply


@dataclass(frozen=True)
class Turn:
    text: str
    handover: bool
    state: dict[str, Any] = field(default_factory=dict)
    note: str = ""  # for the agent who takes over: what the assistant understood and found


def assistant_reply_function() -> Callable[..., Any] | None:
    return ASSISTANT


def _get(turn: Any, name: str, default: Any) -> Any:
    if isinstance(turn, dict):
        return turn.get(name, default)
    return getattr(turn, name, default)


def assistant_turn(session: ChatSession, message: Message) -> Turn | None:
    """The assistant's answer to ``message``; None when there is no assistant (hand over)."""
    reply = assistant_reply_function()
    if reply is None:
        return None
    state = {
        **session.assistant_state,
        "store_id": session.store_id,
        "customer_id": session.customer_id,
        "conversation_id": session.conversation_id,
        "channel": "chat",
    }
    try:
        turn = reply(state, message.body_text, session_language(session), store=session.store)
    except Exception:
        log.exception("the assistant failed on chat message %s", message.public_id)
        return Turn("", handover=True, state=session.assistant_state)
    new_state = _get(turn, "state", None)
    return Turn(
        text=str(_get(turn, "text", "") or ""),
        handover=bool(_get(turn, "handover", False)),
        state=dict(new_state) if isinstance(new_state, dict) else session.assistant_state,
        note=str(_get(turn, "note", "") or ""),
    )
