"""The widget script, uploads from the widget, and the assistant seam."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from aftersail.assignment.models import Shift
from aftersail.chat import assistant_bridge
from aftersail.chat.models import ChatSession, ChatSettings
from aftersail.chat.services import (
    agents_available,
    do_customer_message,
    do_respond,
    do_set_presence,
)
from aftersail.chat.sessions import do_start_session, session_token
from aftersail.chat.uploads import MAX_UPLOAD_BYTES, UPLOADS_PER_HOUR
from aftersail.conversations.models import Attachment, Message

SHOP = "https://shop.cast.example"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def chat(cast):  # type: ignore[no-untyped-def]
    ChatSettings.objects.create(store=cast.store, allowed_origins=[SHOP], team=cast.team_a)
    session, _ = do_start_session(cast.store, token=None, language="pl-PL",
                                  time_zone="Europe/Warsaw", origin=SHOP)  # fmt: skip
    return cast, session


def test_widget_script_is_served() -> None:
    response = Client().get("/chat/widget.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    body = response.content.decode()
    assert "attachShadow" in body and "/ws/chat/" in body


def upload(token: str, name: str, content: bytes, origin: str = SHOP) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return Client(headers={"origin": origin}).post(
        "/chat/cast/upload/", {"token": token, "file": SimpleUploadedFile(name, content)}
    )


def test_upload_stores_an_image_as_a_chat_message(chat) -> None:  # type: ignore[no-untyped-def]
    _cast, session = chat
    response = upload(session_token(session), "../../etc/zdjęcie<1>.png", PNG)
    assert response.status_code == 201
    assert response["Access-Control-Allow-Origin"] == SHOP
    assert response.json()["text"] == "📎 zdjęcie1.png"
    attachment = Attachment.objects.get()
    assert attachment.filename == "zdjęcie1.png" and attachment.content_type == "image/png"
    assert attachment.size == len(PNG) and attachment.file.read() == PNG
    assert attachment.message.conversation.channel == "chat"


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [("x.png", b"MZ\x90\x00 not an image", 415), ("x.html", b"<html><script>", 415),
     ("empty.png", b"", 400), ("big.pdf", b"%PDF-" + b"0" * MAX_UPLOAD_BYTES, 413)],
)  # fmt: skip
def test_upload_refuses_what_it_cannot_take(chat, name, content, status) -> None:  # type: ignore[no-untyped-def]
    _cast, session = chat
    assert upload(session_token(session), name, content).status_code == status
    assert Attachment.objects.count() == 0


def test_upload_needs_a_valid_token_and_origin(chat) -> None:  # type: ignore[no-untyped-def]
    _cast, session = chat
    assert upload("forged", "a.png", PNG).status_code == 400
    assert (
        upload(session_token(session), "a.png", PNG, origin="https://evil.example").status_code
        == 403
    )
    for _ in range(UPLOADS_PER_HOUR):
        assert upload(session_token(session), "a.png", PNG).status_code == 201
    assert upload(session_token(session), "a.png", PNG).status_code == 429
    preflight = Client(headers={"origin": SHOP}).options("/chat/cast/upload/")
    assert preflight.status_code == 204 and preflight["Access-Control-Allow-Origin"] == SHOP


@pytest.fixture
def fake_assistant(monkeypatch):  # type: ignore[no-untyped-def]
    calls: list[tuple[dict[str, Any], str, str]] = []

    def reply(state: dict[str, Any], text: str, language: str, *, store: Any) -> dict[str, Any]:
        calls.append((state, text, language))
        assert store.slug == "cast"
        if "boom" in text:
            raise RuntimeError("assistant bug")
        if "human" in text:
            note = "Assistant handed over (asked for a person)."
            return {"text": "Łączę z konsultantem.", "handover": True, "state": {}, "note": note}
        return {"text": "Paczka jest w drodze.", "handover": False, "state": {"step": 2}}

    monkeypatch.setattr(assistant_bridge, "ASSISTANT", reply)
    return calls


def test_the_assistant_answers_first_when_installed(chat, fake_assistant) -> None:  # type: ignore[no-untyped-def]
    cast, session = chat
    do_set_presence(cast.agent_a, True)
    message = do_customer_message(session, "Gdzie jest moja paczka?", "1")
    do_respond(session, message)
    state, text, language = fake_assistant[0]
    assert (text, language) == ("Gdzie jest moja paczka?", "pl")
    assert state["customer_id"] == session.customer_id and state["channel"] == "chat"
    answer = session.conversation.messages.filter(kind="reply").get()
    assert answer.author_kind == Message.AuthorKind.ASSISTANT
    assert answer.body_text == "Paczka jest w drodze."
    session.refresh_from_db()
    assert session.assistant_state == {"step": 2} and session.state == ChatSession.State.ASSISTANT

    do_respond(session, do_customer_message(session, "Chcę rozmawiać z human", "2"))
    session.refresh_from_db()
    assert session.state == ChatSession.State.WAITING
    texts = list(
        session.conversation.messages.filter(kind="reply").values_list("body_text", flat=True)
    )
    assert texts[1:] == ["Łączę z konsultantem."]  # the assistant announced the hand-over
    # and left the agent who takes over a note of what it understood
    note = session.conversation.messages.get(kind="note")
    assert note.body_text == "Assistant handed over (asked for a person)."
    assert note.author_kind == Message.AuthorKind.SYSTEM


def test_a_failing_assistant_hands_over(chat, fake_assistant) -> None:  # type: ignore[no-untyped-def]
    _cast, session = chat
    do_respond(session, do_customer_message(session, "boom", "1"))
    session.refresh_from_db()
    assert session.state == ChatSession.State.ASK_EMAIL


def test_without_an_assistant_the_chat_hands_over(chat, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(assistant_bridge, "ASSISTANT", None)
    _cast, session = chat
    assert assistant_bridge.assistant_reply_function() is None
    do_respond(session, do_customer_message(session, "Hej", "1"))
    session.refresh_from_db()
    assert session.state == ChatSession.State.ASK_EMAIL


def test_demo_shop_page_embeds_the_widget(cast) -> None:  # type: ignore[no-untyped-def]
    html = Client().get("/chat/demo-shop/").content.decode()
    assert '<script src="http://127.0.0.1:8000/chat/widget.js" data-store="cast" async>' in html


def test_an_available_agent_off_shift_does_not_take_chats(chat) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, time

    import time_machine

    cast, session = chat
    do_set_presence(cast.agent_a, True)  # Europe/Berlin, Mondays 09:00-17:00
    Shift.objects.create(agent=cast.agent_a, weekday=0, starts=time(9), ends=time(17))
    with time_machine.travel(datetime(2026, 11, 30, 10, 0, tzinfo=UTC), tick=False):  # Mon 11:00
        assert agents_available(session) is True
    with time_machine.travel(datetime(2026, 11, 30, 17, 0, tzinfo=UTC), tick=False):  # 18:00
        assert agents_available(session) is False
    do_set_presence(cast.agent_a, False)
    with time_machine.travel(datetime(2026, 11, 30, 10, 0, tzinfo=UTC), tick=False):
        assert agents_available(session) is False
