"""Agent replies and notes: attachments stored safely, @mentions notify who may see it."""

import pytest

from aftersail.conversations.actions import ConversationError, Upload, do_agent_message
from aftersail.conversations.replies import mention_handles, safe_filename

pytestmark = pytest.mark.django_db


def test_mention_handles():
    assert mention_handles("@agent.a please check, cc @Agent.B. mail x@y.z") == [
        "agent.a",
        "agent.b",
    ]


def test_note_mentions_only_agents_who_can_see_the_conversation(cast):
    note = do_agent_message(
        cast.conversation_a,
        cast.supervisor_a,
        kind="note",
        text="@agent.a can you call DHL? @agent.b fyi @supervisor.a @nobody",
    )
    event = cast.conversation_a.events.get(kind="mentioned")
    # agent_b cannot see team A's conversation; the author is not told about themself.
    assert event.data == {"agents": [cast.agent_a.id], "message": str(note.public_id)}


def test_reply_with_attachment(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    reply = do_agent_message(
        cast.conversation_a,
        cast.agent_a,
        kind="reply",
        text="Label attached",
        uploads=[Upload("../../etc/passwd\x00.pdf", b"%PDF-1.4", "application/pdf")],
    )
    attachment = reply.attachments.get()
    assert attachment.filename == "passwd.pdf"
    assert (attachment.size, attachment.content_type) == (8, "application/pdf")
    assert ".." not in attachment.file.name
    assert reply.language == "de" and reply.delivery == "pending"


@pytest.mark.parametrize("name", ["", "...", "\x00\x01", "a/b/c/", "ü" * 400])
def test_safe_filename_never_empty_or_long(name):
    result = safe_filename(name)
    assert result and len(result) <= 200 and "/" not in result


def test_agents_cannot_write_inbound_messages(cast):
    with pytest.raises(ConversationError):
        do_agent_message(cast.conversation_a, cast.agent_a, kind="inbound", text="x")
    with pytest.raises(ConversationError):
        do_agent_message(cast.conversation_a, cast.agent_a, kind="reply", text="   ")
