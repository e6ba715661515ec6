import pytest
from django.urls import reverse

from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Message
from aftersail.language.models import TranslationSettings
from aftersail.language.tests.fake_providers import fake_provider_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def server():
    with fake_provider_server() as running:
        yield running


@pytest.fixture
def german_message(cast):
    return do_add_message(
        cast.conversation_a,
        NewMessage(
            kind="inbound",
            author_kind="customer",
            text="Wo ist meine Bestellung? Ich warte seit zwei Wochen.",
            language="de",
        ),
    )


def _translate_url(message):
    return reverse("language:translate_message", args=[message.public_id])


def _users(cast):
    return {
        "admin": cast.admin.user,
        "supervisor_a": cast.supervisor_a.user,
        "agent_a": cast.agent_a.user,
        "agent_b": cast.agent_b.user,
        "outsourced": cast.outsourced.user,
        "customer": cast.customer_user,
        "anonymous": None,
    }


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("supervisor_a", 200),
        ("agent_a", 200),
        ("agent_b", 404),  # another team's conversation
        ("outsourced", 404),
        ("customer", 403),
        ("anonymous", 302),
    ],
)
def test_who_may_translate_a_message(cast, login, server, german_message, who, status):
    TranslationSettings.objects.create(
        store=cast.store, provider="deepl", api_url=server.url, api_key="secret-key"
    )
    for agent in (cast.admin, cast.supervisor_a, cast.agent_a):
        agent.display_language = "en"
        agent.save(update_fields=["display_language"])
    response = login(_users(cast)[who]).post(_translate_url(german_message))
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Where is my order? I have been waiting for two weeks." in html
        assert "Wo ist meine Bestellung? Ich warte seit zwei Wochen." in html  # the original


def test_translate_needs_post(cast, login, german_message):
    assert login(cast.agent_a.user).get(_translate_url(german_message)).status_code == 405


def test_notes_are_not_translated_here(cast, login, server):
    note = do_add_message(
        cast.conversation_a,
        NewMessage(kind="note", author_kind="agent", author_agent=cast.agent_a, text="intern"),
    )
    assert login(cast.admin.user).post(_translate_url(note)).status_code == 404


def test_without_a_provider_the_fragment_says_so(cast, login, german_message):
    cast.agent_a.display_language = "en"  # reads the desk in English: wants a translation
    cast.agent_a.save()
    response = login(cast.agent_a.user).post(_translate_url(german_message))
    assert response.status_code == 200
    assert "Machine translation is not configured for this store." in response.content.decode()


def test_a_failing_provider_answers_502_with_the_original(cast, login, server, german_message):
    TranslationSettings.objects.create(
        store=cast.store, provider="deepl", api_url=server.url, api_key="secret-key"
    )
    server.fail_with = 503
    response = login(cast.admin.user).post(_translate_url(german_message))
    assert response.status_code == 502
    html = response.content.decode()
    assert "The translation service did not answer." in html
    assert "Wo ist meine Bestellung?" in html


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 302),
        ("agent_a", 302),
        ("agent_b", 404),
        ("outsourced", 404),
        ("customer", 403),
        ("anonymous", 302),
    ],
)
def test_who_may_send_a_translated_reply(cast, login, server, who, status):
    TranslationSettings.objects.create(
        store=cast.store, provider="deepl", api_url=server.url, api_key="secret-key"
    )
    cast.conversation_a.language = "de"
    cast.conversation_a.save(update_fields=["language"])
    for agent in (cast.admin, cast.agent_a):
        agent.display_language = "en"
        agent.save(update_fields=["display_language"])
    url = reverse("language:reply_translated", args=[cast.conversation_a.id])
    response = login(_users(cast)[who]).post(url, {"text": "Thank you for your patience."})
    assert response.status_code == status
    replies = Message.objects.filter(conversation=cast.conversation_a, kind="reply")
    if who in ("admin", "agent_a"):
        assert response["Location"] == reverse("desk:conversation", args=[cast.conversation_a.id])
        assert [m.body_text for m in replies] == ["Vielen Dank für Ihre Geduld."]
    else:
        assert not replies.exists()


def test_reply_without_provider_is_refused_with_409(cast, login):
    url = reverse("language:reply_translated", args=[cast.conversation_a.id])
    response = login(cast.agent_a.user).post(url, {"text": "Hello"})
    assert response.status_code == 409
    assert "not configured for this store" in response.content.decode()
    assert not Message.objects.filter(kind="reply").exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 20_001])
def test_reply_text_is_validated(cast, login, text):
    url = reverse("language:reply_translated", args=[cast.conversation_a.id])
    response = login(cast.agent_a.user).post(url, {"text": text})
    assert response.status_code == 422


def test_unknown_ids_are_404(cast, login):
    client = login(cast.admin.user)
    assert (
        client.post(
            "/desk/language/messages/00000000-0000-0000-0000-000000000000/translation/"
        ).status_code
        == 404
    )
    assert client.post("/desk/language/conversations/999999/reply-translated/").status_code == 404
    assert client.post("/desk/language/messages/not-a-uuid/translation/").status_code == 404
