"""The assistant's "start a return": what it explains, when it starts, when it hands over."""

import json

import pytest
import time_machine
from django.conf import settings
from django.core import mail

from aftersail.accounts.actors import Actor
from aftersail.assistant import phrases
from aftersail.assistant.confirmation import NO, NUMBERS, UNCLEAR, YES, read_answer
from aftersail.assistant.dialogue import reply
from aftersail.assistant.models import AssistantSettings
from aftersail.commerce.models import Order
from aftersail.conversations.actions import NewMessage, do_add_message, do_open_conversation
from aftersail.returns.models import ReturnRequest, ReturnStatus
from aftersail.testing import factories as f
from aftersail.testing.return_cases import EMAIL, NOW, build_shop, delivered_order

pytestmark = pytest.mark.django_db

JACKET_DE = (
    "1. 1 × Regenjacke Fjord: Sie können diesen Artikel bis 25. März 2026, bis Tagesende "
    "(Österreich (Ortszeit)) ohne Angabe von Gründen zurückgeben (gesetzliche Widerrufsfrist "
    "von 14 Tagen). Rechtsgrundlage: Richtlinie 2011/83/EU, Artikel 9(1), 9(2)(b)."
)


@pytest.fixture
def shop(cast):
    return build_shop(cast.store)


def say(classifier, shop, state, text, language="de"):
    with time_machine.travel(NOW, tick=False):
        return reply(state, text, language, store=shop.store, classifier=classifier)


def offer(classifier, shop, number="N100482", language="de", text=None):
    text = text or f"Ich möchte meine Jacke zurückgeben. Bestellung {number}, {EMAIL}"
    return say(classifier, shop, {}, text, language)


def test_a_verified_customer_gets_the_legal_basis_and_confirms(
    classifier, shop, django_capture_on_commit_callbacks
):
    turn = say(classifier, shop, {}, "Ich möchte meine Jacke zurückgeben.")
    assert turn.category == "return" and turn.state["awaiting"] == "verification"
    turn = say(classifier, shop, turn.state, f"N100482, {EMAIL}")
    assert not turn.handover and turn.order_id == shop.order.pk
    assert turn.text == (
        "Diese Artikel Ihrer Bestellung N100482 können Sie zurückgeben:\n"
        f"{JACKET_DE}\n"
        "Soll ich die Rücksendung für diesen Artikel starten? Bitte antworten Sie mit Ja oder "
        "Nein."
    )
    assert turn.state["awaiting"] == "return_confirmation"
    json.dumps(turn.state)  # the chat stores it as JSON
    assert not ReturnRequest.objects.exists()  # nothing starts before the customer says so

    with django_capture_on_commit_callbacks(execute=True):
        done = say(classifier, shop, turn.state, "Ja, bitte")
    rma = ReturnRequest.objects.get()
    link = done.links[0]["url"]
    assert link.startswith(f"{settings.SITE_URL}/returns/return-link/")
    assert done.text == (
        f"Ich habe Ihre Rücksendung RN100482-1 gestartet. Ihr Rücksendeformular: {link} "
        f"Den Link habe ich Ihnen auch an {EMAIL} geschickt. Dort wählen Sie, wie Sie die "
        "Artikel zurückschicken (frankiertes Rücksendeetikett oder Abgabecode), und drucken das "
        "Formular aus. Kann ich Ihnen sonst noch helfen?"
    )
    assert done.links == [{"title": "Rücksendeformular RN100482-1", "url": link}]
    assert done.facts["return"] == "RN100482-1" and "awaiting" not in done.state
    assert rma.channel == ReturnRequest.Channel.ASSISTANT
    assert rma.status == ReturnStatus.APPROVED  # the store's policy approves by itself
    assert [(i.order_line.sku, i.quantity, i.basis, str(i.deadline)) for i in rma.items.all()] == [
        ("JKT-1", 1, "withdrawal", "2026-03-25")
    ]
    assert [e.kind for e in rma.events.order_by("id")] == ["requested", "approved", "form_sent"]
    assert rma.events.get(kind="requested").actor_kind == "customer"
    (sent,) = mail.outbox
    assert sent.to == [EMAIL]
    assert sent.subject == "Ihre Rücksendung RN100482-1: das Rücksendeformular"
    assert link in sent.body and "- 1 × Regenjacke Fjord (JKT-1)" in sent.body
    assert sent.attachments[0][0] == "RN100482-1.pdf"


def test_several_items_the_customer_picks_by_number(
    classifier, shop, django_capture_on_commit_callbacks
):
    delivered_order(shop.customer, "N100483", (("JKT-1", 1, "149.00"), ("SOCK-4", 2, "12.00")))
    turn = offer(classifier, shop, "N100483")
    assert (
        turn.text.endswith("(zum Beispiel: 1 und 2).")
        and "2. 2 × Wandersocken: Sie können" in turn.text
    )
    with django_capture_on_commit_callbacks(execute=True):
        turn = say(classifier, shop, turn.state, "nein, nur 2")
    rma = ReturnRequest.objects.get()
    assert [(i.order_line.sku, i.quantity) for i in rma.items.all()] == [("SOCK-4", 2)]


