"""A bounced mail marks the address undeliverable and tells the agent on the conversation."""

from __future__ import annotations

from datetime import datetime

from aftersail.commerce.models import Store
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Channel, Conversation, Message
from aftersail.customers.models import CustomerIdentity
from aftersail.mail.parsing import ParsedEmail


def record_bounce(store: Store, parsed: ParsedEmail, when: datetime) -> Conversation | None:
    bounce = parsed.bounce
    if bounce is None:
        return None
    now = when
    CustomerIdentity.objects.filter(
        store=store,
        kind=CustomerIdentity.Kind.EMAIL,
        value__in=bounce.recipients,
        undeliverable_since__isnull=True,
    ).update(undeliverable_since=now, updated_at=now)
    ids = [i for i in (bounce.original_message_id, *parsed.in_reply_to) if i]
    original = (
        Message.objects.filter(
            conversation__store=store,
            channel__in=(Channel.EMAIL, Channel.FORM),
            external_id__in=ids,
        )
        .select_related("conversation")
        .first()
        if ids
        else None
    )
    if original is None:
        return None
    addresses = ", ".join(bounce.recipients) or "the customer's address"
    note = f"Mail to {addresses} could not be delivered"
    note += f" ({bounce.diagnostic})." if bounce.diagnostic else "."
    note += " The address is marked undeliverable; reach the customer another way."
    do_add_message(
        original.conversation,
        NewMessage(
            kind=Message.Kind.NOTE,
            author_kind=Message.AuthorKind.SYSTEM,
            text=note,
            channel=Channel.EMAIL,
            at=when,
            metadata={
                "bounce": {"recipients": list(bounce.recipients), "diagnostic": bounce.diagnostic}
            },
        ),
    )
    return original.conversation
