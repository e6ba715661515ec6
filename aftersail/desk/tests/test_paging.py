"""The inbox counts up to a cap, pages past it, and its rows show what the models hold."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import do_change_tags
from aftersail.conversations.models import Conversation
from aftersail.desk import views
from aftersail.desk.paging import capped_page
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


def make_conversations(cast, n):
    return [f.make_conversation(cast.customer, team=cast.team_a, subject=f"Q{i}") for i in range(n)]


@pytest.mark.parametrize(
    ("raw", "number", "rows", "has_next"),
    [
        (None, 1, 2, True),
        ("2", 2, 2, True),
        ("3", 3, 1, False),
        ("9", 3, 1, False),  # past the end: the last page, as Paginator.get_page does
        ("0", 1, 2, True),
        ("-4", 1, 2, True),
        ("abc", 1, 2, True),
        ("1" * 40, 3, 1, False),
    ],
)
def test_capped_page_under_the_cap(cast, raw, number, rows, has_next):
    make_conversations(cast, 4)  # and the cast's own conversation of team A
    queryset = Conversation.objects.filter(team=cast.team_a)
    assert queryset.count() == 5
    page = capped_page(queryset, raw, size=2, cap=100)
    assert (page.number, len(page), page.has_next, page.total, page.capped) == (
        number,
        rows,
        has_next,
        5,
        False,
    )
    assert page.num_pages == 3
    assert page.has_previous == (number > 1)


def test_capped_page_pages_past_the_cap(cast):
    make_conversations(cast, 6)
    queryset = Conversation.objects.filter(team=cast.team_a).order_by("id")
    first = capped_page(queryset, "1", size=2, cap=3)
    assert (first.total, first.capped, first.num_pages) == (3, True, None)
    # Page 4 lies past the 3 counted rows and is still served, with its neighbours known.
    fourth = capped_page(queryset, "4", size=2, cap=3)
    ids = list(queryset.values_list("id", flat=True))
    assert [row.id for row in fourth] == ids[6:7]
    assert (fourth.has_previous, fourth.has_next) == (True, False)
    values = capped_page(queryset, "2", size=2, cap=3, values=("id", "subject"))
    assert values.rows == [
        {"id": ids[2], "subject": queryset[2].subject},
        {"id": ids[3], "subject": queryset[3].subject},
    ]


def test_inbox_says_how_many_up_to_the_cap(cast, login, monkeypatch):
    make_conversations(cast, 4)
    client = login(cast.agent_a.user)
    monkeypatch.setattr(views, "INBOX_PAGE_SIZE", 2)
    monkeypatch.setattr(views, "INBOX_COUNT_CAP", 3)
    page = client.get(reverse("desk:inbox")).content.decode()
    assert '<small class="muted">3+</small>' in page
    assert "Page 1</li>" in page and "Older" in page
    third = client.get(reverse("desk:inbox"), {"page": 3}).content.decode()
    assert "Page 3</li>" in third and "Older" not in third and "Newer" in third
    monkeypatch.setattr(views, "INBOX_COUNT_CAP", 100)
    page = client.get(reverse("desk:inbox")).content.decode()
    assert '<small class="muted">5</small>' in page and "Page 1 of 3" in page


def test_inbox_rows_show_the_conversation(cast, login):
    conversation = cast.conversation_a
    Conversation.objects.filter(id=conversation.id).update(
        subject="Ä" * 80,
        category="return",
        channel="chat",
        status="pending",
        priority="high",
        language="fr",
        last_message_at=datetime(2026, 3, 2, 16, 5, tzinfo=UTC),
        assignee=cast.agent_a,
    )
    do_change_tags(conversation, Actor.system(), add=["vip", "dhl"])
    cast.agent_a.time_zone = "Europe/Berlin"
    cast.agent_a.save()
    client = login(cast.agent_a.user)
    response = client.get(reverse("desk:inbox"), {"status": "any"})
    [row] = [row for row in response.context["rows"] if row["id"] == conversation.id]
    assert row == {
        "id": conversation.id,
        "url": f"/desk/conversations/{conversation.id}/",
        "subject": "Ä" * 69 + "…",
        "tags": ["dhl", "vip"],
        "category": "Return",
        "customer": cast.customer.name,
        "country": cast.customer.country,
        "channel": "Live chat",
        "language": "fr",
        "status": "pending",
        "status_label": "Pending",
        "priority": "high",
        "priority_label": "High",
        "team": cast.team_a.name,
        "assignee": cast.agent_a.name,
        "last_iso": "2026-03-02T17:05:00+01:00",
        "last": "Mon 2 Mar 17:05",
    }
