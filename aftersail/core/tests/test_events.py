"""The event mechanism: kinds defined in code, reactions after commit, each on its own,
failures retried with back-off, nothing on rollback or for imports."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import transaction

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import do_change_status, do_record, import_timeline
from aftersail.conversations.models import ConversationEvent
from aftersail.core import event_kinds, events
from aftersail.core.models import ReactionFailure

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def isolated(monkeypatch):
    """An empty reaction registry, so that only the test's reactions run."""
    monkeypatch.setattr(events, "_reactions", {})


def test_reactions_run_after_commit_and_one_failure_does_not_stop_the_others(
    cast, isolated, django_capture_on_commit_callbacks
):
    seen = []

    @events.reaction(events.check_kind("conversation", "status_changed"))
    def first(event):
        raise RuntimeError("webhook endpoint down")

    @events.reaction(stream="conversation")
    def everything(event):
        seen.append((event.kind, event.data.get("new")))

    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        do_change_status(cast.conversation_a, "pending", Actor.of_agent(cast.agent_a))
        assert seen == []
    assert seen == [("status_changed", "pending")]
    failure = ReactionFailure.objects.get()
    event = cast.conversation_a.events.get(kind="status_changed")
    assert (failure.stream, failure.event_id, failure.kind) == (
        "conversation",
        event.id,
        event.kind,
    )
    assert failure.reaction.endswith("<locals>.first")
    assert failure.error == "RuntimeError: webhook endpoint down"
    assert failure.next_attempt_at == NOW + events.RETRY_DELAYS[0]


def test_a_failing_reaction_is_retried_with_back_off_then_given_up(
    cast, isolated, django_capture_on_commit_callbacks
):
    calls = []

    @events.reaction(events.check_kind("conversation", "priority_changed"))
    def flaky(event):
        calls.append(event.id)
        raise ConnectionError("still down")

    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        do_record(cast.conversation_a, "priority_changed", Actor.system(), new="high")
    failure = ReactionFailure.objects.get()
    moment = NOW
    for attempt, delay in enumerate(events.RETRY_DELAYS, start=1):
        # Not yet due one second before its time: nothing runs.
        with time_machine.travel(moment + delay - timedelta(seconds=1), tick=False):
            assert events.retry_due_failures() == 0
        moment = moment + delay
        with time_machine.travel(moment, tick=False):
            assert events.retry_due_failures() == 0
        failure.refresh_from_db()
        assert failure.attempts == attempt + 1
    assert len(calls) == 1 + len(events.RETRY_DELAYS)
    assert failure.gave_up_at == moment
    assert failure.next_attempt_at is None
    with time_machine.travel(moment + timedelta(days=30), tick=False):
        assert events.retry_due_failures() == 0
    assert len(calls) == 1 + len(events.RETRY_DELAYS)


def test_a_retry_that_succeeds_removes_the_failure(
    cast, isolated, django_capture_on_commit_callbacks
):
    outcomes = iter([RuntimeError("once"), None])
    done = []

    @events.reaction(events.check_kind("conversation", "priority_changed"))
    def recovers(event):
        outcome = next(outcomes)
        if outcome is not None:
            raise outcome
        done.append(event.kind)

    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        do_record(cast.conversation_a, "priority_changed", Actor.system(), new="high")
    with time_machine.travel(NOW + events.RETRY_DELAYS[0], tick=False):
        assert events.retry_due_failures() == 1
    assert done == ["priority_changed"]
    assert not ReactionFailure.objects.exists()


def test_a_failed_reaction_leaves_no_partial_writes(
    cast, isolated, django_capture_on_commit_callbacks
):
    @events.reaction(events.check_kind("conversation", "priority_changed"))
    def half_done(event):
        do_record(event.conversation, "tags_changed", Actor.system(), added=["x"])
        raise RuntimeError("after the first write")

    with django_capture_on_commit_callbacks(execute=True):
        do_record(cast.conversation_a, "priority_changed", Actor.system(), new="high")
    assert not cast.conversation_a.events.filter(kind="tags_changed").exists()
    assert ReactionFailure.objects.count() == 1


def test_inline_reactions_run_in_the_committing_process_queued_ones_in_a_task(
    cast, isolated, django_capture_on_commit_callbacks
):
    @events.reaction(events.check_kind("conversation", "priority_changed"), inline=True)
    def now(event):
        pass

    @events.reaction(events.check_kind("conversation", "priority_changed"))
    def later(event):
        pass

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        do_record(cast.conversation_a, "priority_changed", Actor.system(), new="high")
    # One callback runs the inline reactions, the other queues the task for the rest.
    assert len(callbacks) == 2


def test_nothing_reacts_to_a_rolled_back_change(cast, isolated, django_capture_on_commit_callbacks):
    seen = []
    events.reaction(stream="conversation")(lambda event: seen.append(event.kind))
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        do_record(cast.conversation_a, "priority_changed", Actor.system(), new="high")
        raise RuntimeError("rolled back")
    assert seen == []
    assert not cast.conversation_a.events.filter(kind="priority_changed").exists()


def test_events_without_reactions_queue_nothing(cast, isolated, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        do_change_status(cast.conversation_a, "pending", Actor.of_agent(cast.agent_a))
    assert callbacks == []


def test_imports_trigger_no_reactions(cast, isolated, django_capture_on_commit_callbacks):
    events.reaction(stream="conversation")(lambda event: pytest.fail("reacted to an import"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_timeline([(cast.conversation_a, "status_changed", Actor.system(), None, {})])
    assert callbacks == []


def test_writing_an_undefined_kind_fails():
    with pytest.raises(events.UnknownEventKind, match="'exploded'"):
        events.check_kind("conversation", "exploded")


def test_unknown_kinds_never_reach_the_database(cast):
    with pytest.raises(events.UnknownEventKind):
        do_record(cast.conversation_a, "exploded", Actor.system())
    assert not ConversationEvent.objects.filter(kind="exploded").exists()


def test_two_apps_cannot_define_the_same_kind(monkeypatch):
    monkeypatch.setattr(event_kinds, "_kinds", dict(event_kinds._kinds))
    with pytest.raises(ImproperlyConfigured, match="defined by conversations and by sla"):
        events.define("conversation", "assigned", "Assigned", app="sla")
    again = events.define("conversation", "assigned", "Assigned", app="conversations")
    assert again is events.check_kind("conversation", "assigned")


def test_every_kind_belongs_to_a_stream_with_a_model():
    for kind in events.kinds():
        assert events.stream_model(kind.stream).stream == kind.stream
    assert {kind.app for kind in events.kinds("conversation")} >= {
        "conversations",
        "sla",
        "returns",
        "macros",
    }


def test_a_new_event_kind_needs_no_migration(monkeypatch):
    monkeypatch.setattr(event_kinds, "_kinds", dict(event_kinds._kinds))
    events.define("conversation", "survey_answered", "Survey answered", app="feedback")
    events.define("return", "label_printed", "Label printed", app="returns")
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_event_labels_come_from_the_registry(cast):
    event = do_record(cast.conversation_a, "priority_changed", Actor.system(), new="high")
    assert event.kind_label == "Priority changed"
    assert events.label_of("conversation", "no_such_kind") == "no_such_kind"
