"""The parts of a mail that become attachments of a message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ParsedAttachment:
    filename: str
    content_type: str
    content: bytes
    is_inline: bool = False
    content_id: str = ""
