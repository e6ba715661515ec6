import pytest

from aftersail.accounts.actors import Actor
from aftersail.assistant.models import AssistantSettings
from aftersail.conversations.actions import NewMessage, do_add_message, do_open_conversation
from aftersail.conversations.models import Message
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(cast, classifier):
    customer = f.make_customer(cast.store, name="Anna", email="anna@mail.example", language="de")
    order = f.make_order(customer, number="N100482")
    f.make_shipment(order, carrier="dhl", tracking_number="00340434161094042557")
    return cast.store, customer


def _email(store, customer, text, captured, channel="email"):
    with captured(execute=True):
        conversation = do_open_conversation(
            store=store, customer=customer, channel=channel, actor=Actor.customer()
        )
        do_add_message(conversation, NewMessage(kind="inbound", author_kind="customer", text=text))
    return conversation


def _assistant_replies(conversation):
    return list(
        Message.objects.filter(conversation=conversation, author_kind="assistant").values_list(
            "body_text", flat=True
        )
    )


def test_first_email_with_an_order_number_is_answered_with_the_status(
    shop, django_capture_on_commit_callbacks
):
    store, customer = shop
    AssistantSettings.objects.create(store=store, answer_first_email=True)
    conversation = _email(
        store,
        customer,
        "Guten Tag, wo ist meine Bestellung N100482? Viele Grüße, Anna",
        django_capture_on_commit_callbacks,
    )
    assert _assistant_replies(conversation) == [
        "Ihr Paket mit DHL (Sendungsnummer 00340434161094042557): unterwegs. "
        "Kann ich Ihnen sonst noch helfen?"
    ]
    # a second email gets no automatic answer
    with django_capture_on_commit_callbacks(execute=True):
        do_add_message(
            conversation,
            NewMessage(kind="inbound", author_kind="customer", text="Wo ist meine Bestellung?"),
        )
    assert len(_assistant_replies(conversation)) == 1


def test_no_answer_when_the_assistant_would_ask_or_hand_over(
    shop, django_capture_on_commit_callbacks
):
    store, customer = shop
    AssistantSettings.objects.create(store=store, answer_first_email=True)
    asks = _email(store, customer, "Wo ist meine Bestellung?", django_capture_on_commit_callbacks)
    other = _email(store, customer, "Erzähl mir einen Witz", django_capture_on_commit_callbacks)
    assert _assistant_replies(asks) == []
    assert _assistant_replies(other) == []


def test_off_by_default_and_only_for_email(shop, django_capture_on_commit_callbacks):
    store, customer = shop
    text = "Where is my order N100482?"
    assert (
        _assistant_replies(_email(store, customer, text, django_capture_on_commit_callbacks)) == []
    )
    AssistantSettings.objects.create(store=store, answer_first_email=True)
    chat = _email(store, customer, text, django_capture_on_commit_callbacks, channel="chat")
    assert _assistant_replies(chat) == []


def test_another_customers_order_is_never_reported(cast, shop, django_capture_on_commit_callbacks):
    store, _customer = shop
    AssistantSettings.objects.create(store=store, answer_first_email=True)
    stranger = f.make_customer(store, name="Eve", email="eve@mail.example")
    conversation = _email(
        store, stranger, "Where is my order N100482?", django_capture_on_commit_callbacks
    )
    assert _assistant_replies(conversation) == []
