"""The visitor's side of the chat over a real Channels consumer (in-memory layer)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.core import mail

from aftersail.chat.consumers import CLOSE_FORBIDDEN, MAX_FRAME
from aftersail.chat.models import ChatSession
from aftersail.chat.services import MESSAGES_PER_MINUTE, do_set_presence
from aftersail.chat.tests.conftest import SHOP, widget_app
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Channel, Conversation, Message
from aftersail.customers.models import CustomerIdentity
from aftersail.testing.websocket import WebsocketClient as WebsocketCommunicator

URL = "/ws/chat/cast/"


def communicator(origin: str = SHOP) -> WebsocketCommunicator:
    return WebsocketCommunicator(widget_app, URL, headers=[(b"origin", origin.encode())])


async def start(
    com: WebsocketCommunicator, token: str | None = None, language: str = "de-DE"
) -> dict[str, Any]:
    connected, _ = await com.connect()
    assert connected
    await com.send_json_to(
        {"type": "start", "token": token, "language": language, "time_zone": "Europe/Vienna"}
    )
    return await com.receive_json_from()


async def say(com: WebsocketCommunicator, text: str, client_id: str) -> list[dict[str, Any]]:
    """Sends a message; returns the events up to the state event (or an error)."""
    await com.send_json_to({"type": "message", "id": client_id, "text": text})
    events = [await com.receive_json_from()]
    while events[-1]["type"] not in ("state", "error"):
        events.append(await com.receive_json_from())
    return events


def test_chat_is_handed_to_an_agent_who_answers_live(live_cast) -> None:  # type: ignore[no-untyped-def]
    do_set_presence(live_cast.agent_a, True)

    async def scenario() -> None:
        com = communicator()
        session = await start(com)
        assert session["type"] == "session" and session["resumed"] is False
        assert session["language"] == "de" and session["state"] == "assistant"
        assert session["strings"]["send"] == "Senden"
        events = await say(com, "Kann ich meine Jacke umtauschen?", "m1")
        assert events == [{"type": "ack", "id": "m1"}, {"type": "state", "state": "waiting"}]
        events.append(await com.receive_json_from())
        handover = events[-1]
        assert handover["author"] == "system"
        assert handover["text"] == (
            "Ich verbinde Sie mit jemandem aus unserem Team. Gleich ist jemand für Sie da."
        )

        conversation = await database_sync_to_async(Conversation.objects.get)(channel="chat")

        def agent_replies() -> None:
            reply = NewMessage(
                kind=Message.Kind.REPLY,
                author_kind=Message.AuthorKind.AGENT,
                author_agent=live_cast.agent_a,
                text="Ja, gern! Welche Größe brauchen Sie?",
            )
            do_add_message(conversation, reply)

        await database_sync_to_async(agent_replies)()
        reply = await com.receive_json_from()
        assert reply["type"] == "message" and reply["author"] == "agent"
        assert reply["text"] == "Ja, gern! Welche Größe brauchen Sie?"
        await com.disconnect()

    async_to_sync(scenario)()
    conversation = Conversation.objects.get(channel=Channel.CHAT)
    assert conversation.team == live_cast.team_a
    assert conversation.language == "de"
    assert conversation.customer.language == "de"
    assert conversation.customer.time_zone == "Europe/Vienna"
    inbound = conversation.messages.get(kind=Message.Kind.INBOUND)
    assert inbound.body_text == "Kann ich meine Jacke umtauschen?"
    assert inbound.processed_at is not None  # the inbound pipeline ran
    reply = conversation.messages.get(author_kind=Message.AuthorKind.AGENT)
    assert reply.delivery == Message.Delivery.SENT and reply.channel == Channel.CHAT


def test_without_agents_the_chat_becomes_an_email_conversation(live_cast) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        com = communicator()
        await start(com, language="fr-CA")
        events = await say(com, "Bonjour, mon colis est abîmé", "m1")
        while events[-1]["type"] != "message":
            events.append(await com.receive_json_from())
        assert {"type": "state", "state": "ask_email"} in events
        assert events[-1]["text"] == (
            "Personne de notre équipe n'est disponible pour le moment. Laissez-nous votre "
            "adresse e-mail et nous vous répondrons par e-mail."
        )
        await com.send_json_to({"type": "email", "address": "not an address"})
        assert await com.receive_json_from() == {"type": "error", "code": "invalid_email"}
        await com.send_json_to({"type": "email", "address": "Camille@Mail.Example"})
        assert await com.receive_json_from() == {"type": "state", "state": "email"}
        confirmation = await com.receive_json_from()
        assert confirmation["text"] == (
            "Merci. Nous vous répondrons par e-mail à l'adresse camille@mail.example d'ici "
            "lundi à 19h00, heure de Vienne."
        )
        await com.send_json_to({"type": "transcript"})
        assert await com.receive_json_from() == {
            "type": "transcript_sent", "to": "camille@mail.example"}  # fmt: skip
        await com.disconnect()

    with time_machine.travel("2026-03-02 10:00:00Z", tick=False):  # a Monday, 11:00 in Vienna
        async_to_sync(scenario)()
    conversation = Conversation.objects.get(customer__identities__value="camille@mail.example")
    assert conversation.channel == Channel.EMAIL
    assert CustomerIdentity.objects.get(value="camille@mail.example").is_primary
    assert ChatSession.objects.get().state == ChatSession.State.EMAIL
    assert [m.kind for m in conversation.messages.all()] == ["inbound", "reply", "note", "reply"]
    # Two mails went to her: the chat's acknowledgement, now that it continues by email (the
    # promise the widget just told her), and the transcript she asked for.
    promise = conversation.promise
    assert promise.sent_to == "camille@mail.example"
    acknowledgement, sent = [m for m in mail.outbox if m.to == ["camille@mail.example"]]
    assert acknowledgement.body == promise.text
    assert "lundi à 19h00, heure de Vienne" in promise.text
    assert sent.subject == "Votre discussion avec Cast Outdoor"
    assert "Voici la transcription de votre discussion avec Cast Outdoor." in sent.body
    assert "Vous: Bonjour, mon colis est abîmé" in sent.body


def test_a_returning_visitor_resumes_the_session(live_cast) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        first = communicator()
        session = await start(first)
        await say(first, "Hallo", "a1")
        await first.disconnect()
        second = communicator()
        again = await start(second, token=session["token"])
        assert again["resumed"] is True
        assert again["history"][0]["text"] == "Hallo"
        # A resent message (same client id, e.g. after a reconnect) is stored once.
        await second.send_json_to({"type": "message", "id": "a1", "text": "Hallo"})
        assert await second.receive_json_from() == {"type": "ack", "id": "a1"}
        assert await second.receive_nothing(timeout=0.1)
        await second.disconnect()
        forged = communicator()
        other = await start(forged, token=session["token"][:-2] + "xx")
        assert other["resumed"] is False and other["history"] == []
        await forged.disconnect()

    async_to_sync(scenario)()
    assert Message.objects.filter(kind="inbound", channel="chat").count() == 1
    assert ChatSession.objects.count() == 2


@pytest.mark.parametrize(
    "origin", ["https://evil.example", "null", "", "https://shop.cast.example.evil.example",
               "http://shop.cast.example", "javascript:alert(1)"],
)  # fmt: skip
def test_foreign_origins_are_refused(live_cast, origin) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        com = communicator(origin)
        connected, code = await com.connect()
        assert (connected, code) == (False, CLOSE_FORBIDDEN)

    async_to_sync(scenario)()


def test_unknown_store_is_refused(live_cast) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        com = WebsocketCommunicator(
            widget_app, "/ws/chat/nope/", headers=[(b"origin", SHOP.encode())]
        )
        assert await com.connect() == (False, CLOSE_FORBIDDEN)

    async_to_sync(scenario)()


def test_hostile_frames_get_errors_and_the_connection_survives(live_cast) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        com = communicator()
        connected, _ = await com.connect()
        assert connected
        await com.send_json_to({"type": "message", "id": "x", "text": "too early"})
        assert await com.receive_json_from() == {"type": "error", "code": "not_started"}
        await start_after_connect(com)
        bad = ["not json", "[1, 2]", json.dumps({"type": 3}), "x" * (MAX_FRAME + 1), "null",
               json.dumps({"type": "message", "id": 5, "text": "hi"}),
               json.dumps({"type": "message", "id": "m", "text": ["hi"]}),
               json.dumps({"type": "message", "id": "", "text": "hi"})]  # fmt: skip
        for frame in bad:
            await com.send_to(text_data=frame)
            assert await com.receive_json_from() == {"type": "error", "code": "bad_frame"}
        await com.send_to(bytes_data=b"\x00\xff")
        assert await com.receive_json_from() == {"type": "error", "code": "bad_frame"}
        await com.send_json_to({"type": "shutdown"})
        assert await com.receive_json_from() == {"type": "error", "code": "unknown_type"}
        await com.send_json_to({"type": "message", "id": "big", "text": "x" * 4001})
        assert await com.receive_json_from() == {"type": "error", "code": "too_long"}
        await com.send_json_to({"type": "message", "id": "blank", "text": "   "})
        assert await com.receive_json_from() == {"type": "error", "code": "empty"}
        await com.send_json_to({"type": "transcript"})
        assert await com.receive_json_from() == {"type": "error", "code": "nothing_to_send"}
        events = await say(com, "<script>alert(1)</script>", "xss")
        assert events[0] == {"type": "ack", "id": "xss"}
        await com.disconnect()

    async def start_after_connect(com: WebsocketCommunicator) -> None:
        await com.send_json_to({"type": "start", "token": {"evil": 1}, "language": "../../etc",
                                "time_zone": "Mars/Olympus"})  # fmt: skip
        event = await com.receive_json_from()
        assert event["type"] == "session" and event["language"] == "en"

    async_to_sync(scenario)()
    session = ChatSession.objects.get()
    assert session.browser_time_zone == "" and session.customer.time_zone == ""
    message = Message.objects.get(kind="inbound", channel="chat")
    assert message.body_text == "<script>alert(1)</script>" and message.body_html == ""


def test_messages_are_rate_limited(live_cast) -> None:  # type: ignore[no-untyped-def]
    do_set_presence(live_cast.agent_a, True)

    async def scenario() -> None:
        com = communicator()
        await start(com)
        for n in range(MESSAGES_PER_MINUTE):
            await com.send_json_to({"type": "message", "id": f"n{n}", "text": f"Nachricht {n}"})
            # ack, state (and, after the first message, the hand-over line)
            while (await com.receive_json_from())["type"] != "state":
                pass
            if n == 0:
                assert (await com.receive_json_from())["type"] == "message"
        await com.send_json_to({"type": "message", "id": "over", "text": "eine zu viel"})
        assert await com.receive_json_from() == {"type": "error", "code": "too_fast"}
        await com.disconnect()

    with time_machine.travel(datetime(2026, 11, 30, 9, 0, 10, tzinfo=UTC), tick=False):
        async_to_sync(scenario)()
    assert Message.objects.filter(kind="inbound", channel="chat").count() == MESSAGES_PER_MINUTE
