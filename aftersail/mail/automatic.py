"""Recognizing mail that no person wrote: auto-replies, lists, bounces.

Sources: RFC 3834 (Auto-Submitted; "an automatic responder must not answer mail that is
itself automatic"), RFC 2076 and common practice for Precedence, RFC 3464 (delivery status
notifications, multipart/report; report-type=delivery-status), RFC 2369/2919 (List-*
headers), and Microsoft's X-Auto-Response-Suppress header ([MS-OXCMAIL] 2.1.3.2.20).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message as MimeMessage

from aftersail.mail.charsets import decode_bytes, decode_header_value
from aftersail.mail.message_ids import normalize_message_id

_DAEMONS = re.compile(r"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.IGNORECASE)
_NOREPLY = re.compile(r"^(no-?reply|do-?not-?reply|bounce[s]?)[@+\-.]", re.IGNORECASE)


def automatic_reason(mime: MimeMessage, sender: str) -> str:
    """Why this mail is automatic, or "" when a person wrote it."""
    auto = decode_header_value(mime.get("Auto-Submitted")).lower()
    if auto and auto.split(";")[0].strip() != "no":
        return f"Auto-Submitted: {auto}"
    precedence = decode_header_value(mime.get("Precedence")).lower().strip()
    if precedence in ("bulk", "list", "junk", "auto_reply"):
        return f"Precedence: {precedence}"
    for header in ("X-Autoreply", "X-Autorespond", "X-Auto-Reply"):
        if mime.get(header):
            return f"{header} present"
    suppress = decode_header_value(mime.get("X-Auto-Response-Suppress")).lower()
    if "all" in suppress or "oof" in suppress:
        return f"X-Auto-Response-Suppress: {suppress}"
    if mime.get("List-Id") or mime.get("List-Unsubscribe"):
        return "mailing list"
    if decode_header_value(mime.get("Return-Path")).strip() == "<>":
        return "null sender (Return-Path: <>)"
    if _DAEMONS.match(sender) or _NOREPLY.match(sender):
        return f"sender {sender}"
    if mime.get_content_type() == "multipart/report":
        return "delivery report"
    return ""


@dataclass(frozen=True)
class Bounce:
    recipients: tuple[str, ...]  # addresses that could not be reached
    diagnostic: str
    original_message_id: str  # the Message-ID of our mail that bounced, when quoted


_FIELD = re.compile(r"^([A-Za-z-]+)\s*:\s*(.*)$")


def _status_fields(part: MimeMessage) -> list[dict[str, str]]:
    """The per-message and per-recipient field groups of a message/delivery-status part."""
    payload = part.get_payload()
    if isinstance(payload, list):  # the email package parsed the groups as messages
        return [
            {k.lower(): decode_header_value(v) for k, v in group.items()}
            for group in payload
            if isinstance(group, MimeMessage)
        ]
    raw = part.get_payload(decode=True)
    text = decode_bytes(raw)[0] if isinstance(raw, bytes) else str(payload)
    groups: list[dict[str, str]] = []
    for block in re.split(r"\r?\n\s*\r?\n", text):
        fields = {}
        for line in block.splitlines():
            match = _FIELD.match(line)
            if match:
                fields[match.group(1).lower()] = match.group(2).strip()
        if fields:
            groups.append(fields)
    return groups


def _address(value: str) -> str:
    # "rfc822; someone@example.com"
    address = value.split(";", 1)[-1].strip().strip("<>").lower()
    return address if "@" in address else ""


def find_bounce(mime: MimeMessage, sender: str) -> Bounce | None:
    """The failed recipients of a delivery status notification (RFC 3464), or of a
    non-standard bounce from a mailer daemon; None when this is not a bounce."""
    report = mime.get_content_type() == "multipart/report" and (
        (mime.get_param("report-type") or "") == "delivery-status"
    )
    if not report and not _DAEMONS.match(sender):
        return None
    recipients: list[str] = []
    diagnostic = ""
    original = ""
    for part in mime.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            for group in _status_fields(part):
                action = group.get("action", "").lower()
                address = _address(group.get("final-recipient", "") or group.get(
                    "original-recipient", ""))  # fmt: skip
                if address and action in ("failed", ""):
                    recipients.append(address)
                    diagnostic = diagnostic or group.get("diagnostic-code", "") or group.get(
                        "status", "")  # fmt: skip
        elif kind in ("message/rfc822", "text/rfc822-headers") and not original:
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], MimeMessage):
                original = normalize_message_id(decode_header_value(inner[0].get("Message-ID")))
            else:
                raw = part.get_payload(decode=True)
                text = decode_bytes(raw)[0] if isinstance(raw, bytes) else str(inner)
                found = re.search(r"^Message-ID:\s*(<[^>]+>)", text, re.IGNORECASE | re.M)
                original = found.group(1) if found else ""
    if not recipients and not report:
        # A daemon's plain-text bounce: the addresses it names.
        for part in mime.walk():
            if part.get_content_type() == "text/plain":
                raw = part.get_payload(decode=True)
                body = decode_bytes(raw)[0] if isinstance(raw, bytes) else ""
                recipients = sorted(set(re.findall(r"<([^<>@\s]+@[^<>\s]+)>", body)))
                break
    return Bounce(tuple(dict.fromkeys(recipients)), diagnostic[:500], original)
