"""Permission matrix, part 1: who may hand a conversation to which team and agent.

Each change is made through the desk (the conversation page's assign form, and the inbox's
bulk form) and through the API (PATCH with the same session), each on a fresh copy of the
same state, and both must give the answer of the table below. The table is written out by
hand from the rules, not computed from the code under test.

The rules (``conversations.permissions``):

- V  an agent acts only on conversations they may see (their teams', and any assigned to
     them personally); others are 404 on both doors, whatever the change.
- M  the assignee must be a member of the team the conversation goes to (422).
- T  plain agents hand conversations only to their own teams (403) ...
- O  ... and move a conversation only out of a team of their own: taking it out of its team
     (no team), or out of a team they are not in, is for supervisors and admins (403).
- S  supervisors hand conversations to any team ...
- C  ... but, like agents, only to colleagues of their own teams (403).
"""

from __future__ import annotations

from typing import Any

import pytest

from aftersail.api.tests.matrix import ROLES, Room, assert_same_answer, seat
from aftersail.testing.doors import ALLOWED, FORBIDDEN, HIDDEN, INVALID, rehearse

pytestmark = pytest.mark.django_db

# Allowed, Forbidden (403), Unprocessable (422), Hidden (404).
A, F, U, H = ALLOWED, FORBIDDEN, INVALID, HIDDEN


def _form(room: Room, change: str) -> dict[str, Any]:
    """The assign form of the conversation page: a team select and an assignee select."""
    return {
        "to_own_team": {"team": room.own.id, "assignee": ""},
        "to_other_team": {"team": room.other.id, "assignee": ""},
        "remove_team": {"team": "", "assignee": ""},
        "colleague": {"team": room.own.id, "assignee": room.colleague.id},
        "stranger": {"team": room.other.id, "assignee": room.stranger.id},
        "stranger_into_own_team": {"team": room.own.id, "assignee": room.stranger.id},
        # "Me" with the team left at "—": the conversation's team if I am in it, else mine.
        "me": {"team": "", "assignee": "me"},
    }[change]


def _body(room: Room, change: str) -> dict[str, Any]:
    """The same change as an API client states it: team and assignee spelled out."""
    return {
        "to_own_team": {"team": room.own.name, "unassign": True},
        "to_other_team": {"team": room.other.name, "unassign": True},
        "remove_team": {"team": "", "unassign": True},
        "colleague": {"team": room.own.name, "assignee": str(room.colleague.public_id)},
        "stranger": {"team": room.other.name, "assignee": str(room.stranger.public_id)},
        "stranger_into_own_team": {
            "team": room.own.name,
            "assignee": str(room.stranger.public_id),
        },
        "me": {"team": room.own.name, "assignee": str(room.me.public_id)},
    }[change]


def _intended(room: Room, change: str) -> tuple[str | None, str | None]:
    """(team, assignee) after an allowed change."""
    return {
        "to_own_team": (room.own.name, None),
        "to_other_team": (room.other.name, None),
        "remove_team": (None, None),
        "colleague": (room.own.name, room.colleague.user.email),
        "stranger": (room.other.name, room.stranger.user.email),
        "me": (room.own.name, room.me.user.email),
    }[change]


