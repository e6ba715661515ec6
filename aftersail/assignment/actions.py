"""The door through which other apps have a conversation routed by the team rules.

:func:`do_route` gives a conversation without a team the team of the first active
:class:`~aftersail.assignment.models.TeamRule` that matches it (the customer's country, the
conversation's language, channel and category; an empty condition matches everything) and,
when that team routes automatically, an available agent of it. The hand-over goes through
``conversations.actions.do_assign``, which checks that the ``actor`` may make it. A
conversation that no rule matches keeps no team: only administrators (and an assignee) see
it until someone hands it on, so a catch-all rule (no conditions, last position) gives such
conversations a default team.
"""

from __future__ import annotations

from aftersail.assignment.services import do_route

__all__ = ["do_route"]
