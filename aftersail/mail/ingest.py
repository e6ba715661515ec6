"""Inbound mail: store the raw bytes first (:func:`do_store_inbound`), then parse them into a
conversation exactly once (:func:`do_process_inbound`).

Processing runs in one transaction that starts by claiming the stored row (state
``received``): a worker killed halfway leaves the row ``received`` and nothing else behind,
and the next run (the reconciler, the next poll) does the whole job again.
"""

from __future__ import annotations

import email
import hashlib
import logging
from datetime import timedelta
from email.policy import compat32
from email.utils import parseaddr

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.commerce.models import Store
from aftersail.conversations.actions import NewMessage, do_add_message, do_open_conversation
from aftersail.conversations.models import Attachment, Channel, Conversation, Message
from aftersail.customers.actions import CustomerError, IdentityKind, find_or_create_customer
from aftersail.customers.models import Customer
from aftersail.customers.selectors import find_customer
from aftersail.mail import threads
from aftersail.mail.bounces import record_bounce
from aftersail.mail.charsets import decode_header_value
from aftersail.mail.models import InboundEmail, Mailbox
from aftersail.mail.parsing import ParsedEmail, UnparseableEmail, normalize_message_id, parse_email

log = logging.getLogger(__name__)
State = InboundEmail.State


def _peek(raw: bytes) -> tuple[str, str, str]:
    """Message-ID, sender and subject for the admin list; never fails."""
    try:
        head = email.message_from_bytes(raw[:65536].split(b"\r\n\r\n")[0], policy=compat32)
        sender = parseaddr(decode_header_value(head.get("From")))[1].lower()[:254]
        return (
            normalize_message_id(decode_header_value(head.get("Message-ID")))[:255],
            sender,
            decode_header_value(head.get("Subject"))[:300],
        )
    except Exception:
        return "", "", ""


def do_store_inbound(
    *,
    store: Store,
    raw: bytes,
    source: str,
    mailbox: Mailbox | None = None,
    source_ref: str = "",
) -> tuple[InboundEmail, bool]:
    """Keeps the raw bytes; the same bytes stored twice give the first row back."""
    digest = hashlib.sha256(raw).hexdigest()
    existing = InboundEmail.objects.filter(store=store, sha256=digest).first()
    if existing is not None:
        return existing, False
    message_id, sender, subject = _peek(raw)
    fields = {
        "mailbox": mailbox,
        "source": source,
        "source_ref": source_ref[:255],
        "raw": raw,
        "size": len(raw),
        "message_id_header": message_id,
        "from_address": sender,
        "subject": subject,
    }
    if len(raw) > settings.MAIL_MAX_MESSAGE_BYTES:
        fields |= {
            "state": State.QUARANTINED,
            "reason": f"The message is {len(raw)} bytes, over the limit of "
            f"{settings.MAIL_MAX_MESSAGE_BYTES}.",
        }
    try:
        with transaction.atomic():
            return InboundEmail.objects.create(store=store, sha256=digest, **fields), True
    except IntegrityError:  # stored by a concurrent poll a moment ago
        return InboundEmail.objects.get(store=store, sha256=digest), False


def _finish(row: InboundEmail, state: str, outcome: str, reason: str = "", **links: object) -> str:
    InboundEmail.objects.filter(id=row.id).update(
        state=state,
        outcome=outcome,
        reason=reason[:4000],
        processed_at=timezone.now(),
        updated_at=timezone.now(),
        **links,
    )
    return outcome


def do_process_inbound(inbound_id: int) -> str:
    """Parses one stored mail into a conversation; returns the outcome ("" when another
    worker already did it). Never raises for a bad mail: it is quarantined with the reason."""
    with transaction.atomic():
        row = (
            InboundEmail.objects.select_for_update(of=("self",))
            .select_related("store", "mailbox")
            .filter(id=inbound_id, state=State.RECEIVED)
            .first()
        )
        if row is None:
            return ""
        InboundEmail.objects.filter(id=row.id).update(attempts=row.attempts + 1)
        try:
            parsed = parse_email(bytes(row.raw))
        except UnparseableEmail as error:
            return _finish(row, State.QUARANTINED, "unparseable", str(error))
        except Exception as error:  # a parser bug must not stop the other mail
            log.exception("parsing inbound email %s failed", row.public_id)
            return _finish(
                row, State.QUARANTINED, "parser_error", f"{type(error).__name__}: {error}"
            )
        try:
            with transaction.atomic():
                return _apply(row, parsed)
        except Exception as error:
            log.exception("applying inbound email %s failed", row.public_id)
            return _finish(row, State.QUARANTINED, "error", f"{type(error).__name__}: {error}")


