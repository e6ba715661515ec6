import pytest
from django.core.management import call_command

from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.language.steps import detect_message_language
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


def _inbound(conversation, text, captured):
    with captured(execute=True):
        message = do_add_message(
            conversation, NewMessage(kind="inbound", author_kind="customer", text=text)
        )
    message.refresh_from_db()
    conversation.refresh_from_db()
    return message


def test_an_inbound_message_gets_its_language_and_the_conversation_follows(
    cast, django_capture_on_commit_callbacks
):
    conversation = cast.conversation_a  # customer profile says "de"
    message = _inbound(
        conversation,
        "Bonjour, mon colis n'est toujours pas arrivé. Pouvez-vous vérifier ?",
        django_capture_on_commit_callbacks,
    )
    assert message.language == "fr"
    assert conversation.language == "fr"


def test_a_short_message_keeps_the_customers_known_language(
    cast, django_capture_on_commit_callbacks
):
    message = _inbound(cast.conversation_a, "ok danke", django_capture_on_commit_callbacks)
    assert message.language == "de"
    cast.conversation_a.refresh_from_db()
    assert cast.conversation_a.language == "de"


def test_an_unknown_customer_language_is_learnt_from_a_reliable_detection(
    cast, django_capture_on_commit_callbacks
):
    customer = f.make_customer(cast.store, name="Ana", email="ana@mail.example", language="")
    conversation = f.make_conversation(customer, text="x")
    _inbound(
        conversation,
        "Hola, quiero devolver las zapatillas porque me quedan pequeñas.",
        django_capture_on_commit_callbacks,
    )
    customer.refresh_from_db()
    assert customer.language == "es"


def test_the_step_is_idempotent_and_respects_a_language_set_by_the_channel(
    cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        message = do_add_message(
            cast.conversation_a,
            NewMessage(
                kind="inbound", author_kind="customer", text="Where is my parcel?", language="ja"
            ),
        )
    detect_message_language(message)
    detect_message_language(message)
    message.refresh_from_db()
    assert message.language == "ja"


def test_a_message_without_letters_is_left_without_language_when_nothing_is_known(
    cast, django_capture_on_commit_callbacks
):
    customer = f.make_customer(cast.store, name="N", email="n@mail.example", language="")
    conversation = f.make_conversation(customer, text="x")
    conversation.language = ""
    conversation.save(update_fields=["language"])
    message = _inbound(conversation, "?? 12345 !!", django_capture_on_commit_callbacks)
    assert message.language == ""


def test_language_eval_prints_per_language_and_overall_accuracy(tmp_path, capsys):
    (tmp_path / "de.txt").write_text(
        "Wo ist meine Bestellung? Ich warte schon lange.\n\nDas Paket ist beschädigt angekommen.\n"
    )
    (tmp_path / "en.txt").write_text("My parcel arrived damaged, what should I do now?\n")
    (tmp_path / "fr.txt").write_text("Where is my order? I have been waiting for weeks.\n")
    call_command("language", "eval", str(tmp_path))
    out = capsys.readouterr().out.splitlines()
    assert out[1].split()[:3] == ["de", "2", "100.00%"]
    assert out[2].split()[:3] == ["en", "1", "100.00%"]
    assert out[3].split() == ["fr", "1", "0.00%", "en", "1"]
    assert out[4].split() == ["overall", "4", "75.00%"]


def test_language_eval_refuses_a_folder_without_files(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="holds no"):
        call_command("language", "eval", str(tmp_path))
