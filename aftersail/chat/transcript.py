"""The chat transcript by email, in the visitor's language and local time."""

from __future__ import annotations

from datetime import datetime

from django.db.models import F
from django.utils.translation import override

from aftersail.chat import strings
from aftersail.chat.models import ChatSession
from aftersail.chat.services import ChatError, wire_messages
from aftersail.chat.sessions import session_language
from aftersail.core.localization import format_local, zone_label
from aftersail.customers.models import CustomerIdentity
from aftersail.messaging.actions import send_customer_email

MAX_TRANSCRIPTS = 3  # per session: the transcript button must not become a mail cannon


def transcript_text(session: ChatSession, language: str) -> str:
    if session.conversation is None:
        return ""
    store = session.store
    zone = session.customer.time_zone or session.browser_time_zone or store.time_zone
    lines = [
        str(strings.TRANSCRIPT_INTRO) % {"store": store.name},
        str(strings.TRANSCRIPT_TIMES) % {"zone": zone_label(zone, language)},
        "",
    ]
    you, team, bot = (str(strings.WIDGET_STRINGS[key]) for key in ("you", "agent", "assistant"))
    for wire in wire_messages(session.conversation.id, limit=1000):
        message = wire.payload
        when = format_local(datetime.fromisoformat(message["at"]), zone, language,
                            "d MMM y, HH:mm")  # fmt: skip
        author = {"customer": you, "assistant": bot}.get(message["author"], team)
        if message["name"]:
            author = f"{author} ({message['name']})"
        lines.append(f"[{when}] {author}: {message['text']}")
    return "\n".join(lines) + "\n"


def do_send_transcript(session: ChatSession) -> str:
    """Mails the transcript to the customer's email address; returns the address."""
    if session.conversation is None:
        raise ChatError("nothing_to_send")
    identity = (
        CustomerIdentity.objects.filter(customer=session.customer, kind=CustomerIdentity.Kind.EMAIL)
        .order_by("-is_primary", "id")
        .first()
    )
    if identity is None:
        raise ChatError("email_needed")
    won = ChatSession.objects.filter(id=session.id, transcripts_sent__lt=MAX_TRANSCRIPTS).update(
        transcripts_sent=F("transcripts_sent") + 1
    )
    if not won:
        raise ChatError("too_many_transcripts")
    language = session_language(session)
    with override(language):
        send_customer_email(
            store=session.store,
            to=identity.value,
            subject=str(strings.TRANSCRIPT_SUBJECT) % {"store": session.store.name},
            text=transcript_text(session, language),
        )
    return identity.value
