"""The base of every input schema of the API."""

from typing import Any

from ninja import Schema
from pydantic import model_validator

NUL = "\x00"


def has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(has_nul(v) for v in value)
    return False


class Input(Schema):
    """Refuses NUL characters anywhere in the input: PostgreSQL cannot store them in text,
    and no name, address or message needs one."""

    @model_validator(mode="before")
    @classmethod
    def _no_nul_characters(cls, data: Any) -> Any:
        raw = getattr(data, "_obj", data)  # ninja hands schemas a DjangoGetter around the input
        if has_nul(raw):
            raise ValueError("text may not contain NUL characters")
        return data
