from datetime import date

import pytest
from django.db import transaction
from huey.contrib.djhuey import HUEY
from huey.registry import Message

from aftersail.core.models import WorkerPing
from aftersail.core.queue import enqueue_on_commit
from aftersail.core.task_serializer import JsonArgsSerializer, TaskArgumentError
from aftersail.core.tasks import answer_worker_ping


@pytest.mark.django_db
def test_task_runs_only_after_commit(django_capture_on_commit_callbacks):
    ping = WorkerPing.objects.create(kind=WorkerPing.Kind.PING)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_on_commit(answer_worker_ping, ping.id)
        ping.refresh_from_db()
        assert ping.completed_at is None  # not before the commit
    assert len(callbacks) == 1
    ping.refresh_from_db()
    assert ping.completed_at is not None
    assert ping.worker_pid is not None


@pytest.mark.django_db(transaction=True)
def test_nothing_is_enqueued_when_the_transaction_rolls_back():
    ping = WorkerPing.objects.create(kind=WorkerPing.Kind.PING)
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(answer_worker_ping, ping.id)
        raise RuntimeError("the request failed")
    ping.refresh_from_db()
    assert ping.completed_at is None


def test_enqueue_refuses_arguments_that_are_not_json():
    with pytest.raises(TaskArgumentError, match="not JSON"):
        enqueue_on_commit(answer_worker_ping, date(2026, 11, 22))


def test_serializer_refuses_pickled_objects_in_task_messages():
    serializer = JsonArgsSerializer()
    blank = Message(*([None] * len(Message._fields)))
    bad = blank._replace(id="id", name="core.answer_worker_ping", args=(object(),), kwargs={})
    with pytest.raises(TaskArgumentError):
        serializer.serialize(bad)
    good = bad._replace(args=(42,), kwargs={"reason": "test"})
    assert serializer.deserialize(serializer.serialize(good)).args == (42,)


def test_results_and_other_payloads_still_serialize():
    serializer = JsonArgsSerializer()
    assert serializer.deserialize(serializer.serialize({"anything": date(2026, 1, 1)})) == {
        "anything": date(2026, 1, 1)
    }


def test_tests_run_tasks_synchronously():
    assert HUEY.immediate is True
