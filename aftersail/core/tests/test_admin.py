"""Every admin page opens for an administrator and stays closed to everyone else."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _admin_pages():
    for model in admin.site._registry:
        meta = model._meta
        yield reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")


def test_admin_pages_open_for_administrators(cast, login):
    client = login(cast.admin.user)
    for url in _admin_pages():
        assert client.get(url).status_code == 200, url
    conversation = cast.conversation_a
    assert (
        client.get(
            reverse("admin:conversations_conversation_change", args=[conversation.id])
        ).status_code
        == 200
    )
    assert (
        client.get(reverse("admin:accounts_agent_change", args=[cast.agent_a.id])).status_code
        == 200
    )


@pytest.mark.parametrize("member", [None, "customer_user", "agent_a", "outsourced", "supervisor_a"])
def test_admin_is_closed_to_everyone_else(cast, login, member):
    user = None
    if member == "customer_user":
        user = cast.customer_user
    elif member:
        user = getattr(cast, member).user
    client = login(user)
    for url in _admin_pages():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/")


def test_timeline_events_are_read_only_in_the_admin(cast, login):
    client = login(cast.admin.user)
    event = cast.conversation_a.events.first()
    assert client.get(reverse("admin:conversations_conversationevent_add")).status_code == 403
    page = client.get(reverse("admin:conversations_conversationevent_change", args=[event.id]))
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
