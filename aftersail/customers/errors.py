"""The customers app's refusal, in a module of its own so that every customers module (the
identity rules, profiles, merging) can raise it without importing each other."""

from __future__ import annotations

from aftersail.core.errors import ActionError


class CustomerError(ActionError):
    """A change the customer records do not allow."""