def test_items_that_cannot_go_back_are_explained(classifier, shop):
    delivered_order(
        shop.customer,
        "N100484",
        (("JKT-1", 1, "149.00"), ("BRUSH-2", 1, "89.00"), ("CHEESE-3", 1, "18.50")),
    )
    turn = offer(classifier, shop, "N100484")
    lines = turn.text.split("\n")
    assert lines[0] == "Diese Artikel Ihrer Bestellung N100484 können Sie zurückgeben:"
    # A sealed hygiene article goes back only unopened (Directive 2011/83/EU Art. 16(e)).
    assert lines[2].startswith("2. 1 × Schallzahnbürste Sonic: Sie können diesen Artikel bis")
    assert lines[2].endswith(
        "Das gilt nur, solange die Schutzversiegelung unversehrt ist; geöffnet ist der Artikel "
        "vom Widerrufsrecht ausgenommen (Richtlinie 2011/83/EU, Artikel 16(e))."
    )
    assert lines[3] == "Diese Artikel können Sie nicht zurückgeben:"
    assert lines[4] == (
        "- Bergkäse 500 g: Dieser Artikel ist vom Widerruf ausgenommen: Er wurde nach Ihren "
        "Vorgaben angefertigt, ist verderblich oder seine Schutzversiegelung wurde geöffnet. "
        "Rechtsgrundlage: Richtlinie 2011/83/EU, Artikel 16(d)."
    )
    assert lines[5].endswith(
        "Bitte antworten Sie nur dann mit Ja, wenn die Versiegelung der betroffenen Artikel "
        "unversehrt ist."
    )
    order = Order.objects.get(number="N100484")
    assert turn.state["return_offer"]["lines"] == [
        [shop.line(order, sku).id, 1] for sku in ("JKT-1", "BRUSH-2")
    ]


def test_a_period_that_ended_is_explained_without_a_hand_over(classifier, shop):
    with time_machine.travel("2026-04-20 09:00Z", tick=False):
        turn = reply(
            {},
            f"Ich möchte meine Jacke zurückgeben. N100482 {EMAIL}",
            "de",
            store=shop.store,
            classifier=classifier,
        )
    assert not turn.handover and "awaiting" not in turn.state
    assert turn.text == (
        "Für die Artikel Ihrer Bestellung N100482 kann ich leider keine Rücksendung starten:\n"
        "- Regenjacke Fjord: Die Frist dafür endete am 25. März 2026, bis Tagesende "
        "(Österreich (Ortszeit)).\n"
        "Kann ich Ihnen sonst noch helfen?"
    )
    assert not ReturnRequest.objects.exists()


def test_an_unverified_order_gets_no_return(classifier, shop):
    turn = say(classifier, shop, {}, "I want to return my jacket, N100482 eve@evil.example", "en")
    assert turn.text == str(phrases.NO_MATCH) and turn.order_id is None
    turn = say(classifier, shop, turn.state, "N100482 mallory@evil.example", "en")
    assert turn.handover and turn.reason == "verification failed"
    assert "Regenjacke" not in turn.text and not ReturnRequest.objects.exists()


def test_a_changed_offer_is_checked_again_at_the_door(classifier, shop):
    turn = offer(classifier, shop)
    forged = {**turn.state, "return_offer": {**turn.state["return_offer"], "email": "e@x.example"}}
    turn = say(classifier, shop, forged, "ja")
    assert turn.handover and turn.reason == "verification failed"
    assert not ReturnRequest.objects.exists()


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "I would like to return my jacket, order N100482, anna@mail.example",
            "1. 1 × Regenjacke Fjord: You can return this item without giving a reason until "
            "March 25, 2026, end of the day (Austria Time) (the legal withdrawal period of 14 "
            "days). Legal basis: Directive 2011/83/EU, Article 9(1), 9(2)(b).",
        ),
        (
            "fr",
            "Je voudrais retourner ma veste, commande N100482, anna@mail.example",
            "Base légale : directive 2011/83/UE, article 9(1), 9(2)(b).",
        ),
        (
            "es",
            "Quiero devolver la chaqueta, pedido N100482, anna@mail.example",
            "25 de marzo de 2026",
        ),
        (
            "pl",
            "Chcę zwrócić kurtkę, zamówienie N100482, anna@mail.example",
            "Podstawa prawna: dyrektywa 2011/83/UE, art. 9(1), 9(2)(b).",
        ),
        (
            "ja",
            "商品を返品したいです。注文番号はN100482、メールはanna@mail.example です。",
            "法的根拠：EU指令2011/83/EU 第9(1), 9(2)(b)条。",
        ),
    ],
)
def test_other_languages(classifier, shop, language, text, expected):
    turn = say(classifier, shop, {}, text, language)
    assert turn.language == language and turn.state["awaiting"] == "return_confirmation"
    assert expected in turn.text


