"""The inbox and the conversation page run a fixed number of SQL queries, however many
rows or messages they show."""

import pytest
from django.urls import reverse

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import Upload, do_agent_message, do_change_tags
from aftersail.macros.actions import load_library
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db
INBOX_QUERIES = 8
CONVERSATION_QUERIES = 18  # 16 for the page, 2 for the SLA panel (clocks, promise)


def fill_inbox(cast, n):
    for i in range(n):
        customer = f.make_customer(cast.store, country="FR", language="fr")
        c = f.make_conversation(
            customer, team=cast.team_a, assignee=cast.agent_a, subject=f"Question {i}"
        )
        do_change_tags(c, Actor.system(), add=[f"t{i % 3}", "vip"])


@pytest.mark.parametrize("rows", [5, 50])
def test_inbox_query_count(cast, login, django_assert_num_queries, rows):
    fill_inbox(cast, rows - 1)  # plus the cast's own conversation of team A
    client = login(cast.agent_a.user)
    client.get(reverse("desk:inbox"))  # warm the session
    with django_assert_num_queries(INBOX_QUERIES):
        response = client.get(reverse("desk:inbox"), {"tag": "vip", "status": "any"})
    assert len(response.context["page"]) == rows - 1
    with django_assert_num_queries(INBOX_QUERIES):
        response = client.get(reverse("desk:inbox"))
    assert len(response.context["page"]) == rows


@pytest.mark.parametrize("count", [5, 50])
def test_conversation_query_count(
    cast, login, django_assert_num_queries, count, settings, tmp_path
):

    settings.MEDIA_ROOT = tmp_path
    load_library()
    for n in range(3):
        order = f.make_order(cast.customer, lines=(("A", 1, "5.00"), ("B", 2, "7.00")))
        f.make_shipment(order)
        f.make_conversation(cast.customer, team=cast.team_a, subject=f"Earlier {n}")
    conversation = cast.conversation_a
    do_change_tags(conversation, Actor.system(), add=["vip", "dhl"])
    for i in range(count - 1):
        do_agent_message(
            conversation,
            cast.agent_a,
            kind="note" if i % 2 else "reply",
            text=f"Message {i}",
            uploads=[Upload(f"f{i}.txt", b"x")],
        )
    client = login(cast.agent_a.user)
    url = reverse("desk:conversation", args=[conversation.id])
    client.get(url)
    with django_assert_num_queries(CONVERSATION_QUERIES):
        response = client.get(url)
    assert len(response.context["messages_list"]) == count
