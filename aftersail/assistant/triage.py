"""Triage of inbound messages (the CLASSIFY pipeline step) and the hand-over to a person."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from aftersail.accounts.actors import Actor
from aftersail.assistant.classifier import get_classifier
from aftersail.assistant.dialogue import AssistantTurn, handover_note, reply
from aftersail.assistant.entities import extract, order_number_pattern
from aftersail.assistant.models import AssistantSettings
from aftersail.commerce.models import Order
from aftersail.conversations import pipeline
from aftersail.conversations.actions import (
    NewMessage,
    do_add_message,
    do_change_category,
    do_link_order,
    do_note_on_message,
    do_set_language,
)
from aftersail.conversations.models import Channel, Conversation, Message
from aftersail.customers.models import CustomerIdentity

log = logging.getLogger(__name__)


def _threshold(conversation: Conversation) -> float:
    value = (
        AssistantSettings.objects.filter(store_id=conversation.store_id)
        .values_list("confidence_threshold", flat=True)
        .first()
    )
    return 0.5 if value is None else value


@pipeline.register_inbound_step(pipeline.CLASSIFY, "assistant.classify")
def classify_message(message: Message) -> None:
    """Stores the intent and recognized numbers on the message (``channel_metadata
    ["triage"]``), sets the conversation's category when it has none and the classifier is
    sure, and links the customer's order when the message names one. Idempotent."""
    if "triage" in message.channel_metadata:
        return
    conversation = message.conversation
    prediction = get_classifier().predict(message.body_text)
    found = extract(message.body_text, order_number_pattern(conversation.store))
    triage: dict[str, Any] = {
        "intent": prediction.intent,
        "category": prediction.category,
        "confidence": round(prediction.confidence, 4),
        "order_numbers": found.order_numbers,
        "tracking_numbers": [number for _carrier, number in found.tracking_numbers],
    }
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        do_note_on_message(message, triage=triage)
        if not conversation.category and prediction.confidence >= _threshold(conversation):
            set_category(conversation, prediction.category)
        if conversation.order_id is None and found.order_numbers:
            order = Order.objects.filter(
                store_id=conversation.store_id,
                customer_id=conversation.customer_id,
                number__iexact=found.order_numbers[0],
            ).first()
            if order is not None:
                do_link_order(conversation, order, Actor.system())


def set_category(conversation: Conversation, category: str) -> None:
    """Files the conversation under ``category`` as the system (the assistant)."""
    do_change_category(conversation, category, Actor.system())


@transaction.atomic
def do_hand_over(conversation: Conversation, turn: AssistantTurn) -> Message:
    """Files the conversation under the turn's category (the routing step and the desk
    route by it), sets its language, links the verified order, and leaves a note."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if turn.category and not conversation.category:
        set_category(conversation, turn.category)
    if not conversation.language and turn.language:
        do_set_language(conversation, turn.language)
    if turn.order_id and conversation.order_id is None:
        order = Order.objects.filter(pk=turn.order_id, customer_id=conversation.customer_id).first()
        if order is not None:
            do_link_order(conversation, order, Actor.system())
    return do_add_message(
        conversation,
        NewMessage(
            kind=Message.Kind.NOTE, author_kind=Message.AuthorKind.SYSTEM, text=handover_note(turn)
        ),
    )


@pipeline.register_inbound_step(pipeline.ASSIST, "assistant.first_email")
def answer_first_email(message: Message) -> None:
    """With ``AssistantSettings.answer_first_email``, answers the first email of a
    conversation when the assistant has a complete answer (an order status for an order
    of the sender, or a knowledge-base article); anything else waits for a person."""
    conversation = message.conversation
    if message.channel != Channel.EMAIL:
        return
    settings = AssistantSettings.objects.filter(store_id=conversation.store_id).first()
    if settings is None or not settings.enabled or not settings.answer_first_email:
        return
    inbound = conversation.messages.filter(kind=Message.Kind.INBOUND).order_by("created_at", "id")
    if inbound.values_list("id", flat=True).first() != message.id:
        return
    if conversation.messages.filter(author_kind=Message.AuthorKind.ASSISTANT).exists():
        return  # answered already (the step runs again after a crash)
    sender = (
        CustomerIdentity.objects.filter(
            customer_id=conversation.customer_id, kind=CustomerIdentity.Kind.EMAIL
        )
        .order_by("-is_primary", "id")
        .values_list("value", flat=True)
        .first()
    )
    # The sender's address stands for the email half of the verification.
    state = {"facts": {"email": sender}} if sender else {}
    language = message.language or conversation.language
    turn = reply(state, message.body_text, language, store=conversation.store)
    if turn.handover or turn.state.get("awaiting"):
        return
    do_add_message(
        conversation,
        NewMessage(
            kind=Message.Kind.REPLY,
            author_kind=Message.AuthorKind.ASSISTANT,
            text=turn.text,
            language=turn.language,
            metadata={"assistant": {"intent": turn.intent, "confidence": turn.confidence}},
        ),
    )
