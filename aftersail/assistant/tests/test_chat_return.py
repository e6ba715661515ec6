"""End to end over the chat widget's WebSocket: a customer asks in German to return her
jacket, proves the order, hears what the law gives her and until when, says yes, and gets
the link to her return in the chat and by mail; the link opens the return."""

from __future__ import annotations

from typing import Any

import time_machine
from asgiref.sync import async_to_sync
from channels.routing import URLRouter
from django.core import mail
from django.test import Client

from aftersail.chat.models import ChatSettings
from aftersail.conversations.models import Channel, Conversation, ConversationEvent, Message
from aftersail.returns.models import ReturnRequest, ReturnStatus
from aftersail.routing import public_websocket_urlpatterns
from aftersail.testing.cast import build_cast
from aftersail.testing.return_cases import EMAIL, NOW, build_shop
from aftersail.testing.websocket import WebsocketClient

SHOP = "https://shop.cast.example"
widget_app = URLRouter(public_websocket_urlpatterns)

OFFER = (
    "Diese Artikel Ihrer Bestellung N100482 können Sie zurückgeben:\n"
    "1. 1 × Regenjacke Fjord: Sie können diesen Artikel bis 25. März 2026, bis Tagesende "
    "(Österreich (Ortszeit)) ohne Angabe von Gründen zurückgeben (gesetzliche Widerrufsfrist "
    "von 14 Tagen). Rechtsgrundlage: Richtlinie 2011/83/EU, Artikel 9(1), 9(2)(b).\n"
    "Soll ich die Rücksendung für diesen Artikel starten? Bitte antworten Sie mit Ja oder Nein."
)


async def ask(com: WebsocketClient, text: str, client_id: str) -> dict[str, Any]:
    """Sends the customer's message; returns the assistant's answer (after ack and state)."""
    await com.send_json_to({"type": "message", "id": client_id, "text": text})
    while True:
        event = await com.receive_json_from(timeout=60)  # the first turn loads the model
        assert event["type"] != "error", event
        if event["type"] == "message" and event["author"] == "assistant":
            return event  # type: ignore[no-any-return]


def test_a_german_customer_returns_her_jacket_through_the_chat(transactional_db) -> None:  # type: ignore[no-untyped-def]
    cast = build_cast()
    ChatSettings.objects.create(store=cast.store, allowed_origins=[SHOP], team=cast.team_a)
    shop = build_shop(cast.store)
    answers: list[str] = []

    async def scenario() -> None:
        com = WebsocketClient(widget_app, "/ws/chat/cast/", headers=[(b"origin", SHOP.encode())])
        assert (await com.connect())[0]
        await com.send_json_to(
            {"type": "start", "token": None, "language": "de-AT", "time_zone": "Europe/Vienna"}
        )
        assert (await com.receive_json_from())["language"] == "de"
        for n, text in enumerate(
            ["Hallo, ich möchte meine Regenjacke zurückgeben.", f"N100482 {EMAIL}", "Ja"]
        ):
            answers.append((await ask(com, text, f"m{n}"))["text"])
        await com.disconnect()

    with time_machine.travel(NOW, tick=False):
        async_to_sync(scenario)()

    assert answers[0] == (
        "Gerne sehe ich für Sie nach. Bitte nennen Sie mir Ihre Bestellnummer und die "
        "E-Mail-Adresse, mit der Sie bestellt haben."
    )
    assert answers[1] == OFFER
    rma = ReturnRequest.objects.get()
    link = answers[2].split("Ihr Rücksendeformular: ")[1].split(" ")[0]
    assert answers[2] == (
        f"Ich habe Ihre Rücksendung RN100482-1 gestartet. Ihr Rücksendeformular: {link} "
        f"Den Link habe ich Ihnen auch an {EMAIL} geschickt. Dort wählen Sie, wie Sie die "
        "Artikel zurückschicken (frankiertes Rücksendeetikett oder Abgabecode), und drucken das "
        "Formular aus. Kann ich Ihnen sonst noch helfen?"
    )

    # The return: the jacket, on the legal basis, approved by the store's policy, started by
    # the customer through the assistant, on the chat conversation's timeline too.
    chat = Conversation.objects.get(channel=Channel.CHAT)
    assert (rma.number, rma.order, rma.customer) == ("RN100482-1", shop.order, shop.customer)
    assert (rma.channel, rma.status, rma.conversation) == ("assistant", ReturnStatus.APPROVED, chat)
    items = [(i.order_line.sku, i.quantity, i.case, i.basis) for i in rma.items.all()]
    assert items == [("JKT-1", 1, "change_of_mind", "withdrawal")]
    assert str(rma.items.get().deadline) == "2026-03-25"  # on her calendar in Vienna
    timeline = [(e.kind, e.actor_kind) for e in rma.events.order_by("created_at", "id")]
    assert timeline == [("requested", "customer"), ("approved", "system"), ("form_sent", "system")]
    steps = ConversationEvent.objects.filter(conversation=chat, kind="return_updated")
    assert [e.data["step"] for e in steps.order_by("id")] == ["requested", "approved", "form_sent"]
    assert not chat.messages.filter(kind=Message.Kind.NOTE).exists()  # nobody was needed

    # The same link by mail, with the printable form (the other mails are the cast's
    # acknowledgements of its own conversations).
    (sent,) = [m for m in mail.outbox if m.to == [EMAIL]]
    assert sent.subject == "Ihre Rücksendung RN100482-1: das Rücksendeformular"
    assert sent.body == (
        "Guten Tag Anna,\n\n"
        "wir haben Ihre Rücksendung RN100482-1 zu Bestellung N100482 angelegt:\n"
        "- 1 × Regenjacke Fjord (JKT-1)\n\n"
        "Öffnen Sie Ihre Rücksendung, um die Versandart zu wählen und das Rücksendeformular "
        f"auszudrucken:\n{link}\n\n"
        "Das Rücksendeformular finden Sie außerdem als PDF im Anhang dieser E-Mail.\n\n"
        "Freundliche Grüße\nCast Outdoor"
    )
    assert sent.attachments[0][:1] == ("RN100482-1.pdf",)

    # The link works in a fresh browser: it opens the return, with the form to print.
    client = Client(headers={"accept-language": "de"})
    with time_machine.travel(NOW, tick=False):
        opened = client.get(link.removeprefix("http://127.0.0.1:8000"), follow=True)
        pdf = client.get(f"/returns/r/{rma.public_id}/form.pdf")
    assert opened.redirect_chain == [(f"/returns/r/{rma.public_id}/", 302)]
    page = opened.content.decode()
    assert "Rücksendung RN100482-1" in page and "1 × Regenjacke Fjord" in page
    assert 'data-status="approved"' in page and "Rücksendeformular herunterladen (PDF)" in page
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
