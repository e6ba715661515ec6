"""Unpacking Outlook's TNEF container (winmail.dat) into the files it carries."""

from __future__ import annotations

import logging
import mimetypes

from tnefparse import TNEF

from aftersail.mail.parts import ParsedAttachment

log = logging.getLogger(__name__)


def unpack_tnef(data: bytes) -> list[ParsedAttachment] | None:
    """The attachments inside ``data``; None when it is not readable TNEF."""
    try:
        container = TNEF(data)
    except Exception as error:  # tnefparse raises bare ValueErrors and struct errors
        log.info("unreadable TNEF attachment: %s", error)
        return None
    found = []
    for attachment in container.attachments:
        name = attachment.long_filename() or attachment.name or "attachment"
        if isinstance(name, bytes):
            name = name.decode("utf-8", "replace")
        found.append(
            ParsedAttachment(
                filename=str(name).strip("\x00")[:200],
                content_type=mimetypes.guess_type(str(name))[0] or "application/octet-stream",
                content=bytes(attachment.data or b""),
            )
        )
    return found
