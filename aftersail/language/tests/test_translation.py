import pytest

from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Message
from aftersail.language.models import Translation, TranslationSettings
from aftersail.language.providers import NotConfigured, TranslationError
from aftersail.language.tests.fake_providers import fake_provider_server
from aftersail.language.translation import (
    do_send_translated_reply,
    is_configured,
    protect,
    restore,
    translate_for_agent,
    translate_reply_for_customer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def server():
    with fake_provider_server() as running:
        yield running


def _configure(store, server, provider="deepl", **extra):
    return TranslationSettings.objects.create(
        store=store, provider=provider, api_url=server.url, api_key="secret-key", **extra
    )


def _inbound(conversation, text, language="de"):
    return do_add_message(
        conversation,
        NewMessage(kind="inbound", author_kind="customer", text=text, language=language),
    )


def test_glossary_terms_are_kept_through_placeholders():
    text, found = protect(
        "Mein Nordlicht Trekker 45 ist kaputt, der trekker 45!", ["Trekker 45", "Nordlicht"]
    )
    assert text == "Mein [[0]] [[1]] ist kaputt, der [[2]]!"
    assert found == ["Nordlicht", "Trekker 45", "trekker 45"]
    assert restore("My [[0]] [ [1] ] broken, the [[ 2 ]]!", found) == (
        "My Nordlicht [ [1] ] broken, the trekker 45!"
    )


def test_deepl_translates_a_message_for_the_agent_and_keeps_the_original(cast, server):
    _configure(cast.store, server, glossary="Trekker 45\n")
    cast.agent_b.display_language = "en"
    message = _inbound(cast.conversation_a, "Mein Trekker 45 ist kaputt.")
    translation = translate_for_agent(message, cast.agent_b)
    assert translation.text == "My Trekker 45 is broken."
    assert (translation.source_language, translation.target_language) == ("de", "en")
    assert translation.provider == "deepl"
    path, headers, body = server.requests[0]
    assert path == "/v2/translate"
    assert headers["Authorization"] == "DeepL-Auth-Key secret-key"
    assert body == {"text": ["Mein [[0]] ist kaputt."], "target_lang": "EN-GB", "source_lang": "DE"}
    message.refresh_from_db()
    assert message.body_text == "Mein Trekker 45 ist kaputt."
    # stored once: a second call asks nobody
    assert translate_for_agent(message, cast.agent_b) == translation
    assert len(server.requests) == 1


def test_no_translation_when_the_message_is_already_in_the_agents_language(cast, server):
    _configure(cast.store, server)
    cast.agent_a.display_language = "de"
    message = _inbound(cast.conversation_a, "Hallo")
    assert translate_for_agent(message, cast.agent_a) is None
    assert server.requests == []


def test_libretranslate_translates_the_reply_for_the_customer(cast, server):
    _configure(cast.store, server, provider="libretranslate", glossary="Trekker 45")
    cast.conversation_a.language = "de"
    cast.agent_b.display_language = "en"
    reply = translate_reply_for_customer(
        cast.conversation_a, "Your Trekker 45 will arrive tomorrow.", cast.agent_b
    )
    assert reply.text == "Ihr Trekker 45 kommt morgen an."
    assert reply.original == "Your Trekker 45 will arrive tomorrow."
    path, _headers, body = server.requests[0]
    assert path == "/translate"
    assert body == {
        "q": "Your [[0]] will arrive tomorrow.",
        "source": "en",
        "target": "de",
        "format": "text",
        "api_key": "secret-key",
    }


def test_a_translated_reply_is_sent_with_the_original_kept(
    cast, server, django_capture_on_commit_callbacks
):
    _configure(cast.store, server)
    cast.conversation_a.language = "de"
    cast.supervisor_a.display_language = "en"
    message = do_send_translated_reply(
        cast.conversation_a, cast.supervisor_a, "Thank you for your patience."
    )
    assert message.kind == Message.Kind.REPLY
    assert message.body_text == "Vielen Dank für Ihre Geduld."
    assert message.language == "de"
    assert message.channel_metadata["original"] == {
        "text": "Thank you for your patience.",
        "language": "en",
        "provider": "deepl",
    }


def test_without_a_provider_nothing_breaks_and_the_state_is_clear(cast):
    assert not is_configured(cast.store)
    message = _inbound(cast.conversation_a, "Mein Zelt ist kaputt.")
    with pytest.raises(NotConfigured):
        translate_for_agent(message, cast.agent_b)
    with pytest.raises(NotConfigured):
        translate_reply_for_customer(cast.conversation_a, "Hello", cast.agent_b)
    assert not Translation.objects.exists()


@pytest.mark.parametrize("status", [403, 456, 500, 503])
def test_provider_errors_become_translation_errors(cast, server, status):
    _configure(cast.store, server)
    server.fail_with = status
    message = _inbound(cast.conversation_a, "Mein Zelt ist kaputt.")
    with pytest.raises(TranslationError, match=f"HTTP {status}"):
        translate_for_agent(message, cast.agent_b)
    assert not Translation.objects.exists()


def test_a_wrong_key_is_an_error_not_a_crash(cast, server):
    TranslationSettings.objects.create(
        store=cast.store, provider="deepl", api_url=server.url, api_key="wrong"
    )
    message = _inbound(cast.conversation_a, "Mein Zelt ist kaputt.")
    with pytest.raises(TranslationError, match="HTTP 403"):
        translate_for_agent(message, cast.agent_b)


def test_an_unreachable_provider_is_an_error(cast):
    TranslationSettings.objects.create(
        store=cast.store, provider="libretranslate", api_url="http://127.0.0.1:9", api_key=""
    )
    message = _inbound(cast.conversation_a, "Mein Zelt ist kaputt.")
    with pytest.raises(TranslationError, match="unreachable"):
        translate_for_agent(message, cast.agent_b)


def test_argos_without_its_package_is_not_configured(cast):
    TranslationSettings.objects.create(store=cast.store, provider="argos")
    message = _inbound(cast.conversation_a, "Mein Zelt ist kaputt.")
    with pytest.raises(NotConfigured, match="argostranslate"):
        translate_for_agent(message, cast.agent_b)
