"""Every workspace page and action, for every member of the cast.

Who may: the team's agents and supervisor, the admin. Who may not: another team's agent,
the outsourced agent (404: they must not learn the conversation exists), the customer (403),
anonymous visitors (to the login page).
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ALLOWED = {"admin", "supervisor_a", "agent_a"}
DENIED_AGENTS = {"agent_b", "outsourced"}
ACTIONS = [
    "reply",
    "status",
    "priority",
    "category",
    "tags",
    "assign",
    "merge",
    "split",
    "snooze",
    "wake",
]


def member_client(cast, login, member):
    if member == "anonymous":
        return login(None)
    if member == "customer":
        return login(cast.customer_user)
    return login(getattr(cast, member).user)


def expected(member, allowed_code):
    if member == "anonymous":
        return 302
    if member == "customer":
        return 403
    return allowed_code if member in ALLOWED else 404


MEMBERS = sorted(ALLOWED | DENIED_AGENTS | {"customer", "anonymous"})


@pytest.mark.parametrize("member", MEMBERS)
def test_conversation_page(cast, login, member):
    client = member_client(cast, login, member)
    url = reverse("desk:conversation", args=[cast.conversation_a.id])
    assert client.get(url).status_code == expected(member, 200)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("member", MEMBERS)
def test_conversation_actions(cast, login, member, action):
    client = member_client(cast, login, member)
    url = reverse("desk:conversation_action", args=[cast.conversation_a.id, action])
    response = client.post(url, {"status": "solved", "text": "hi", "add": "x"})
    assert response.status_code == expected(member, 302)
    if member not in ALLOWED:
        cast.conversation_a.refresh_from_db()
        assert cast.conversation_a.status == "new"
        assert cast.conversation_a.messages.count() == 1


@pytest.mark.parametrize("member", MEMBERS)
def test_actions_refuse_get(cast, login, member):
    client = member_client(cast, login, member)
    url = reverse("desk:conversation_action", args=[cast.conversation_a.id, "status"])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("member", MEMBERS)
def test_customer_page_and_merge(cast, login, member):
    client = member_client(cast, login, member)
    url = reverse("desk:customer", args=[cast.customer.public_id])
    assert client.get(url).status_code == expected(member, 200)
    merge = reverse("desk:customer_merge", args=[cast.customer.public_id])
    assert client.post(merge, {"email": "nobody@x.example"}).status_code == expected(member, 302)
    response = client.post(
        url,
        {
            "name": "Changed",
            "language": "de",
            "country": "DE",
            "time_zone": "Europe/Berlin",
            "given_name": "C",
        },
    )
    assert response.status_code == expected(member, 302)
    cast.customer.refresh_from_db()
    assert (cast.customer.name == "Changed") is (member in ALLOWED)


@pytest.mark.parametrize("member", MEMBERS)
def test_bulk_changes_only_visible_conversations(cast, login, member):
    client = member_client(cast, login, member)
    ids = [c.id for c in cast.conversations]
    response = client.post(reverse("desk:bulk"), {"ids": ids, "action": "status:solved"})
    assert response.status_code == {"anonymous": 302, "customer": 403}.get(member, 302)
    solved = {c.id for c in cast.conversations if (c.refresh_from_db() or c.status == "solved")}
    visible = {
        "admin": set(ids),
        "supervisor_a": {cast.conversation_a.id},
        "agent_a": {cast.conversation_a.id},
        "agent_b": {cast.conversation_b.id},
        "outsourced": {cast.conversation_out.id},
    }.get(member, set())
    assert solved == visible
