"""What an agent writes into a conversation: public replies and internal notes, with
attachments and @mentions of colleagues."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent
from aftersail.conversations import events as conversation_events
from aftersail.conversations import timeline
from aftersail.conversations.models import Attachment, Conversation, Message
from aftersail.conversations.permissions import ConversationError
from aftersail.conversations.services import NewMessage, do_add_message
from aftersail.conversations.visibility import visible_conversations

# "@lukas.becker" names the agent whose login is lukas.becker@...; the handle is the part of
# the email address before the "@", which is unique enough inside one desk and easy to type.
MENTION = re.compile(r"(?<![\w@])@([a-z0-9][a-z0-9._+-]{0,63})", re.IGNORECASE)
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 10


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


def mention_handles(text: str) -> list[str]:
    handles = [m.group(1).lower().rstrip(".") for m in MENTION.finditer(text)]
    return list(dict.fromkeys(handles))


def agent_handle(agent: Agent) -> str:
    return agent.user.email.split("@")[0].lower()


def mentioned_agents(conversation: Conversation, text: str) -> list[Agent]:
    """The agents named in ``text`` who may see the conversation (others are not told)."""
    handles = mention_handles(text)
    if not handles:
        return []
    by_handle = Q()
    for handle in handles[:20]:
        by_handle |= Q(user__email__istartswith=f"{handle}@")
    candidates = Agent.objects.select_related("user").filter(by_handle, user__is_active=True)
    found = [agent for agent in candidates if agent_handle(agent) in handles]
    return [
        agent for agent in found if visible_conversations(agent).filter(id=conversation.id).exists()
    ]


def safe_filename(name: str) -> str:
    """The sender's file name, without path parts or control characters, for display."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    return name[:200] or "attachment"


@transaction.atomic
def do_agent_message(
    conversation: Conversation,
    agent: Agent,
    *,
    kind: str,
    text: str,
    uploads: Sequence[Upload] = (),
    language: str = "",
) -> Message:
    """A public reply or an internal note by ``agent``; mentions in notes notify colleagues."""
    if kind not in (Message.Kind.REPLY, Message.Kind.NOTE):
        raise ConversationError("agents write replies or notes")
    if len(uploads) > MAX_ATTACHMENTS:
        raise ConversationError(f"at most {MAX_ATTACHMENTS} attachments per message")
    for upload in uploads:
        if len(upload.content) > MAX_ATTACHMENT_BYTES:
            raise ConversationError(f"{safe_filename(upload.filename)} is larger than 10 MB")
    message = do_add_message(
        conversation,
        NewMessage(
            kind=kind,
            author_kind=Message.AuthorKind.AGENT,
            author_agent=agent,
            text=text,
            language=language or (conversation.language if kind == Message.Kind.REPLY else ""),
        ),
    )
    for upload in uploads:
        attachment = Attachment(
            message=message,
            filename=safe_filename(upload.filename),
            content_type=upload.content_type[:127] or "application/octet-stream",
            size=len(upload.content),
            sha256=hashlib.sha256(upload.content).hexdigest(),
        )
        attachment.file.save("upload", ContentFile(upload.content), save=False)
        attachment.save()
    if kind == Message.Kind.NOTE:
        mentioned = [a for a in mentioned_agents(conversation, text) if a.id != agent.id]
        if mentioned:
            timeline.record(
                conversation,
                conversation_events.MENTIONED,
                Actor.of_agent(agent),
                agents=[a.id for a in mentioned],
                message=str(message.public_id),
            )
    return message
