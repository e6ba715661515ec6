"""A store with a mailbox, a customer with a conversation our reply went out on, and one
other customer: the world every inbound-mail test starts from."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from aftersail.commerce.models import Store
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Conversation, Message
from aftersail.customers.models import Customer
from aftersail.mail.ingest import do_process_inbound, do_store_inbound
from aftersail.mail.models import InboundEmail, Mailbox
from aftersail.mail.parsing import thread_index_root
from aftersail.testing import factories as f
from aftersail.testing.mailservers import Dovecot, dovecot_available, running_dovecot

EML = Path(__file__).parent / "eml"
NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
# The Thread-Index of fixture 23 (Outlook); our earlier message carries the same root.
THREAD_INDEX = base64.b64encode(bytes(range(1, 23)) + b"\x00\x11\x22\x33\x44").decode()


@dataclass
class MailWorld:
    store: Store
    mailbox: Mailbox
    anna: Customer
    bob: Customer
    anna_conversation: Conversation
    bob_conversation: Conversation

    def ingest(self, raw: bytes) -> InboundEmail:
        row, _created = do_store_inbound(
            store=self.store, raw=raw, source=InboundEmail.Source.UPLOAD, mailbox=self.mailbox
        )
        do_process_inbound(row.id)
        row.refresh_from_db()
        return row

    def ingest_file(self, name: str) -> InboundEmail:
        raw = (EML / name).read_bytes()
        raw = raw.replace(b"{TOKEN}", f"[AS-{self.anna_conversation.pk}]".encode())
        return self.ingest(raw)


def build_world() -> MailWorld:
    store = f.make_store(
        name="Nordwind",
        slug="nordwind",
        sender_name="Nordwind",
        sender_email="support@nordwind.example",
    )
    mailbox = Mailbox.objects.create(
        store=store,
        name="Support",
        address="support@nordwind.example",
        is_default=True,
        signature="Nordwind Outdoor · support@nordwind.example",
    )
    anna = f.make_customer(store, name="Anna Becker", email="anna@kunde.example", language="de")
    bob = f.make_customer(store, name="Bob Miller", email="bob@other.example", language="en")
    with time_machine.travel(datetime(2026, 11, 27, 15, 0, tzinfo=UTC), tick=False):
        conversation = f.make_conversation(anna, subject="Paket fehlt", text="Wo ist mein Paket?")
        first = conversation.messages.get()
        Message.objects.filter(id=first.id).update(
            external_id="<anna-1@kunde.example>",
            channel_metadata={"thread_index_root": thread_index_root(THREAD_INDEX)},
        )
        bob_conversation = f.make_conversation(bob, subject="Refund", text="Refund please")
        Message.objects.filter(conversation=bob_conversation).update(
            external_id="<bob-1@other.example>"
        )
    with time_machine.travel(datetime(2026, 11, 27, 15, 2, tzinfo=UTC), tick=False):
        reply = do_add_message(
            conversation,
            NewMessage(
                kind=Message.Kind.REPLY,
                author_kind=Message.AuthorKind.AGENT,
                text="Ihr Paket ist bei DHL.",
            ),
        )
    Message.objects.filter(id=reply.id).update(
        external_id="<reply-1@nordwind.example>", delivery=Message.Delivery.SENT
    )
    return MailWorld(store, mailbox, anna, bob, conversation, bob_conversation)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    if not dovecot_available():
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")
    with running_dovecot() as server:
        yield server


@pytest.fixture
def world(db: None, settings: pytest.FixtureRequest) -> MailWorld:
    settings.MAIL_MAX_ATTACHMENT_BYTES = 4000  # type: ignore[attr-defined]
    settings.MAIL_MAX_ATTACHMENTS = 3  # type: ignore[attr-defined]
    built = build_world()
    with time_machine.travel(NOW, tick=False):
        yield built
