import pytest

pytestmark = pytest.mark.django_db

HEADINGS = {
    "en": "How can we help you?",
    "de": "Wie können wir Ihnen helfen?",
    "fr": "Comment pouvons-nous vous aider ?",
    "es": "¿Cómo podemos ayudarte?",
    "pl": "Jak możemy pomóc?",
    "ja": "どのようなご用件でしょうか？",
}


@pytest.mark.parametrize(("language", "heading"), list(HEADINGS.items()))
def test_landing_speaks_the_visitors_language(client, language, heading):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=f"{language};q=1.0, en;q=0.5")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{language}"' in body
    assert heading in body


def test_regional_variants_fall_back_to_the_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-AT,de;q=0.9")
    assert HEADINGS["de"] in response.content.decode()


def test_unsupported_languages_fall_back_to_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sw")
    assert HEADINGS["en"] in response.content.decode()


@pytest.mark.parametrize(
    "header",
    ["", "*", ";;;,,,", "x" * 2000, "de;q=abc", "../../etc/passwd", "ja-JP\r\nX-Evil: 1"],
)
def test_hostile_accept_language_headers(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 200


def test_language_switcher_remembers_the_choice(client):
    response = client.post("/i18n/setlang/", {"language": "pl", "next": "/"})
    assert response.status_code == 302
    assert HEADINGS["pl"] in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_landing_names_the_store(client, cast):
    assert "Cast Outdoor" in client.get("/").content.decode()


def test_landing_without_any_store(client):
    assert "Aftersail" in client.get("/").content.decode()
