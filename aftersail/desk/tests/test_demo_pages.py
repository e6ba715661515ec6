"""The workspace pages render the demo store's real-looking data for each kind of agent."""

from datetime import datetime

import pytest
from django.urls import reverse

from aftersail.accounts.models import User
from aftersail.conversations.selectors import visible_conversations
from aftersail.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_demo_workspace_pages_render(login):
    load_demo(now=datetime.fromisoformat("2026-11-22T09:30:00+00:00"))
    for email in (
        "lukas.becker@nordlicht-outdoor.example",
        "aiko.tanaka@nordlicht-outdoor.example",
        "sophie.wagner@nordlicht-outdoor.example",
    ):
        user = User.objects.get(email=email)
        client = login(user)
        for queue in ("mine", "unassigned", "teams", "all", "snoozed"):
            assert client.get(reverse("desk:inbox"), {"queue": queue}).status_code == 200
        conversations = visible_conversations(user.agent).order_by("id")[:5]
        assert conversations
        for conversation in conversations:
            page = client.get(reverse("desk:conversation", args=[conversation.id]))
            assert page.status_code == 200
            assert page.context["macros"], "the shipped macros are offered"
            customer = client.get(reverse("desk:customer", args=[conversation.customer.public_id]))
            assert customer.status_code == 200
