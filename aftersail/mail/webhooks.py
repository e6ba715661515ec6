"""Inbound mail pushed by a provider (Mailgun, Postmark, SendGrid, ... through
django-anymail's inbound views, which check each provider's signature or basic auth).

The handler only stores the raw MIME; parsing follows the same path as IMAP mail.
"""

from __future__ import annotations

from typing import Any

from anymail.signals import AnymailInboundEvent, inbound

from aftersail.commerce.models import Store
from aftersail.mail.ingest import do_store_inbound
from aftersail.mail.models import InboundEmail, Mailbox
from aftersail.mail.tasks import enqueue_processing


def _mailbox_for(recipients: list[str]) -> Mailbox | None:
    found = Mailbox.objects.filter(address__in=recipients, is_active=True).first()
    return found or Mailbox.objects.filter(is_active=True).order_by("-is_default", "id").first()


def handle_inbound(sender: object, event: AnymailInboundEvent, esp_name: str, **_: Any) -> None:

    message = event.message
    if message is None:
        return
    recipients = [a.addr_spec.lower() for a in (message.to or []) + (message.cc or [])]
    envelope = (message.envelope_recipient or "").lower()
    mailbox = _mailbox_for([envelope, *recipients])
    store = mailbox.store if mailbox else Store.objects.order_by("created_at", "id").first()
    if store is None:
        return
    row, _created = do_store_inbound(
        store=store,
        raw=message.as_bytes(),
        source=InboundEmail.Source.WEBHOOK,
        mailbox=mailbox,
        source_ref=f"{esp_name}:{event.event_id or ''}",
    )
    enqueue_processing(row)


def connect() -> None:
    inbound.connect(handle_inbound, dispatch_uid="aftersail.mail.inbound")
