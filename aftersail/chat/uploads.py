"""Files a visitor sends from the widget: images and PDFs up to 5 MB, recognized by their
content (never by the name or the browser's claimed type), stored before anything else."""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from aftersail.chat.models import ChatSession
from aftersail.chat.services import ChatError, _ensure_conversation
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Attachment, Channel, Message
from aftersail.core import ratelimit

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOADS_PER_HOUR = 10
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)


def sniff(head: bytes) -> str | None:
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def clean_filename(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"|?*')
    return name.strip(" .")[:120] or "file"


@transaction.atomic
def do_upload(session: ChatSession, upload: UploadedFile) -> Message:
    if not ratelimit.hit("chat-upload", session.public_id.hex, limit=UPLOADS_PER_HOUR,
                         window_seconds=3600):  # fmt: skip
        raise ChatError("too_fast")
    if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
        raise ChatError("too_large")
    content = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES or not content:
        raise ChatError("too_large" if content else "empty")
    content_type = sniff(content[:16])
    if content_type is None:
        raise ChatError("file_type")
    filename = clean_filename(upload.name or "")
    conversation = _ensure_conversation(session, filename)
    message = do_add_message(
        conversation,
        NewMessage(kind=Message.Kind.INBOUND, author_kind=Message.AuthorKind.CUSTOMER,
                   text=f"📎 {filename}", channel=Channel.CHAT),
    )  # fmt: skip
    attachment = Attachment(
        message=message,
        filename=filename,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    attachment.file.save(filename, ContentFile(content), save=False)
    attachment.save()
    return message
