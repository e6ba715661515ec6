"""Mailbox passwords come from the environment, never from the database."""

from __future__ import annotations

import re

from aftersail.env import ConfigError, env_str

_NAME = re.compile(r"^[A-Z][A-Z0-9_]{0,99}$")


class MissingSecret(ConfigError):
    pass


def read_secret(variable: str) -> str:
    """The value of ``variable`` (or of the file named by ``<variable>_FILE``); "" if unset."""
    if not variable:
        return ""
    if not _NAME.match(variable):
        raise MissingSecret(f"{variable!r} is not an environment variable name")
    return env_str(variable)
