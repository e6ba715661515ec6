"""NUL bytes never reach the database (PostgreSQL text cannot hold them)."""

import pytest

from aftersail.conversations.actions import NewMessage, do_add_message

pytestmark = pytest.mark.django_db


def test_nul_bytes_are_dropped_from_message_bodies(cast):
    message = do_add_message(
        cast.conversation_a,
        NewMessage(kind="inbound", author_kind="customer", text="Hal\x00lo", html="<p>a\x00b</p>"),
    )
    assert message.body_text == "Hal\ufffdlo"
    assert "\x00" not in message.body_html
