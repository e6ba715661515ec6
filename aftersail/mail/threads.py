"""Finding the conversation an inbound mail belongs to, in a fixed order of trust:

1. In-Reply-To / References naming a message of ours (a reply we sent, or an earlier mail
   of the customer);
2. the conversation token ``[AS-123]`` we put in reply subjects;
3. Outlook's Thread-Index (the conversation part, see :func:`parsing.thread_index_root`);
4. the same customer writing with the same subject (Re:/AW:/... removed) within a window.

Whatever matches, a mail never joins another customer's conversation, and a closed
conversation is never reopened: the mail starts a follow-up.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from aftersail.commerce.models import Store
from aftersail.conversations.models import Channel, Conversation, Message, Status
from aftersail.customers.models import Customer
from aftersail.mail.parsing import ParsedEmail

SUBJECT_WINDOW = timedelta(days=7)
TOKEN = re.compile(r"\[AS-(\d{1,12})\]")
# Reply and forward prefixes of common mail programs in the desk's languages and beyond.
_PREFIX = re.compile(
    r"^\s*((re|aw|wg|fw|fwd|tr|rv|enc|odp|pd|sv|vs|antw|r|回复|转发|答复|件名)\s*(\[\d+\])?\s*[:：]\s*)+",
    re.IGNORECASE,
)


def subject_token(conversation: Conversation) -> str:
    return f"[AS-{conversation.pk}]"


def normalize_subject(subject: str) -> str:
    subject = TOKEN.sub("", subject)
    previous = None
    while previous != subject:
        previous = subject
        subject = _PREFIX.sub("", subject).strip()
    return " ".join(subject.split())[:300]


def _usable(conversation: Conversation | None, customer: Customer) -> Conversation | None:
    if conversation is None or conversation.customer_id != customer.id:
        return None
    if conversation.status == Status.CLOSED:
        return None
    return conversation


def find_conversation(
    store: Store, customer: Customer, parsed: ParsedEmail, when: datetime
) -> tuple[Conversation | None, str]:
    """The conversation to join and how it was found ("" when none)."""
    ids = [*parsed.in_reply_to, *reversed(parsed.references)]
    if ids:
        matches = {
            m.external_id: m.conversation
            for m in Message.objects.filter(
                conversation__store=store,
                channel__in=(Channel.EMAIL, Channel.FORM),
                external_id__in=ids[:100],
            ).select_related("conversation")
        }
        for message_id in ids:
            found = _usable(matches.get(message_id), customer)
            if found:
                return found, "references"
    for token in TOKEN.findall(parsed.subject):
        found = _usable(Conversation.objects.filter(store=store, id=int(token)).first(), customer)
        if found:
            return found, "subject_token"
    if parsed.thread_index_root:
        message = (
            Message.objects.filter(
                conversation__store=store,
                conversation__customer=customer,
                channel_metadata__thread_index_root=parsed.thread_index_root,
            )
            .select_related("conversation")
            .order_by("-created_at")
            .first()
        )
        found = _usable(message.conversation if message else None, customer)
        if found:
            return found, "thread_index"
    subject = normalize_subject(parsed.subject)
    if subject:
        conversation = (
            Conversation.objects.filter(
                store=store,
                customer=customer,
                subject__iexact=subject,
                last_message_at__gte=when - SUBJECT_WINDOW,
            )
            .exclude(status=Status.CLOSED)
            .order_by("-last_message_at")
            .first()
        )
        if conversation:
            return conversation, "subject"
    return None, ""
