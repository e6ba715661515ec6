"""The DETECT_LANGUAGE step of the inbound pipeline."""

from __future__ import annotations

from aftersail.conversations import pipeline
from aftersail.conversations.actions import do_set_language, do_set_message_language
from aftersail.conversations.models import Message
from aftersail.language.detection import detect


@pipeline.register_inbound_step(pipeline.DETECT_LANGUAGE, "language.detect")
def detect_message_language(message: Message) -> None:
    """Sets ``Message.language`` and, when the detection is reliable or nothing was known,
    ``Conversation.language`` (and a blank ``Customer.language``).

    Idempotent: a message that already has a language (set by its channel or an earlier
    run) is left alone.
    """
    if message.language:
        return
    conversation = message.conversation
    customer = conversation.customer
    known = conversation.language or customer.language
    detection = detect(message.body_text)
    language = detection.language if detection.reliable else (known or detection.language)
    if not language:
        return
    do_set_message_language(message, language)
    if conversation.language != language and (detection.reliable or not conversation.language):
        do_set_language(conversation, language)
    if not customer.language and detection.reliable:
        customer.language = language
        customer.save(update_fields=["language", "updated_at"])
