import pytest
from django.utils import timezone

from aftersail.accounts.actors import Actor, KeyGrant
from aftersail.conversations import timeline
from aftersail.conversations.models import ConversationEvent
from aftersail.core.events import UnknownEventKind
from aftersail.core.models import EventWriteError

pytestmark = pytest.mark.django_db


def test_events_cannot_be_written_around_the_helpers(cast):
    conversation = cast.conversation_a
    with pytest.raises(EventWriteError, match=r"events\.publish"):
        ConversationEvent.objects.create(
            conversation=conversation,
            kind="created",
            actor_kind="system",
            created_at=timezone.now(),
        )
    with pytest.raises(EventWriteError, match=r"events\.publish"):
        ConversationEvent.objects.bulk_create(
            [
                ConversationEvent(
                    conversation=conversation,
                    kind="created",
                    actor_kind="system",
                    created_at=timezone.now(),
                )
            ]
        )


def test_recorded_events_never_change(cast):
    event = timeline.record(
        cast.conversation_a, "status_changed", Actor.of_agent(cast.agent_a), old="new", new="open"
    )
    event.data = {"old": "new", "new": "solved"}
    with pytest.raises(EventWriteError, match="never change"):
        event.save()
    event.refresh_from_db()
    assert event.data == {"old": "new", "new": "open"}
    assert event.actor_agent == cast.agent_a
    assert event.actor_kind == "agent"


def test_record_rejects_unknown_kinds_and_non_json_data(cast):
    with pytest.raises(UnknownEventKind, match="no app defines the conversation event kind"):
        timeline.record(cast.conversation_a, "exploded", Actor.system())
    with pytest.raises(TypeError):
        timeline.record(cast.conversation_a, "created", Actor.system(), when=object())


def test_record_many_writes_in_bulk(cast):
    now = timezone.now()
    events = timeline.record_many(
        [
            (
                cast.conversation_b,
                "status_changed",
                Actor.api(KeyGrant(key_id=1, store_id=cast.store.id)),
                now,
                {"old": "new", "new": "open"},
            ),
            (
                cast.conversation_b,
                "priority_changed",
                Actor.system(),
                now,
                {"old": "normal", "new": "high"},
            ),
        ]
    )
    assert [e.kind for e in events] == ["status_changed", "priority_changed"]
    assert cast.conversation_b.events.filter(actor_kind="api").count() == 1
