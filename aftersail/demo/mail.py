"""The demo's email channel: the store's mailbox and a few mails through the real pipeline
(a customer's answer that threads by the subject token, a bounce, a newsletter that is
dropped, and a broken mail in the quarantine for the admin to see)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aftersail.conversations.models import Conversation, Message, Status
from aftersail.customers.models import CustomerIdentity
from aftersail.mail.actions import do_process_inbound, do_store_inbound
from aftersail.mail.models import InboundEmail, Mailbox
from aftersail.mail.selectors import subject_token

if TYPE_CHECKING:
    from aftersail.demo.context import DemoContext

ADDRESS = "care@nordlicht-outdoor.example"


def _mails(conversation: Conversation, email: str, name: str) -> list[bytes]:
    token = subject_token(conversation)
    answer = (
        f"From: {name} <{email}>\r\nTo: Nordlicht Outdoor <{ADDRESS}>\r\n"
        f"Subject: Re: {conversation.subject} {token}\r\n"
        "Message-ID: <demo-answer-1@kunde.example>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        "Danke für die schnelle Antwort! Ich schicke Ihnen heute noch ein Foto.\r\n\r\n"
        f"Am 27.11.2026 um 16:02 schrieb Nordlicht Outdoor <{ADDRESS}>:\r\n"
        "> Könnten Sie uns ein Foto des Schadens schicken?\r\n"
    )
    bounce = (
        f"From: Mail Delivery System <MAILER-DAEMON@mx.nordlicht-outdoor.example>\r\n"
        f"To: {ADDRESS}\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <demo-bounce-1@mx.nordlicht-outdoor.example>\r\n"
        "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/report; report-type=delivery-status; "
        'boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.nordlicht-outdoor.example\r\n\r\n"
        "Final-Recipient: rfc822; alt.adresse@kunde-alt.example\r\nAction: failed\r\n"
        "Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 Mailbox does not exist\r\n--B--\r\n"
    )
    newsletter = (
        "From: Outdoor Trade Fair <news@fair.example>\r\n"
        f"To: {ADDRESS}\r\nSubject: Exhibitor newsletter\r\nPrecedence: bulk\r\n"
        "Message-ID: <demo-news-1@fair.example>\r\n\r\nBook your stand for 2027.\r\n"
    )
    broken = f"To: {ADDRESS}\r\nSubject: ???\r\n\r\nA mail without any sender.\r\n"
    return [answer.encode(), bounce.encode(), newsletter.encode(), broken.encode()]


def build_mail(ctx: DemoContext) -> None:
    Mailbox.objects.create(
        public_id=ctx.uuid(),
        store=ctx.store,
        name="Customer care",
        address=ADDRESS,
        is_default=True,
        signature="Nordlicht Outdoor · Kundenservice\nhttps://nordlicht-outdoor.example",
    )
    conversation = (
        Conversation.objects.filter(
            store=ctx.store, channel="email", status=Status.PENDING, customer__language="de"
        )
        .order_by("id")
        .first()
    )
    identity = (
        CustomerIdentity.objects.filter(customer=conversation.customer, kind="email").first()
        if conversation
        else None
    )
    if conversation is None or identity is None:
        return
    last_before = Message.objects.order_by("-id").values_list("id", flat=True).first() or 0
    for raw in _mails(conversation, identity.value, conversation.customer.name):
        row, _created = do_store_inbound(
            store=ctx.store, raw=raw, source=InboundEmail.Source.UPLOAD
        )
        # Received an hour before the demo's clock, so the demo is the same every time.
        InboundEmail.objects.filter(id=row.id).update(created_at=ctx.ago(hours=1))
        do_process_inbound(row.id)
    # Ids from the demo's seeded generator, like the rest of the demo.
    for message_id in (
        Message.objects.filter(id__gt=last_before).order_by("id").values_list("id", flat=True)
    ):
        Message.objects.filter(id=message_id).update(public_id=ctx.uuid())
