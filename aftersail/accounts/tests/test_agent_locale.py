"""The desk speaks the agent's profile language and shows the agent's time zone."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("display_language", "browser", "expected"),
    [
        ("de", "en", "Posteingang"),  # the profile beats the browser
        ("ja", "de", "受信箱"),
        ("en", "de", "Inbox"),
        ("", "fr", "Boîte de réception"),  # no profile language: the browser decides
        ("xx", "es", "Bandeja de entrada"),  # nor with one the desk does not speak
    ],
)
def test_desk_pages_use_the_agents_display_language(
    cast, login, display_language, browser, expected
):
    cast.agent_a.display_language = display_language
    cast.agent_a.save()
    page = login(cast.agent_a.user).get(reverse("desk:inbox"), HTTP_ACCEPT_LANGUAGE=browser)
    assert f"<title>{expected}" in page.content.decode()


def test_pages_outside_the_desk_follow_the_browser(cast, login):
    cast.agent_a.display_language = "de"
    cast.agent_a.save()
    page = login(cast.agent_a.user).get(reverse("portal:landing"), HTTP_ACCEPT_LANGUAGE="fr")
    assert page["Content-Language"] == "fr"
