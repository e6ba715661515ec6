"""The inbox table's rows, read as plain values and prepared in Python.

Each row is a dict of display strings: the template then only prints them. Reading values
instead of model instances (five of them a row: conversation, customer, team, agent, user)
and resolving labels, URLs and dates here rather than in the template cuts the page's time
by more than half at 50 rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from aftersail.conversations.models import Category, Channel, Conversation, Priority, Status

SUBJECT_CHARS = 70
ROW_FIELDS = (
    "id",
    "subject",
    "category",
    "channel",
    "language",
    "status",
    "priority",
    "last_message_at",
    "customer__name",
    "customer__country",
    "team__name",
    "assignee__user__full_name",
    "assignee__user__email",
)


def inbox_rows(values: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Display values of each row (a dict of ``ROW_FIELDS``); one query for the tags."""
    tags: dict[int, list[str]] = defaultdict(list)
    ids = [value["id"] for value in values]
    if ids:
        through = Conversation.tags.through.objects.filter(conversation_id__in=ids)
        for conversation_id, name in through.order_by("tag__name").values_list(
            "conversation_id", "tag__name"
        ):
            tags[conversation_id].append(name)
    # One reverse() for the whole page: the conversation id is the URL's only variable.
    url_template = reverse("desk:conversation", args=[0]).replace("/0/", "/{}/")
    labels = {
        "category": dict(Category.choices),
        "channel": dict(Channel.choices),
        "status": dict(Status.choices),
        "priority": dict(Priority.choices),
    }
    no_subject = _("(no subject)")
    # The "D j M H:i" date format, with the day and month names translated once a page.
    weekdays = {day: str(name) for day, name in WEEKDAYS_ABBR.items()}
    months = {month: str(name).title() for month, name in MONTHS_3.items()}
    rows = []
    for value in values:
        last = localtime(value["last_message_at"]) if value["last_message_at"] else None
        assignee = value["assignee__user__full_name"] or value["assignee__user__email"]
        subject = value["subject"] or no_subject
        rows.append(
            {
                "id": value["id"],
                "url": url_template.format(value["id"]),
                "subject": (
                    Truncator(subject).chars(SUBJECT_CHARS)
                    if len(subject) > SUBJECT_CHARS
                    else subject
                ),
                "tags": tags.get(value["id"], ()),
                "category": labels["category"].get(value["category"], ""),
                "customer": value["customer__name"],
                "country": value["customer__country"],
                "channel": labels["channel"].get(value["channel"], value["channel"]),
                "language": value["language"],
                "status": value["status"],
                "status_label": labels["status"].get(value["status"], value["status"]),
                "priority": value["priority"],
                "priority_label": labels["priority"].get(value["priority"], value["priority"]),
                "team": value["team__name"] or "—",
                "assignee": assignee or "—",
                "last_iso": last.isoformat() if last else "",
                "last": (
                    f"{weekdays[last.weekday()]} {last.day} {months[last.month]} {last:%H:%M}"
                    if last
                    else ""
                ),
            }
        )
    return rows
