"""Task payloads are JSON-shaped: ids and plain values, never pickled model instances."""

from __future__ import annotations

import json
from typing import Any

from huey.registry import Message
from huey.serializer import Serializer


class TaskArgumentError(TypeError):
    """A task was enqueued with arguments that would not survive a JSON round trip."""


def check_json_arguments(name: str, args: Any, kwargs: Any) -> None:
    try:
        json.dumps([list(args or ()), dict(kwargs or {})])
    except (TypeError, ValueError) as exc:
        raise TaskArgumentError(
            f"task {name} was given arguments that are not JSON: {exc}; "
            "pass ids and plain values instead"
        ) from exc


class JsonArgsSerializer(Serializer):
    """Huey's serializer, refusing task messages whose arguments are not plain JSON.

    A task that only works because pickle carried a model instance breaks as soon as the
    instance changes between enqueue and execution; ids keep the database the truth.
    """

    def serialize(self, data: Any) -> bytes:
        if isinstance(data, Message):
            check_json_arguments(data.name, data.args, data.kwargs)
        result: bytes = super().serialize(data)
        return result