def test_japanese_confirmation(classifier, shop, django_capture_on_commit_callbacks):
    text = f"商品を返品したいです。注文番号はN100482、メールは{EMAIL} です。"
    turn = offer(classifier, shop, language="ja", text=text)
    assert turn.text.startswith("ご注文 N100482 のうち、次の商品を返品いただけます：\n")
    with django_capture_on_commit_callbacks(execute=True):
        done = say(classifier, shop, turn.state, "はい、お願いします", "ja")
    assert done.text.startswith("返品 RN100482-1 のお手続きを開始しました。")
    assert mail.outbox[0].subject == "返品 RN100482-1：返品用紙のご案内"


def test_no_means_no(classifier, shop):
    turn = offer(classifier, shop)
    turn = say(classifier, shop, turn.state, "Nein danke")
    assert turn.text == (
        "In Ordnung, ich habe keine Rücksendung gestartet. Kann ich Ihnen sonst noch helfen?"
    )
    assert "return_offer" not in turn.state and not ReturnRequest.objects.exists()


@pytest.mark.parametrize(
    "text",
    ["\x00\x00", "x" * 200_000, "<script>alert(1)</script>", "7", "1; DROP TABLE returns"],
)
def test_hostile_or_unclear_answers_start_nothing(classifier, shop, text):
    turn = offer(classifier, shop)
    turn = say(classifier, shop, turn.state, text)
    assert not ReturnRequest.objects.exists()
    assert turn.text == (
        "Das habe ich leider nicht verstanden. Bitte antworten Sie mit Ja oder Nein oder nennen "
        "Sie mir die Nummern der Artikel, die zurückgehen sollen."
    )
    turn = say(classifier, shop, turn.state, text)  # asked once more, then a person takes over
    assert turn.handover and turn.reason == "return confirmation unclear"
    assert not ReturnRequest.objects.exists()


def test_a_different_question_drops_the_offer(classifier, shop):
    turn = offer(classifier, shop)
    turn = say(classifier, shop, turn.state, "Wo ist meine Bestellung?")
    assert turn.intent == "track_order" and "return_offer" not in turn.state
    assert turn.text.startswith("Ihr Paket mit DHL")
    assert not ReturnRequest.objects.exists()


def test_an_order_still_on_its_way_goes_to_a_person_with_the_context(classifier, shop):

    f.make_order(shop.customer, number="N100490", lines=(("JKT-1", 1, "149.00"),))
    turn = offer(classifier, shop, "N100490")
    assert turn.handover and turn.reason == "order not delivered yet"
    assert turn.text.startswith("Die Rückgabefrist für Ihre Bestellung N100490 beginnt")
    assert "Verified order: N100490." in turn.note
    assert "Return check: JKT-1 returnable until open (withdrawal, period not started)." in (
        turn.note
    )


def test_a_store_without_refunds_hands_the_start_over(classifier, shop):
    shop.policy.offers_refund = False
    shop.policy.save()
    turn = offer(classifier, shop)
    turn = say(classifier, shop, turn.state, "ja")
    assert turn.handover and turn.reason == "return could not be started"
    assert turn.text == (
        "Eine Kollegin oder ein Kollege aus unserem Kundenservice hilft Ihnen bei der "
        "Rücksendung zu Bestellung N100482 und antwortet Ihnen hier."
    )
    assert "Return check: start refused: This outcome is not offered.." in turn.note


@pytest.mark.parametrize(
    ("text", "kind", "numbers"),
    [
        ("Ja", YES, ()),
        ("ok", YES, ()),
        ("oui, merci", YES, ()),
        ("Sí", YES, ()),
        ("tak", YES, ()),
        ("はい", YES, ()),
        ("いいえ、結構です", NO, ()),
        ("Nein", NO, ()),
        ("nie", NO, ()),
        ("1 und 3", NUMBERS, (1, 3)),
        ("１と２", NUMBERS, (1, 2)),
        ("N100482 anna@mail.example", UNCLEAR, ()),
        ("ja nein", UNCLEAR, ()),
        ("", UNCLEAR, ()),
    ],
)
def test_reading_the_answer(text, kind, numbers):
    answer = read_answer(text)
    assert (answer.kind, answer.numbers) == (kind, numbers)


def test_a_first_email_asking_for_a_return_waits_for_a_person(
    classifier, shop, django_capture_on_commit_callbacks
):
    """The assistant answers a first email only when it has a complete answer; a return
    needs the customer's yes, which an email it cannot follow up does not give."""
    AssistantSettings.objects.create(store=shop.store, answer_first_email=True)
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        conversation = do_open_conversation(
            store=shop.store, customer=shop.customer, channel="email", actor=Actor.customer()
        )
        text = "Guten Tag, ich möchte die Jacke aus Bestellung N100482 zurückgeben."
        do_add_message(conversation, NewMessage(kind="inbound", author_kind="customer", text=text))
    assert not conversation.messages.filter(author_kind="assistant").exists()
    assert not ReturnRequest.objects.exists()
