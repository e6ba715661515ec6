"""The copy of a contact-form message that goes to the visitor, in their language."""

from __future__ import annotations

from django.utils.translation import gettext, override

from aftersail.conversations.models import Message
from aftersail.core.localization import customer_language
from aftersail.messaging.notify import send_customer_email


def send_copy(message_id: int) -> None:
    message = (
        Message.objects.select_related("conversation__customer", "conversation__store")
        .filter(id=message_id, channel_metadata__copy_sent__isnull=True)
        .first()
    )
    if message is None:
        return
    conversation = message.conversation
    store = conversation.store
    language = message.language or customer_language(conversation.customer, store)
    with override(language):
        subject = gettext("We received your message: %(topic)s") % {"topic": conversation.subject}
        text = "\n\n".join(
            [
                gettext("Hello %(name)s,") % {"name": conversation.customer.address_name},
                gettext(
                    "thank you for writing to %(store)s. We received your message and will "
                    "answer you by email. You can reply to this email to add anything."
                )
                % {"store": store.name},
                gettext("Your message:"),
                message.body_text,
            ]
        )
    send_customer_email(
        store=store,
        to=message.channel_metadata.get("from", ""),
        subject=subject,
        text=text,
        headers={"Message-ID": message.external_id},
    )
    metadata = {**message.channel_metadata, "copy_sent": message.external_id}
    Message.objects.filter(id=message.id).update(channel_metadata=metadata)
