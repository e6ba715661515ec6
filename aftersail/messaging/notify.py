"""Automatic mail to customers (acknowledgements, notifications, return forms).

One place decides the sender identity and the headers, so that every automatic mail
carries ``Auto-Submitted: auto-generated`` (RFC 3834) and comes from the store.
Conversation replies do not come through here: they are messages delivered by their
channel's adapter.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.utils import formataddr, make_msgid

from django.core.mail import EmailMultiAlternatives

from aftersail.commerce.models import Store


def store_sender(store: Store) -> str:
    return formataddr((store.sender_name, store.sender_email))


def send_customer_email(
    *,
    store: Store,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    attachments: Sequence[tuple[str, bytes, str]] = (),
    headers: dict[str, str] | None = None,
    automatic: bool = True,
) -> str:
    """Sends one mail from the store to ``to``; returns its Message-ID."""
    domain = store.sender_email.rpartition("@")[2] or "localhost"
    message_id = make_msgid(domain=domain)
    all_headers = {"Message-ID": message_id, **(headers or {})}
    if automatic:
        all_headers.setdefault("Auto-Submitted", "auto-generated")
    mail = EmailMultiAlternatives(
        subject=subject.replace("\n", " ").replace("\r", " "),
        body=text,
        from_email=store_sender(store),
        to=[to],
        headers=all_headers,
    )
    if html:
        mail.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        mail.attach(filename, content, mimetype)
    mail.send(fail_silently=False)
    return message_id
