"""How an action's refusal reaches an API client."""

from __future__ import annotations

from ninja.errors import HttpError

from aftersail.core.errors import ActionError, NotAllowed


def refused(error: ActionError) -> HttpError:
    """403 when the caller may not make the change, 422 when the change is impossible."""
    return HttpError(403 if isinstance(error, NotAllowed) else 422, str(error))
