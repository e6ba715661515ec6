"""Reading one raw email into the facts the desk needs; never trusts the sender.

Uses the ``compat32`` policy of the standard library, which keeps going on malformed MIME
(every header and body is decoded here, defensively, see :mod:`aftersail.mail.charsets`).
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message as MimeMessage
from email.policy import compat32
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from django.conf import settings

from aftersail.core.html import html_to_text, sanitize_html
from aftersail.mail import automatic, quoting
from aftersail.mail.automatic import Bounce
from aftersail.mail.charsets import decode_bytes, decode_header_value
from aftersail.mail.message_ids import message_ids, normalize_message_id, thread_index_root
from aftersail.mail.parts import ParsedAttachment
from aftersail.mail.tnef import unpack_tnef

# Refused whatever their declared type: programs and scripts that run when opened.
# (The list follows the file types Microsoft Outlook blocks by default:
# https://support.microsoft.com/office/blocked-attachments-in-outlook-434752e1-02d3-4e90-9124-8b81e49a8519)
_DANGEROUS = """ade adp app appx bas bat bgi chm cmd com cpl crt dll exe hlp hta inf ins isp jar
js jse lnk mde msc msi msix msp mst ocx pcd pif ps1 psm1 reg scf scr sct shb shs sys url vb vbe
vbs vxd ws wsc wsf wsh"""
DANGEROUS_EXTENSIONS = frozenset(_DANGEROUS.split())
DANGEROUS_TYPES = frozenset(
    {
        "application/x-msdownload",
        "application/x-msdos-program",
        "application/x-dosexec",
        "application/x-executable",
        "application/x-sh",
        "application/javascript",
        "application/hta",
    }
)


__all__ = [
    "ParsedAttachment",
    "ParsedEmail",
    "UnparseableEmail",
    "message_ids",
    "normalize_message_id",
    "parse_email",
    "thread_index_root",
]


class UnparseableEmail(ValueError):
    """The email cannot become a message; the reason is shown to admins in the quarantine."""


@dataclass
class ParsedEmail:
    message_id: str
    from_address: str
    from_name: str
    to: list[str]
    subject: str
    date: datetime | None
    in_reply_to: list[str]
    references: list[str]
    thread_index_root: str
    text: str
    html: str
    quoted: str
    signature: str
    charset: str
    automatic: str  # why it is automatic ("" for a person's mail)
    bounce: Bounce | None
    attachments: list[ParsedAttachment] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)


def _text_of(part: MimeMessage) -> tuple[str, str]:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = str(part.get_payload()).encode("utf-8", "surrogateescape")
    return decode_bytes(payload, part.get_content_charset())


def _filename(part: MimeMessage) -> str:
    try:
        name = part.get_filename()  # RFC 2231 parameters are joined and decoded here
    except Exception:
        name = None
    if name is None:
        name = part.get_param("name", header="content-type")  # type: ignore[assignment]
        if isinstance(name, tuple):
            name = email.utils.collapse_rfc2231_value(name)
    text = decode_header_value(name) if name else ""
    # Only the last path component, without control characters.
    text = re.split(r"[\\/]", text)[-1]
    return "".join(ch for ch in text if ch.isprintable())[:200]


def _recipients(mime: MimeMessage) -> list[str]:
    values = [
        decode_header_value(value)
        for name in ("To", "Cc", "Delivered-To")
        for value in mime.get_all(name) or []
    ]
    return [address.lower() for _name, address in getaddresses(values) if address][:50]


def parse_email(raw: bytes) -> ParsedEmail:
    if not raw.strip():
        raise UnparseableEmail("The message is empty.")
    mime = email.message_from_bytes(raw, policy=compat32)
    if not mime.keys():
        raise UnparseableEmail("The message has no headers.")
    name, address = parseaddr(decode_header_value(mime.get("From", "")))
    address = address.strip().lower()
    if "@" not in address or " " in address or len(address) > 254:
        raise UnparseableEmail(f"No usable sender address in From: {mime.get('From', '')!r:.200}")

    texts: list[str] = []
    htmls: list[str] = []
    attachments: list[ParsedAttachment] = []
    refused: list[dict[str, str]] = []
    charset = ""
    for part in mime.walk():
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        disposition = decode_header_value(part.get("Content-Disposition")).split(";")[0]
        disposition = disposition.strip().lower()
        content_id = decode_header_value(part.get("Content-ID")).strip().strip("<>")[:250]
        filename = _filename(part)
        is_body = disposition != "attachment" and not filename
        if content_type.startswith("multipart/"):  # declared multipart, but no boundary
            content_type = "text/plain"
        if is_body and content_type == "text/plain":
            text, charset = _text_of(part)
            texts.append(text)
        elif is_body and content_type == "text/html":
            html, charset = _text_of(part)
            htmls.append(html)
        elif content_type in ("message/delivery-status", "message/rfc822", "text/rfc822-headers"):
            continue  # read by the bounce detector
        else:
            payload = part.get_payload(decode=True)
            content = payload if isinstance(payload, bytes) else b""
            attachments.append(
                ParsedAttachment(
                    filename=filename or "attachment",
                    content_type=content_type,
                    content=content,
                    is_inline=disposition == "inline" or bool(content_id),
                    content_id=content_id,
                )
            )
    attachments, refused = _unpack_and_filter(attachments)

    html = sanitize_html(quoting.strip_html_quote("\n".join(htmls))) if htmls else ""
    text = "\n".join(texts) if texts else html_to_text(html)
    split = quoting.split_reply(text)
    date = None
    try:
        date = parsedate_to_datetime(decode_header_value(mime.get("Date")))
        if date is not None and date.tzinfo is None:
            date = None
    except (TypeError, ValueError, IndexError):
        date = None
    return ParsedEmail(
        message_id=normalize_message_id(decode_header_value(mime.get("Message-ID"))),
        from_address=address,
        # Bounded only against giant headers: the customers app fits the name to its field
        # without cutting a character (an emoji, an accent) in half.
        from_name=name.strip()[:1000],
        to=_recipients(mime),
        subject=decode_header_value(mime.get("Subject"))[:300],
        date=date,
        in_reply_to=message_ids(decode_header_value(mime.get("In-Reply-To"))),
        references=message_ids(decode_header_value(mime.get("References"))),
        thread_index_root=thread_index_root(decode_header_value(mime.get("Thread-Index"))),
        text=split.new,
        html=html,
        quoted=split.quoted,
        signature=split.signature,
        charset=charset,
        automatic=automatic.automatic_reason(mime, address),
        bounce=automatic.find_bounce(mime, address),
        attachments=attachments,
        refused=refused,
    )


def _unpack_and_filter(
    found: list[ParsedAttachment],
) -> tuple[list[ParsedAttachment], list[dict[str, str]]]:
    expanded: list[ParsedAttachment] = []
    refused: list[dict[str, str]] = []
    for attachment in found:
        if attachment.content_type == "application/ms-tnef" or attachment.filename.lower() == (
            "winmail.dat"
        ):
            unpacked = unpack_tnef(attachment.content)
            if unpacked is None:
                refused.append({"filename": attachment.filename, "reason": "unreadable TNEF"})
            expanded.extend(unpacked or [])
        else:
            expanded.append(attachment)
    kept: list[ParsedAttachment] = []
    for attachment in expanded:
        name = attachment.filename.lower().rstrip(". ")
        extension = name.rpartition(".")[2] if "." in name else ""
        if extension in DANGEROUS_EXTENSIONS or attachment.content_type in DANGEROUS_TYPES:
            refused.append({"filename": attachment.filename, "reason": "dangerous type"})
        elif len(attachment.content) > settings.MAIL_MAX_ATTACHMENT_BYTES:
            refused.append({"filename": attachment.filename, "reason": "too large"})
        elif len(kept) >= settings.MAIL_MAX_ATTACHMENTS:
            refused.append({"filename": attachment.filename, "reason": "too many attachments"})
        else:
            kept.append(attachment)
    return kept, refused