def _apply(row: InboundEmail, parsed: ParsedEmail) -> str:
    store = row.store
    message_id = parsed.message_id or f"<{row.sha256[:40]}@no-message-id.invalid>"
    duplicate = Message.objects.filter(channel=Channel.EMAIL, external_id=message_id).exists()
    if duplicate or (
        parsed.message_id
        and InboundEmail.objects.filter(store=store, message_id_header=parsed.message_id)
        .exclude(id=row.id)
        .filter(state=State.PARSED)
        .exists()
    ):
        return _finish(row, State.DROPPED, "duplicate", f"Message-ID {message_id} was seen before.")
    if parsed.bounce is not None:
        return _apply_bounce(row, parsed)

    window_start = row.created_at - timedelta(hours=1)
    recent = InboundEmail.objects.filter(
        store=store,
        from_address=parsed.from_address,
        created_at__gte=window_start,
        created_at__lte=row.created_at,
        state=State.PARSED,
    ).count()
    if recent >= settings.MAIL_SENDER_LIMIT_PER_HOUR:
        return _finish(
            row,
            State.DROPPED,
            "rate_limited",
            f"{parsed.from_address} sent {recent} mails within the hour before this one.",
        )

    try:
        known, refusal = find_customer(store, IdentityKind.EMAIL, parsed.from_address), ""
    except CustomerError as refused:  # an address the customers app cannot store
        known, refusal = None, str(refused)
    if known is None and parsed.automatic:
        return _finish(
            row, State.DROPPED, "automatic", f"Automatic mail ({parsed.automatic}) from a stranger."
        )
    if refusal:
        return _finish(row, State.QUARANTINED, "unparseable", f"Unusable sender: {refusal}")
    customer = known or _new_customer(store, parsed)
    conversation, how = threads.find_conversation(store, customer, parsed, row.created_at)
    if conversation is None and parsed.automatic:
        return _finish(
            row,
            State.DROPPED,
            "automatic",
            f"Automatic mail ({parsed.automatic}) that answers no open conversation.",
        )
    outcome = "threaded"
    if conversation is None:
        outcome = "new_conversation"
        conversation = do_open_conversation(
            store=store,
            customer=customer,
            channel=Channel.EMAIL,
            actor=Actor.customer(),
            subject=threads.normalize_subject(parsed.subject),
            at=row.created_at,
        )
    message = do_add_message(conversation, _new_message(row, parsed, message_id, how))
    for attachment in parsed.attachments:
        stored = Attachment(
            message=message,
            filename=attachment.filename,
            content_type=attachment.content_type[:127],
            size=len(attachment.content),
            sha256=hashlib.sha256(attachment.content).hexdigest(),
            is_inline=attachment.is_inline,
            content_id=attachment.content_id,
        )
        stored.file.save(attachment.filename, ContentFile(attachment.content), save=False)
        stored.save()
    return _finish(
        row, State.PARSED, outcome, conversation_id=conversation.id, message_id=message.id
    )


def _new_customer(store: Store, parsed: ParsedEmail) -> Customer:
    # Found or created: a worker processing another mail of this sender may have created
    # them since the lookup above.
    address = parsed.from_address
    customer, _created = find_or_create_customer(
        store, IdentityKind.EMAIL, address, name=parsed.from_name or address.split("@")[0]
    )
    return customer


def _new_message(row: InboundEmail, parsed: ParsedEmail, message_id: str, how: str) -> NewMessage:
    text = parsed.text or parsed.subject or ""
    if not text.strip() and not parsed.html:
        names = ", ".join(a.filename for a in parsed.attachments)
        text = f"[{names}]" if names else "[empty message]"
    metadata = {
        "inbound_email": str(row.public_id),
        "mailbox": row.mailbox_id,
        "from": parsed.from_address,
        "to": parsed.to[:20],
        "subject": parsed.subject,
        "in_reply_to": parsed.in_reply_to[:5],
        "references": parsed.references[-20:],
        "thread_index_root": parsed.thread_index_root,
        "threaded_by": how,
        # Other steps (acknowledgements, the assistant) must never answer automatic mail.
        "is_automatic": bool(parsed.automatic),
        "automatic_reason": parsed.automatic,
        "quoted_text": parsed.quoted[:20000],
        "signature": parsed.signature[:2000],
        "charset": parsed.charset,
        "refused_attachments": parsed.refused[:50],
    }
    return NewMessage(
        kind=Message.Kind.INBOUND,
        author_kind=Message.AuthorKind.CUSTOMER,
        text=text,
        html=parsed.html,
        channel=Channel.EMAIL,
        external_id=message_id[:255],
        metadata=metadata,
        at=row.created_at,
    )


def _apply_bounce(row: InboundEmail, parsed: ParsedEmail) -> str:

    conversation = record_bounce(row.store, parsed, row.created_at)
    bounce = parsed.bounce
    recipients = ", ".join(bounce.recipients) if bounce else ""
    reason = f"Bounce for {recipients or 'unknown recipients'}"
    if bounce and bounce.diagnostic:
        reason += f": {bounce.diagnostic}"
    links = {"conversation_id": conversation.id} if conversation else {}
    return _finish(row, State.PARSED, "bounce", reason, **links)


def do_reprocess(row: InboundEmail) -> None:
    """Puts a quarantined or dropped mail back in line (an admin's action)."""
    InboundEmail.objects.filter(id=row.id, state__in=(State.QUARANTINED, State.DROPPED)).update(
        state=State.RECEIVED, reason="", outcome="", updated_at=timezone.now()
    )


def pending_ids(limit: int = 500, older_than: timedelta = timedelta(0)) -> list[int]:
    cutoff = timezone.now() - older_than
    return list(
        InboundEmail.objects.filter(state=State.RECEIVED, created_at__lte=cutoff)
        .order_by("created_at", "id")
        .values_list("id", flat=True)[:limit]
    )


__all__ = ["Conversation", "do_process_inbound", "do_reprocess", "do_store_inbound"]