# (where, change): decision for agent_a, supervisor_a, outsourced, agent_b (matrix.ROLES).
# "own": the role's team's conversation; "other": the other team's; "personal": the other
# team's, assigned to the role personally.
EXPECTED = {
    # Own team's conversation.
    ("own", "to_own_team"): (A, A, A, A),  # unassign, stay in the team
    ("own", "to_other_team"): (F, A, F, F),  # T; S
    ("own", "remove_team"): (F, A, F, F),  # O; S
    ("own", "colleague"): (A, A, A, A),
    ("own", "stranger"): (F, F, F, F),  # T for agents; C for the supervisor
    ("own", "stranger_into_own_team"): (U, U, U, U),  # M
    ("own", "me"): (A, A, A, A),
    # The other team's conversation: nobody here may see it.
    ("other", "to_own_team"): (H, H, H, H),  # V
    ("other", "to_other_team"): (H, H, H, H),  # V
    ("other", "remove_team"): (H, H, H, H),  # V
    ("other", "colleague"): (H, H, H, H),  # V
    ("other", "stranger"): (H, H, H, H),  # V
    ("other", "stranger_into_own_team"): (H, H, H, H),  # V
    ("other", "me"): (H, H, H, H),  # V
    # The other team's conversation, assigned to me: I see it, but plain agents may not
    # move it out of a team they are not in, nor give it back to that team (not theirs).
    ("personal", "to_own_team"): (F, A, F, F),  # O; S
    ("personal", "to_other_team"): (F, A, F, F),  # T (the team stays, still not theirs); S
    ("personal", "remove_team"): (F, A, F, F),  # O; S
    ("personal", "colleague"): (F, A, F, F),  # O; S
    ("personal", "stranger"): (F, F, F, F),  # T; C
    ("personal", "stranger_into_own_team"): (U, U, U, U),  # M
    ("personal", "me"): (F, A, F, F),  # lands in my team: O; S
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("where", "change"), list(EXPECTED))
def test_assign_form_and_patch_decide_alike(cast, role, where, change):
    room = seat(cast, role, where)
    expected = EXPECTED[where, change][ROLES.index(role)]
    before = room.state()
    watch = room.conversation.id
    desk = rehearse(lambda: room.door.desk(room.desk_path + "assign/", _form(room, change), watch))
    api = rehearse(lambda: room.door.api("patch", room.api_path, _body(room, change), watch))
    assert_same_answer(expected, desk, api, before)
    if expected == ALLOWED:
        assert (desk.state.team, desk.state.assignee) == _intended(room, change)
        assert desk.state.status == before.status
        moved = (desk.state.team, desk.state.assignee) != (before.team, before.assignee)
        assert desk.kinds == (("assigned",) if moved else ())


# The inbox's bulk assign: "Assign to me", "Unassign", "Assign to <agent>", and what the
# API client sends for the same result. The team follows the agent: the conversation's own
# team if the agent is in it, else the agent's team.
EXPECTED_BULK = {
    ("own", "me"): (A, A, A, A),
    ("own", "colleague"): (A, A, A, A),
    ("own", "stranger"): (F, F, F, F),  # to the stranger's team: T; C
    ("own", "none"): (A, A, A, A),
    ("own", "solved"): (A, A, A, A),
    ("other", "me"): (H, H, H, H),  # V: bulk skips what the agent cannot see
    ("other", "colleague"): (H, H, H, H),
    ("other", "stranger"): (H, H, H, H),
    ("other", "none"): (H, H, H, H),
    ("other", "solved"): (H, H, H, H),
    ("personal", "me"): (F, A, F, F),  # to my team: O; S
    ("personal", "colleague"): (F, A, F, F),  # to my team: O; S
    ("personal", "stranger"): (F, F, F, F),  # stays in the other team: T; C
    ("personal", "none"): (F, A, F, F),  # stays in the other team: T; S
    ("personal", "solved"): (A, A, A, A),  # V: I see it, so I may change its status
}


def _bulk(room: Room, change: str) -> tuple[str, dict[str, Any]]:
    action = {
        "me": "assign:me",
        "colleague": f"assign:{room.colleague.id}",
        "stranger": f"assign:{room.stranger.id}",
        "none": "assign:none",
        "solved": "status:solved",
    }[change]
    body = {
        "me": {"team": room.own.name, "assignee": str(room.me.public_id)},
        "colleague": {"team": room.own.name, "assignee": str(room.colleague.public_id)},
        "stranger": {"team": room.other.name, "assignee": str(room.stranger.public_id)},
        "none": {"unassign": True},
        "solved": {"status": "solved"},
    }[change]
    return action, body


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("where", "change"), list(EXPECTED_BULK))
def test_bulk_and_patch_decide_alike(cast, role, where, change):
    room = seat(cast, role, where)
    expected = EXPECTED_BULK[where, change][ROLES.index(role)]
    before = room.state()
    watch = room.conversation.id
    action, body = _bulk(room, change)
    desk = rehearse(lambda: room.door.bulk([watch], action, watch))
    api = rehearse(lambda: room.door.api("patch", room.api_path, body, watch))
    assert_same_answer(expected, desk, api, before)
