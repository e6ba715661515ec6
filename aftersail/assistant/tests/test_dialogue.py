import json

import pytest

from aftersail.assistant import phrases
from aftersail.assistant.dialogue import reply
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


class Hit:
    def __init__(self, title, url):
        self.title, self.url = title, url


@pytest.fixture
def shop(cast):
    customer = f.make_customer(
        cast.store, name="Anna Schmidt", email="anna@mail.example", language="de"
    )
    order = f.make_order(customer, number="N100482")
    f.make_shipment(order, carrier="dhl", tracking_number="00340434161094042557")
    return cast.store, customer, order


def _say(classifier, store, state, text, language="de", **kw):
    return reply(state, text, language, store=store, classifier=classifier, **kw)


def test_where_is_my_order_in_german_after_verification(classifier, shop):
    store, _customer, order = shop
    first = _say(classifier, store, {}, "Wo ist meine Bestellung?")
    assert first.intent == "track_order"
    assert first.category == "where_is_my_order"
    assert not first.handover
    assert first.text == (
        "Gerne sehe ich für Sie nach. Bitte nennen Sie mir Ihre Bestellnummer und die "
        "E-Mail-Adresse, mit der Sie bestellt haben."
    )
    assert first.state["awaiting"] == "verification"
    json.dumps(first.state)  # the caller stores it as JSON

    second = _say(classifier, store, first.state, "N100482, anna@mail.example")
    assert not second.handover
    assert second.order_id == order.pk
    assert second.text == (
        "Ihr Paket mit DHL (Sendungsnummer 00340434161094042557): unterwegs. "
        "Kann ich Ihnen sonst noch helfen?"
    )
    assert second.facts == {"order_number": "N100482", "email": "anna@mail.example"}
    assert "awaiting" not in second.state


def test_the_assistant_asks_for_what_is_missing(classifier, shop):
    store, _c, _o = shop
    turn = _say(classifier, store, {}, "Where is my order N100482?", language="en")
    assert turn.text == "Thank you. Please also send me the email address you ordered with."
    turn = _say(classifier, store, turn.state, "anna@mail.example", language="en")
    assert turn.order_id is not None


def test_a_wrong_email_reveals_nothing_and_twice_hands_over(classifier, shop):
    store, _c, _o = shop
    turn = _say(classifier, store, {}, "where is my order N100482 mallory@evil.example", "en")
    assert turn.text == str(phrases.NO_MATCH)
    assert "DHL" not in turn.text and turn.order_id is None
    assert turn.facts == {}
    turn = _say(classifier, store, turn.state, "N100482 eve@evil.example", "en")
    assert turn.handover and turn.reason == "verification failed"
    assert turn.order_id is None


def test_an_unshipped_order_is_reported_as_such(classifier, shop):
    store, customer, _o = shop
    f.make_order(customer, number="N100500")
    turn = _say(classifier, store, {}, "where is my order N100500 anna@mail.example", "en")
    assert turn.text == (
        "Your order N100500 has not been shipped yet. We will send you the tracking number as "
        "soon as it is on its way. Can I help you with anything else?"
    )


def test_a_shipment_in_trouble_is_reported_and_handed_over(classifier, shop):
    store, customer, _o = shop
    order = f.make_order(customer, number="N100600")
    f.make_shipment(order, carrier="ups", tracking_number="1Z999AA10123456784", status="exception")
    turn = _say(classifier, store, {}, "where is my order N100600 anna@mail.example", "en")
    assert turn.handover and turn.reason == "shipment needs attention"
    assert turn.text.startswith("Your parcel with UPS (tracking number 1Z999AA10123456784)")


@pytest.mark.parametrize(
    "text",
    ["what's the weather like in Berlin tomorrow", "tell me a joke", "Erzähl mir einen Witz"],
)
def test_out_of_scope_is_handed_over(classifier, shop, text):
    store, _c, _o = shop
    turn = _say(classifier, store, {}, text)
    assert turn.handover and turn.reason == "unsure"
    assert turn.text == (
        "Ich gebe Ihre Frage an eine Kollegin oder einen Kollegen aus unserem Kundenservice "
        "weiter, die oder der Ihnen hier so bald wie möglich antwortet."
    )


def test_asking_for_a_person_hands_over_at_once(classifier, shop):
    store, _c, _o = shop
    turn = _say(classifier, store, {}, "I want to talk to a human agent please", "en")
    assert turn.handover and turn.reason == "asked for a person"
    assert turn.intent == "contact_human_agent"


def test_answers_from_the_knowledge_base_with_a_link(classifier, shop):
    store, _c, _o = shop
    seen = []

    def search(query, language, store_):
        seen.append((query, language, store_))
        return [Hit("Zahlungsarten", "https://shop.example/help/zahlungsarten")]

    turn = _say(
        classifier, store, {}, "what payment methods do you accept", "de", knowledge_search=search
    )
    assert seen == [("what payment methods do you accept", "de", store)]
    assert not turn.handover
    assert turn.links == [
        {"title": "Zahlungsarten", "url": "https://shop.example/help/zahlungsarten"}
    ]
    assert "https://shop.example/help/zahlungsarten" in turn.text


def test_no_article_means_a_hand_over(classifier, shop):
    store, _c, _o = shop
    turn = _say(
        classifier,
        store,
        {},
        "what payment methods do you accept",
        "en",
        knowledge_search=lambda query, language, store_: [],
    )
    assert turn.handover and turn.reason == "no article"


def test_a_return_of_an_order_on_its_way_goes_to_a_person_with_the_facts(classifier, shop):
    store, _c, _o = shop
    turn = _say(classifier, store, {}, "I want to return the jacket I bought", "en")
    assert turn.category == "return" and turn.state["awaiting"] == "verification"
    turn = _say(classifier, store, turn.state, "N100482 anna@mail.example", "en")
    # The parcel is in transit: the return period has not started (test_return_dialogue.py
    # covers delivered orders).
    assert turn.handover and turn.reason == "order not delivered yet"
    assert turn.category == "return"
    assert turn.facts == {"order_number": "N100482", "email": "anna@mail.example"}
    assert "N100482" in turn.text


def test_reply_never_changes_the_state_it_was_given(classifier, shop):
    store, _c, _o = shop
    state = {
        "facts": {"email": "anna@mail.example"},
        "awaiting": "verification",
        "intent": "track_order",
    }
    before = json.dumps(state, sort_keys=True)
    _say(classifier, store, state, "N100482")
    assert json.dumps(state, sort_keys=True) == before


@pytest.mark.parametrize(
    "text", ["", " ", "\x00" * 10, "a" * 200_000, "<script>alert(1)</script>", "N" * 5000 + "@x.y"]
)
def test_hostile_input_gets_a_hand_over_not_a_crash(classifier, shop, text):
    store, _c, _o = shop
    turn = _say(classifier, store, {}, text, language="xx")
    assert turn.language == "en"
    assert isinstance(turn.text, str) and turn.text


def test_the_fast_probabilities_equal_the_pipelines(classifier):
    import numpy as np

    texts = ["Wo ist meine Bestellung?", "I want a refund", "tell me a joke", ""]
    assert np.allclose(
        classifier.probabilities(texts), classifier.pipeline.predict_proba(texts), atol=1e-9
    )
