"""Mailbox passwords come from the environment, never from the database."""

from __future__ import annotations

import re

from aftersail.env import ConfigError, env_str

# Only variables meant as mailbox passwords: a mailbox must not be able to send, say,
# SECRET_KEY to a server its editor controls.
_NAME = re.compile(r"^[A-Z][A-Z0-9_]{0,90}_PASSWORD$")


class MissingSecret(ConfigError):
    pass


def read_secret(variable: str) -> str:
    """The value of ``variable`` (or of the file named by ``<variable>_FILE``); "" if unset."""
    if not variable:
        return ""
    if not _NAME.match(variable):
        raise MissingSecret(
            f"{variable!r} is not allowed: use an environment variable whose name ends in _PASSWORD"
        )
    return env_str(variable)
