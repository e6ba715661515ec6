"""Every text the widget shows or the chat sends, translated on the server: the widget gets
its strings in the visitor's language when the session starts."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override


def widget_strings(language: str) -> dict[str, str]:
    with override(language):
        return {key: str(text) for key, text in WIDGET_STRINGS.items()}


WIDGET_STRINGS = {
    "open": _("Chat with us"),
    "close": _("Close the chat"),
    "title": _("Customer service"),
    "placeholder": _("Type your message"),
    "send": _("Send"),
    "attach": _("Attach a file"),
    "typing": _("Typing…"),
    "you": _("You"),
    "agent": _("Customer service"),
    "assistant": _("Assistant"),
    "reconnecting": _("Connection lost. Reconnecting…"),
    "connected": _("Connected"),
    "email_label": _("Your email address"),
    "email_submit": _("Continue by email"),
    "transcript": _("Email me a transcript"),
    "transcript_sent": _("We have sent the transcript to your email address."),
    "upload_failed": _("The file could not be sent."),
    "too_fast": _("You are sending messages too quickly. Please wait a moment."),
    "log": _("Chat messages"),
}

HANDED_OVER = _("I am passing you to a member of our team. Someone will be with you shortly.")
NO_AGENT = _(
    "Nobody from our team is available right now. Leave your email address and we will "
    "answer you by email."
)
CONTINUES_BY_EMAIL = _("Thank you. We will answer you by email at %(email)s.")
CONTINUES_BY_EMAIL_BY = _(
    "Thank you. We will answer you by email at %(email)s by %(when)s, %(place)s time."
)
INVALID_EMAIL = _("That does not look like an email address. Please check it.")
TRANSCRIPT_SUBJECT = _("Your chat with %(store)s")
TRANSCRIPT_INTRO = _("Here is the transcript of your chat with %(store)s.")
TRANSCRIPT_TIMES = _("Times are shown in %(zone)s.")
