"""The pieces other apps built for the workspace are on its pages: translation of inbound
messages and of replies, the returns section of the customer 360, and the navigation to
returns and the shipping report."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_conversation_page_offers_translation_both_ways(cast, login):
    message = cast.conversation_a.messages.get()
    page = login(cast.agent_a.user).get(reverse("desk:conversation", args=[cast.conversation_a.id]))
    body = page.content.decode()
    assert reverse("language:translate_message", args=[message.public_id]) in body
    assert reverse("language:reply_translated", args=[cast.conversation_a.id]) in body


def test_customer_360_shows_returns_and_the_nav_leads_to_returns(cast, login):
    agent_page = login(cast.agent_a.user).get(
        reverse("desk:customer", args=[cast.customer.public_id])
    )
    body = agent_page.content.decode()
    assert 'id="customer-returns"' in body
    assert reverse("returns_desk:list") in body
    assert reverse("shipping_desk:report") not in body, "the shipping report is for supervisors"
    supervisor_page = login(cast.supervisor_a.user).get(reverse("desk:inbox"))
    assert reverse("shipping_desk:report") in supervisor_page.content.decode()
