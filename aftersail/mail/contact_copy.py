"""The copy of a contact-form message that goes to the visitor, in their language.

It is also the acknowledgement: it runs as an inbound step right after the SLA's
acknowledgement step, which records the reply-by promise of a form message but leaves the
mail to this copy, so the visitor gets one mail ("we will reply by Monday 18:00" above a
copy of what they wrote), not two.
"""

from __future__ import annotations

from django.utils.translation import gettext, override

from aftersail.conversations import pipeline
from aftersail.conversations.actions import do_note_on_message
from aftersail.conversations.models import Channel, Message
from aftersail.core.localization import customer_language
from aftersail.messaging.actions import send_customer_email
from aftersail.sla.models import Promise

COPY_STEP = pipeline.ACKNOWLEDGE + 10


@pipeline.register_inbound_step(COPY_STEP, "mail.contact_copy")
def copy_form_message(message: Message) -> None:
    if message.channel == Channel.FORM and message.kind == Message.Kind.INBOUND:
        send_copy(message.id)


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
    promise = Promise.objects.filter(message=message).first()
    with override(language):
        subject = gettext("We received your message: %(topic)s") % {"topic": conversation.subject}
        if promise is not None:
            # The acknowledgement (greeting, reply-by time in the visitor's zone, signature),
            # written in the customer's language when the promise was made.
            opening = [promise.text]
        else:
            opening = [
                gettext("Hello %(name)s,") % {"name": conversation.customer.address_name},
                gettext(
                    "thank you for writing to %(store)s. We received your message and will "
                    "answer you by email. You can reply to this email to add anything."
                )
                % {"store": store.name},
            ]
        text = "\n\n".join([*opening, gettext("Your message:"), message.body_text])
    send_customer_email(
        store=store,
        to=message.channel_metadata.get("from", ""),
        subject=subject,
        text=text,
        headers={"Message-ID": message.external_id},
    )
    do_note_on_message(message, copy_sent=message.external_id)
