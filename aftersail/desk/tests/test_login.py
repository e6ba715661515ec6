import pytest
from django.urls import reverse

from aftersail.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_agent_logs_in_and_lands_on_the_inbox(cast, client):
    response = client.post(
        reverse("desk:login"), {"username": "agent.a@cast.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:inbox")
    assert client.get(reverse("desk:inbox")).status_code == 200


def test_login_is_case_insensitive_for_the_email(cast, client):
    # Addresses are stored lower-case; people type them however they like.
    response = client.post(
        reverse("desk:login"), {"username": " Agent.A@Cast.EXAMPLE ", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_wrong_password_gets_a_clear_error(cast, client):
    response = client.post(
        reverse("desk:login"), {"username": "agent.a@cast.example", "password": "nope"}
    )
    assert response.status_code == 200
    assert "Please enter a correct email and password" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"username": "x" * 5000, "password": "y" * 5000},
        {"username": "not-an-email", "password": "x"},
        {"username": "agent.a@cast.example\x00", "password": PASSWORD},
        {"username": ["a", "b"], "password": PASSWORD},
    ],
)
def test_hostile_login_input_is_rejected_without_error(cast, client, data):
    response = client.post(reverse("desk:login"), data)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_repeated_failures_are_rate_limited(cast, client):
    for _ in range(10):
        client.post(reverse("desk:login"), {"username": "agent.a@cast.example", "password": "bad"})
    response = client.post(
        reverse("desk:login"), {"username": "agent.a@cast.example", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_requires_post(cast, login):
    client = login(cast.agent_a.user)
    assert client.get(reverse("desk:logout")).status_code == 405
    assert client.post(reverse("desk:logout")).status_code == 302
    assert client.get(reverse("desk:inbox")).status_code == 302


def test_login_refuses_external_redirects(cast, client):
    response = client.post(
        reverse("desk:login") + "?next=https://evil.example/",
        {"username": "agent.a@cast.example", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:inbox")
