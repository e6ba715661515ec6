"""Who may open which desk page: the whole cast, page by page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_login(cast, login):
    client = login(None)
    for url in (reverse("desk:inbox"), reverse("desk:conversation", args=[cast.conversation_a.id])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('desk:login')}?next={url}"


def test_customers_are_refused(cast, login):
    client = login(cast.customer_user)
    assert client.get(reverse("desk:inbox")).status_code == 403
    assert (
        client.get(reverse("desk:conversation", args=[cast.conversation_a.id])).status_code == 403
    )


def test_inactive_agents_are_refused(cast, login):
    client = login(cast.agent_a.user)
    cast.agent_a.user.is_active = False
    cast.agent_a.user.save()
    assert client.get(reverse("desk:inbox")).status_code in (302, 403)


@pytest.mark.parametrize(
    ("member", "visible"),
    [
        ("admin", {"a", "b", "out"}),
        ("supervisor_a", {"a"}),
        ("agent_a", {"a"}),
        ("agent_b", {"b"}),
        ("outsourced", {"out"}),
    ],
)
def test_inbox_and_conversation_pages_follow_visibility(cast, login, member, visible):
    client = login(getattr(cast, member).user)
    inbox = client.get(reverse("desk:inbox"))
    assert inbox.status_code == 200
    shown = {c["id"] for c in inbox.context["page"]}
    by_name = {"a": cast.conversation_a, "b": cast.conversation_b, "out": cast.conversation_out}
    assert shown == {by_name[n].id for n in visible}
    for name, conversation in by_name.items():
        response = client.get(reverse("desk:conversation", args=[conversation.id]))
        assert response.status_code == (200 if name in visible else 404)


def test_conversation_page_shows_thread_and_customer_local_time(cast, login):
    import time_machine

    client = login(cast.agent_a.user)
    with time_machine.travel("2026-07-01 12:00:00+00:00", tick=False):
        response = client.get(reverse("desk:conversation", args=[cast.conversation_a.id]))
    body = response.content.decode()
    assert "Wo ist mein Paket?" in body
    # Clara lives in Berlin (UTC+2 in summer); the agent sees her wall clock.
    assert "Wed 14:00" in body
    assert "Europe/Berlin" in body


def test_inbox_handles_hostile_page_numbers(cast, login):
    client = login(cast.admin.user)
    for page in ("abc", "-1", "99999999999999999999", "1;DROP TABLE"):
        response = client.get(reverse("desk:inbox"), {"page": page})
        assert response.status_code == 200


def test_unknown_conversation_is_404(cast, login):
    client = login(cast.admin.user)
    assert client.get("/desk/conversations/987654/").status_code == 404
    assert client.get("/desk/conversations/not-a-number/").status_code == 404
