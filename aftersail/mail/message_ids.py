"""Message-IDs and Outlook's Thread-Index: how a mail names itself and its thread."""

from __future__ import annotations

import base64
import re

_MSGID = re.compile(r"<[^<>\s]{1,250}>")


def message_ids(value: str) -> list[str]:
    return _MSGID.findall(value or "")


def normalize_message_id(value: str) -> str:
    ids = message_ids(value)
    return ids[0] if ids else ""


def thread_index_root(value: str) -> str:
    """The conversation part of Outlook's Thread-Index: its first 22 bytes (a FILETIME and a
    GUID), the same in every mail of a thread ([MS-OXOMSG] 2.2.1.3, PidTagConversationIndex)."""
    try:
        data = base64.b64decode("".join(value.split()), validate=True)
    except ValueError:
        return ""
    return data[:22].hex() if len(data) >= 22 else ""
