"""Facts other apps learn about a conversation or a message and write back through here:
the language the customer writes in, the order it is about, the channel it continues on,
what a channel or step noted on a message, and how the delivery of a reply went.

These change no status and need no permission: the desk's own steps and channels call
them (the inbound pipeline, the assistant, the channel adapters).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.commerce.models import Order
from aftersail.conversations import events as conversation_events
from aftersail.conversations import timeline
from aftersail.conversations.models import Channel, Conversation, Message
from aftersail.conversations.permissions import ConversationError, check_may_change


def do_set_language(conversation: Conversation, language: str) -> None:
    if conversation.language != language:
        conversation.language = language
        conversation.save(update_fields=["language", "updated_at"])


def do_set_message_language(message: Message, language: str) -> None:
    message.language = language
    message.save(update_fields=["language", "updated_at"])


def do_note_on_message(message: Message, **metadata: Any) -> None:
    """Adds keys to the message's channel metadata (the triage, a copy that was sent)."""
    message.channel_metadata = {**message.channel_metadata, **metadata}
    Message.objects.filter(id=message.id).update(
        channel_metadata=message.channel_metadata, updated_at=timezone.now()
    )


@transaction.atomic
def do_link_order(conversation: Conversation, order: Order, actor: Actor) -> bool:
    """Links the customer's ``order`` to a conversation that has none; False if it has."""
    check_may_change(actor, conversation)
    if order.customer_id != conversation.customer_id:
        raise ConversationError("the order belongs to another customer")
    if conversation.order_id is not None:
        return False
    conversation.order = order
    conversation.save(update_fields=["order", "updated_at"])
    timeline.record(conversation, conversation_events.ORDER_LINKED, actor, order=order.number)
    return True


def do_continue_on_channel(conversation: Conversation, channel: str) -> None:
    """The conversation goes on elsewhere (a chat nobody answered continues by email)."""
    if channel not in Channel.values:
        raise ConversationError(f"unknown channel {channel!r}")
    Conversation.objects.filter(id=conversation.id).update(
        channel=channel, updated_at=timezone.now()
    )
    conversation.channel = channel


# --- Delivery of public replies, for the channels (``messaging``) ------------------------

D = Message.Delivery


def claim_delivery(message_id: int) -> Message | None:
    """Moves the message from pending to sending; None when another worker has it or it is
    no longer pending. The conditional UPDATE is the lock: exactly one caller wins."""
    won = Message.objects.filter(id=message_id, delivery=D.PENDING).update(
        delivery=D.SENDING, delivery_attempts=F("delivery_attempts") + 1, updated_at=timezone.now()
    )
    if not won:
        return None
    return Message.objects.select_related("conversation__customer", "conversation__store").get(
        id=message_id
    )


def finish_delivery(message: Message, state: str, error: str, *, external_id: str = "") -> None:
    """Records how an attempt ended (sent, failed, pending again) for the claimed message."""
    fields: dict[str, object] = {"delivery": state, "delivery_error": error[:2000],
                                 "updated_at": timezone.now()}  # fmt: skip
    if state == D.SENT:
        fields["sent_at"] = timezone.now()
        if external_id and not message.external_id:
            fields["external_id"] = external_id
    Message.objects.filter(id=message.id, delivery=D.SENDING).update(**fields)


def fix_external_id(message: Message, candidate: str) -> str:
    """The channel's id of a reply, chosen once: the first caller's wins for every retry."""
    if message.external_id:
        return message.external_id
    Message.objects.filter(id=message.id, external_id="").update(external_id=candidate)
    message.refresh_from_db(fields=["external_id"])
    return message.external_id


def fail_stuck_deliveries(sending_since: Any, reason: str) -> int:
    """Marks replies left "sending" since before ``sending_since`` failed with ``reason``."""
    return Message.objects.filter(delivery=D.SENDING, updated_at__lt=sending_since).update(
        delivery=D.FAILED, delivery_error=reason, updated_at=timezone.now()
    )
