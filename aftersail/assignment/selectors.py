"""Named reads of the assignment app for other apps: who is on shift, which team a
conversation's market and language belong to."""

from __future__ import annotations

from aftersail.assignment.services import match_team, on_shift

__all__ = ["match_team", "on_shift"]
