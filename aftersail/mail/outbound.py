"""The email channel's adapter: a public reply leaves as a threaded mail from the store.

The Message-ID is written to ``Message.external_id`` before the first attempt, so every
retry sends the same mail and the customer's answer threads back by In-Reply-To.
"""

from __future__ import annotations

import smtplib
from email.utils import formataddr, make_msgid

from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from aftersail.conversations.actions import fix_external_id
from aftersail.conversations.models import Channel, Conversation, Message
from aftersail.core.html import text_to_html
from aftersail.customers.models import CustomerIdentity
from aftersail.mail.models import Mailbox, Security
from aftersail.mail.secrets import read_secret
from aftersail.mail.threads import normalize_subject, subject_token
from aftersail.messaging.registry import DeliveryError

AUTOMATIC_AUTHORS = (Message.AuthorKind.SYSTEM, Message.AuthorKind.ASSISTANT)


def mailbox_for(conversation: Conversation) -> Mailbox | None:
    """The mailbox the customer last wrote to, else the store's default, else any."""
    last = (
        conversation.messages.filter(kind=Message.Kind.INBOUND, channel=Channel.EMAIL)
        .order_by("-created_at", "-id")
        .values_list("channel_metadata", flat=True)
        .first()
    )
    mailboxes = Mailbox.objects.filter(store=conversation.store, is_active=True)
    if last and last.get("mailbox"):
        found = mailboxes.filter(id=last["mailbox"]).first()
        if found:
            return found
    return mailboxes.order_by("-is_default", "created_at").first()


def connection_for(mailbox: Mailbox | None) -> BaseEmailBackend:
    if mailbox is None or mailbox.outbound == Mailbox.Outbound.BACKEND:
        return get_connection((mailbox.backend_path if mailbox else "") or None)
    return get_connection(
        "django.core.mail.backends.smtp.EmailBackend",
        host=mailbox.smtp_host,
        port=mailbox.smtp_port,
        username=mailbox.smtp_username or None,
        password=read_secret(mailbox.smtp_password_env) or None,
        use_tls=mailbox.smtp_security == Security.STARTTLS,
        use_ssl=mailbox.smtp_security == Security.TLS,
        timeout=30,
    )


def _recipient(conversation: Conversation) -> str:
    identity = (
        CustomerIdentity.objects.filter(
            customer=conversation.customer, kind=CustomerIdentity.Kind.EMAIL
        )
        .order_by("-is_primary", "id")
        .first()
    )
    if identity is None:
        raise DeliveryError("The customer has no email address.", temporary=False)
    if identity.undeliverable_since:
        raise DeliveryError(
            f"{identity.value} bounced on {identity.undeliverable_since:%Y-%m-%d}; "
            "reach the customer another way.",
            temporary=False,
        )
    return identity.value


def _threading(conversation: Conversation, message: Message) -> dict[str, str]:
    """In-Reply-To the customer's last mail; References its chain plus it (RFC 5322 3.6.4)."""
    last = (
        conversation.messages.filter(kind=Message.Kind.INBOUND, created_at__lte=message.created_at)
        .exclude(external_id="")
        .order_by("-created_at", "-id")
        .first()
    )
    if last is None:
        return {}
    chain = [*last.channel_metadata.get("references", []), last.external_id]
    return {"In-Reply-To": last.external_id, "References": " ".join(chain[-20:])}


def fix_message_id(message: Message, domain: str) -> str:
    """The reply's Message-ID, chosen once: the first caller's id wins for every retry."""
    if message.external_id:
        return message.external_id
    return fix_external_id(message, make_msgid(domain=domain))


class EmailAdapter:
    channel: str = Channel.EMAIL.value

    def send(self, message: Message) -> str:
        conversation = message.conversation
        store = conversation.store
        mailbox = mailbox_for(conversation)
        sender_address = mailbox.address if mailbox else store.sender_email
        message_id = fix_message_id(message, sender_address.rpartition("@")[2] or "localhost")
        headers = {"Message-ID": message_id, **_threading(conversation, message)}
        if message.author_kind in AUTOMATIC_AUTHORS:
            headers["Auto-Submitted"] = "auto-replied"
        subject = normalize_subject(conversation.subject) or store.name
        signature = mailbox.signature.strip() if mailbox else ""
        text = message.body_text + (f"\n\n-- \n{signature}" if signature else "")
        html = message.body_html or text_to_html(message.body_text)
        if signature:
            html += "<p>-- <br>" + text_to_html(signature)[3:]
        mail = EmailMultiAlternatives(
            subject=f"Re: {subject} {subject_token(conversation)}",
            body=text,
            from_email=formataddr((store.sender_name, sender_address)),
            to=[_recipient(conversation)],
            headers=headers,
            connection=connection_for(mailbox),
        )
        mail.attach_alternative(html, "text/html")
        for attachment in message.attachments.all():
            with attachment.file.open("rb") as handle:
                mail.attach(attachment.filename, handle.read(), attachment.content_type)
        try:
            mail.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as error:
            raise DeliveryError(f"The server refused the recipient: {error}", temporary=False) \
                from error  # fmt: skip
        except smtplib.SMTPResponseException as error:
            permanent = 500 <= error.smtp_code < 600
            raise DeliveryError(
                f"SMTP {error.smtp_code}: {error.smtp_error!r}", temporary=not permanent
            ) from error
        except (TimeoutError, smtplib.SMTPException, OSError) as error:
            raise DeliveryError(f"Could not reach the mail server: {error}", temporary=True) \
                from error  # fmt: skip
        return message_id
