"""Enqueue background work only once the current transaction has committed."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.db import transaction

from aftersail.core.task_serializer import check_json_arguments


def enqueue_on_commit(task: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Queue ``task(*args, **kwargs)`` after commit; nothing is queued on rollback.

    The arguments go through a JSON round trip here, in every mode, so tests (where tasks
    run synchronously) see exactly what a separate worker process would receive.
    """
    check_json_arguments(getattr(task, "name", repr(task)), args, kwargs)
    payload = json.loads(json.dumps([list(args), kwargs]))
    transaction.on_commit(lambda: task(*payload[0], **payload[1]))
