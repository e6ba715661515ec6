"""The returns app's door: who may start and decide returns, the form by mail, the link."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client

from aftersail.accounts.actors import Actor, KeyGrant
from aftersail.conversations.models import ConversationEvent
from aftersail.core.errors import ActionError, NotAllowed
from aftersail.returns import actions
from aftersail.returns.actions import OrderProof, ReturnNotAllowed, Selection
from aftersail.returns.form_mail import send_return_form
from aftersail.returns.models import ReturnRequest, ReturnStatus
from aftersail.returns.selectors import ALREADY_RETURNED, legal_citation, return_options
from aftersail.testing import factories as f
from aftersail.testing.returns import delivered_order, make_policy

NOW = datetime(2026, 3, 12, 9, tzinfo=UTC)
EMAIL = "customer@mail.example"  # the cast customer's


@pytest.fixture
def order(cast):
    make_policy(cast.store)
    return delivered_order(cast.customer)


def jacket(order):
    return [Selection(order.lines.get(sku="JKT-1").id, 1)]


def start(order, actor, **options):
    with time_machine.travel(NOW, tick=False):
        return actions.do_start_return(order, jacket(order), actor=actor, **options)


def test_a_customer_starts_a_return_only_for_an_order_they_prove(cast, order) -> None:
    other = f.make_customer(cast.store, email="other@mail.example")
    second = delivered_order(cast.customer)
    refused = [
        None,
        OrderProof(order.number, "other@mail.example"),  # an address, but another customer's
        OrderProof(second.number, EMAIL),  # the customer's, but another order
        OrderProof(order.number, ""),
        OrderProof("", EMAIL),
    ]
    for proof in refused:
        with pytest.raises(ReturnNotAllowed):
            start(order, Actor.customer(), proof=proof)
    assert other.returns.count() == 0 and not ReturnRequest.objects.exists()
    started = start(order, Actor.customer(), proof=OrderProof(f"#{order.number.lower()}", EMAIL))
    assert started.rma.customer == cast.customer and started.rma.status == ReturnStatus.APPROVED
    assert issubclass(ReturnNotAllowed, NotAllowed) and issubclass(actions.ReturnError, ActionError)


def test_agents_and_keys_act_on_the_orders_they_may_see(cast, order) -> None:
    # The customer writes to team A: its agent sees the order, team B's does not.
    with pytest.raises(ReturnNotAllowed):
        start(order, Actor.of_agent(cast.agent_b))
    other_store = f.make_store()
    with pytest.raises(ReturnNotAllowed):
        start(order, Actor.api(KeyGrant(key_id=1, store_id=other_store.id)))
    with pytest.raises(ReturnNotAllowed):
        start(order, Actor.api(KeyGrant(1, cast.store.id, frozenset({cast.team_b.id}))))
    rma = start(order, Actor.of_agent(cast.agent_a), channel=ReturnRequest.Channel.AGENT).rma
    assert rma.events.get(kind="requested").actor_agent == cast.agent_a
    socks = [Selection(order.lines.get(sku="SOCK-2").id, 2)]
    store_key = Actor.api(KeyGrant(key_id=1, store_id=cast.store.id))
    with time_machine.travel(NOW, tick=False):
        by_key = actions.do_start_return(order, socks, actor=store_key).rma
    assert by_key.number == f"R{order.number}-2"


def test_only_the_merchant_decides(cast, order) -> None:
    rma = start(order, Actor.system()).rma
    actions.do_choose_method(
        rma,
        ReturnRequest.Method.DROP_OFF,
        actor=Actor.customer(),
        proof=OrderProof(order.number, EMAIL),
    )
    for actor in (Actor.customer(), Actor.of_agent(cast.agent_b)):
        with pytest.raises(ReturnNotAllowed):
            actions.do_mark_in_transit(rma, actor=actor)
        with pytest.raises(ReturnNotAllowed):
            actions.do_refund(rma, actor=actor)
    rma = actions.do_receive(rma, actor=Actor.of_agent(cast.agent_a))
    refund = actions.do_refund(rma, actor=Actor.of_agent(cast.agent_a))
    assert refund.amount == order.lines.get(sku="JKT-1").unit_price
    rma.refresh_from_db()
    assert actions.do_close(rma, actor=Actor.system()).status == ReturnStatus.CLOSED


def test_the_form_goes_only_to_the_customers_address_and_only_once(
    cast, order, django_capture_on_commit_callbacks
) -> None:
    proof = OrderProof(order.number, EMAIL)
    with pytest.raises(actions.ReturnError, match="customer's own address"):
        start(order, Actor.customer(), proof=proof, mail_form_to="attacker@evil.example")
    foreign = f.make_conversation(f.make_customer(f.make_store()))
    with pytest.raises(actions.ReturnError, match="another store"):
        start(order, Actor.customer(), proof=proof, conversation=foreign)
    assert not ReturnRequest.objects.exists() and mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        started = start(
            order,
            Actor.customer(),
            proof=proof,
            conversation=cast.conversation_a,
            mail_form_to=" Customer@Mail.example ",
            language="fr",
        )
    assert started.mailed_to == EMAIL
    (sent,) = mail.outbox
    assert sent.to == [EMAIL] and sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.subject == f"Votre retour {started.rma.number} : le formulaire de retour"
    assert sent.body.startswith(
        f"Bonjour Clara,\n\nNous avons enregistré votre retour {started.rma.number} pour la "
        f"commande {order.number} :\n- 1 × Product JKT-1 (JKT-1)\n"
    )
    assert started.link in sent.body
    name, content, mimetype = sent.attachments[0]
    assert (name, mimetype) == (f"{started.rma.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")
    # A retried task does not mail twice: the timeline says it went out.
    assert send_return_form(started.rma.id, EMAIL, "fr", started.link) is False
    assert len(mail.outbox) == 1
    event = started.rma.events.get(kind="form_sent")
    assert event.data == {"to": EMAIL, "language": "fr"}
    # The steps show on the conversation the customer asked in.
    steps = ConversationEvent.objects.filter(
        conversation=cast.conversation_a, kind="return_updated"
    )
    assert [e.data["step"] for e in steps.order_by("id")] == ["requested", "approved", "form_sent"]


def test_the_signed_link_opens_the_return(cast, order) -> None:
    started = start(order, Actor.system())
    client = Client()
    path = started.link.removeprefix("http://127.0.0.1:8000")
    assert path.startswith("/returns/return-link/")
    with time_machine.travel(NOW + timedelta(days=59), tick=False):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == f"/returns/r/{started.rma.public_id}/"
        page = client.get(response["Location"], headers={"accept-language": "de"})
        assert page.status_code == 200
        assert f"Rücksendung {started.rma.number}" in page.content.decode()
        assert client.get(f"/returns/r/{started.rma.public_id}/form.pdf").status_code == 200
        assert Client().get(f"/returns/r/{started.rma.public_id}/").status_code == 404
        assert Client().get(path[:-3] + "xx/").status_code == 404  # forged
    with time_machine.travel(NOW + timedelta(days=61), tick=False):
        assert Client().get(path).status_code == 404  # like the order links: 60 days


def test_options_say_what_is_left_and_why(cast, order) -> None:
    start(order, Actor.system())
    with time_machine.travel(NOW, tick=False):
        options = {o.sku: o for o in return_options(order, language="de")}
    assert options["JKT-1"].refusal == ALREADY_RETURNED and options["JKT-1"].quantity == 0
    assert options["JKT-1"].explanation == "Dieser Artikel ist bereits Teil einer Rücksendung."
    socks = options["SOCK-2"]
    assert (socks.eligible, socks.quantity, socks.basis) == (True, 2, "policy")
    assert socks.citation == ""  # the store's own 30 days beat the law's 14: no legal source


@pytest.mark.parametrize(
    ("source", "language", "expected"),
    [
        (
            "Directive 2011/83/EU Art. 16(e); not a mattress: CJEU C-681/17",
            "es",
            "Directiva 2011/83/UE, artículo 16(e)",
        ),
        ("Directive 1999/44/EC Art. 5(1)", "pl", "dyrektywa 1999/44/WE, art. 5(1)"),
        (
            "Regulation 1182/71 Art. 3(4), applied by CRD recital 41",
            "de",
            "Verordnung 1182/71, Artikel 3(4)",
        ),
        ("Consumer Rights Act 2015 s22", "fr", "Consumer Rights Act 2015 s22"),
        ("", "ja", ""),
    ],
)
def test_legal_citations_in_the_customers_language(source, language, expected) -> None:
    assert legal_citation(source, language) == expected
