"""The two ways an action refuses, whatever door it was called through.

Desk pages show the message; the API answers 422 for :class:`ActionError` and 403 for
:class:`NotAllowed`. Each app's errors derive from these, so a surface needs no list of them.
"""

from __future__ import annotations


class ActionError(ValueError):
    """The change is not possible with these inputs or in this state."""


class NotAllowed(ActionError):
    """The change is possible, but not for whoever asked."""
