import pytest
from django.core.management import call_command

from aftersail.assistant.dialogue import AssistantTurn
from aftersail.assistant.triage import classify_message, do_hand_over
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Message
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


@pytest.fixture
def fresh(cast, classifier):
    customer = f.make_customer(cast.store, name="Jan", email="jan@mail.example", language="pl")
    order = f.make_order(customer, number="N200300")
    conversation = f.make_conversation(customer, text="-", subject="")
    return conversation, order


def test_classify_sets_category_intent_and_links_the_named_order(
    fresh, django_capture_on_commit_callbacks
):
    conversation, order = fresh
    message = _inbound(
        conversation,
        "Gdzie jest moje zamówienie N200300? Czekam już dwa tygodnie.",
        django_capture_on_commit_callbacks,
    )
    triage = message.channel_metadata["triage"]
    assert triage["intent"] == "track_order"
    assert triage["order_numbers"] == ["N200300"]
    assert conversation.category == "where_is_my_order"
    assert conversation.order == order
    kinds = list(conversation.events.values_list("kind", flat=True))
    assert kinds.count("category_changed") == 1
    assert kinds.count("order_linked") == 1


def test_classify_is_idempotent_and_keeps_a_category_set_by_a_person(
    fresh, django_capture_on_commit_callbacks
):
    conversation, _order = fresh
    conversation.category = "invoice"
    conversation.save(update_fields=["category"])
    message = _inbound(
        conversation, "I want to return the jacket I bought", django_capture_on_commit_callbacks
    )
    classify_message(message)
    conversation.refresh_from_db()
    assert conversation.category == "invoice"
    assert message.channel_metadata["triage"]["category"] == "return"
    assert not conversation.events.filter(kind="category_changed").exists()


def test_an_order_of_another_customer_is_not_linked(
    cast, fresh, django_capture_on_commit_callbacks
):
    conversation, _order = fresh
    other = f.make_customer(cast.store, name="Eve", email="eve@mail.example")
    f.make_order(other, number="N999999")
    _inbound(conversation, "where is my order N999999", django_capture_on_commit_callbacks)
    assert conversation.order is None


def test_unsure_classification_leaves_the_category_empty(fresh, django_capture_on_commit_callbacks):
    conversation, _order = fresh
    _inbound(conversation, "tell me a joke", django_capture_on_commit_callbacks)
    assert conversation.category == ""


@pytest.mark.parametrize("text", ["\x01\x02\x1b[31m", "a" * 100_000, "💥" * 50])
def test_hostile_messages_are_processed_without_error(
    fresh, django_capture_on_commit_callbacks, text
):
    conversation, _order = fresh
    message = _inbound(conversation, text, django_capture_on_commit_callbacks)
    assert message.processed_at is not None
    assert "triage" in message.channel_metadata


def test_hand_over_files_the_conversation_and_leaves_a_note(fresh):
    conversation, order = fresh
    turn = AssistantTurn(
        text="...",
        language="pl",
        intent="return_item",
        category="return",
        confidence=0.91,
        handover=True,
        reason="return needs a person",
        facts={"order_number": "N200300", "email": "jan@mail.example"},
        state={"verified_order": "N200300"},
        order_id=order.pk,
    )
    note = do_hand_over(conversation, turn)
    conversation.refresh_from_db()
    assert conversation.category == "return"
    assert conversation.order == order
    assert note.kind == Message.Kind.NOTE
    assert note.body_text == (
        "Assistant handed over (return needs a person).\n"
        "Language: pl. Category: return. Intent: return_item (confidence 0.91).\n"
        "Facts: email jan@mail.example, order_number N200300\n"
        "Verified order: N200300."
    )


def test_train_includes_the_stores_categorized_conversations(
    cast, classifier, capsys, settings, tmp_path
):
    from aftersail.assistant import classifier as module  # "classifier" is the fixture

    settings.VAR_DIR = tmp_path
    customer = f.make_customer(cast.store, name="Kim", email="kim@mail.example")
    for text in ("Der Reißverschluss klemmt seit dem ersten Tag", "Zamek w kurtce się zacina"):
        conversation = f.make_conversation(customer, text=text)
        conversation.category = "warranty"
        conversation.save(update_fields=["category"])
    try:
        call_command("assistant", "train")
        out = capsys.readouterr().out
        assert "of the store's own conversations" in out
        # the cast's conversations have no category: only these two (and none uncategorized)
        assert out.strip().endswith("and 2 of the store's own conversations.")
        trained = module.get_classifier()
        assert "category:warranty" in trained.labels
        assert (tmp_path / "assistant" / "store_examples.json").exists()
    finally:
        module.reset_cache()
