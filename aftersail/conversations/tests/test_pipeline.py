from datetime import timedelta

import pytest
from django.utils import timezone

from aftersail.conversations import pipeline
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.pipeline import process_inbound_message
from aftersail.conversations.tasks import reconcile_inbound_messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def steps(monkeypatch):
    """An isolated registry with three steps, the middle one broken."""
    monkeypatch.setattr(pipeline, "_steps", {})
    seen = []

    @pipeline.register_inbound_step(pipeline.ROUTE, "test.route")
    def route(message):
        seen.append(("route", message.body_text))

    @pipeline.register_inbound_step(pipeline.DETECT_LANGUAGE, "test.language")
    def language(message):
        seen.append(("language", message.body_text))

    @pipeline.register_inbound_step(pipeline.CLASSIFY, "test.broken")
    def broken(message):
        raise RuntimeError("model file missing")

    return seen


def test_inbound_steps_run_in_order_after_commit_and_survive_a_failing_step(
    cast, steps, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = do_add_message(
            cast.conversation_a, NewMessage(kind="inbound", author_kind="customer", text="Hallo")
        )
        assert steps == []  # nothing before the commit
    assert steps == [("language", "Hallo"), ("route", "Hallo")]
    message.refresh_from_db()
    assert message.processed_at is not None


def test_a_processed_message_is_not_processed_again(
    cast, steps, django_capture_on_commit_callbacks
):

    with django_capture_on_commit_callbacks(execute=True):
        message = do_add_message(
            cast.conversation_a, NewMessage(kind="inbound", author_kind="customer", text="x")
        )
    process_inbound_message.call_local(message.id)
    assert len(steps) == 2


def test_replies_and_notes_do_not_enter_the_inbound_pipeline(
    cast, steps, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        do_add_message(
            cast.conversation_a,
            NewMessage(kind="note", author_kind="agent", author_agent=cast.agent_a, text="intern"),
        )
    assert steps == []


def test_the_reconciler_replays_recent_unfinished_messages_only(
    cast, steps, django_capture_on_commit_callbacks
):
    now = timezone.now()
    stuck = do_add_message(
        cast.conversation_a,
        NewMessage(
            kind="inbound", author_kind="customer", text="stuck", at=now - timedelta(minutes=30)
        ),
    )
    do_add_message(
        cast.conversation_a,
        NewMessage(
            kind="inbound", author_kind="customer", text="ancient", at=now - timedelta(days=3)
        ),
    )
    do_add_message(
        cast.conversation_a,
        NewMessage(
            kind="inbound", author_kind="customer", text="fresh", at=now - timedelta(minutes=1)
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        reconcile_inbound_messages.call_local()
    assert steps == [("language", "stuck"), ("route", "stuck")]
    stuck.refresh_from_db()
    assert stuck.processed_at is not None
