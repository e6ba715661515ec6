"""Permission matrix, part 2: status, and the other changes a conversation page makes.

Where the API has the same write (status, priority and category by PATCH, replies and
notes by POST .../messages), desk and API must decide alike on fresh copies of the same
state. Snooze, wake, split and merge exist only on the desk; they are checked against the
table alone. The tables are written out by hand from the rules:

- V  an agent changes only conversations they may see (their teams', and any assigned to
     them personally); others are 404 on both doors.
- P  whoever sees a conversation may set its status, priority and category, write in it,
     snooze and wake it.
- N  a split opens a conversation in the same team; agents other than admins open
     conversations only for their own teams.
- T/O/S/C  merging moves the messages to the target's team, so it needs the right to hand
     the conversation there (see test_matrix_assign): plain agents only between their own
     teams, supervisors to any team.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.api.tests.matrix import ROLES, Room, assert_same_answer, seat
from aftersail.conversations.actions import NewMessage, do_add_message, do_snooze
from aftersail.conversations.models import Conversation, Message
from aftersail.macros.models import Macro, MacroVariant
from aftersail.testing import factories as f
from aftersail.testing.doors import (
    ALLOWED,
    FORBIDDEN,
    HIDDEN,
    Outcome,
    as_the_desk_sees_it,
    chain,
    rehearse,
)

pytestmark = pytest.mark.django_db

# Allowed, Forbidden (403), Hidden (404).
A, F, H = ALLOWED, FORBIDDEN, HIDDEN

REPLY = "Ihr Paket ist unterwegs."


def _desk(room: Room, change: str) -> Outcome:
    forms: list[tuple[str, dict[str, Any]]] = {
        "status_chain": [("status", {"status": "pending"}), ("status", {"status": "solved"})],
        "priority": [("priority", {"priority": "urgent"})],
        "category": [("category", {"category": "return"})],
        "note": [("reply", {"kind": "note", "text": "Asked the warehouse."})],
        "reply": [("reply", {"kind": "reply", "text": REPLY})],
        "reply_with_macro": [("reply", {"kind": "reply", "text": REPLY, "macro": "waiting"})],
    }[change]
    watch = room.conversation.id
    return chain(
        *(
            (
                lambda action=action, data=data: room.door.desk(
                    room.desk_path + action + "/", data, watch
                )
            )
            for action, data in forms
        )
    )


def _api(room: Room, change: str) -> Outcome:
    messages = room.api_path + "/messages"
    calls: list[tuple[str, str, dict[str, Any]]] = {
        "status_chain": [
            ("patch", room.api_path, {"status": "pending"}),
            ("patch", room.api_path, {"status": "solved"}),
        ],
        "priority": [("patch", room.api_path, {"priority": "urgent"})],
        "category": [("patch", room.api_path, {"category": "return"})],
        "note": [("post", messages, {"kind": "note", "text": "Asked the warehouse."})],
        "reply": [("post", messages, {"kind": "reply", "text": REPLY})],
        # The macro's effect, spelled out: the reply, then the status it sets.
        "reply_with_macro": [
            ("post", messages, {"kind": "reply", "text": REPLY}),
            ("patch", room.api_path, {"status": "pending"}),
        ],
    }[change]
    watch = room.conversation.id
    return chain(
        *(
            (lambda m=method, p=path, b=body: room.door.api(m, p, b, watch))
            for method, path, body in calls
        )
    )


# What an allowed change leaves: (status, messages added, timeline kinds).
RESULT = {
    "status_chain": ("solved", 0, ("status_changed", "status_changed")),
    "priority": ("open", 0, ("priority_changed",)),
    "category": ("open", 0, ("category_changed",)),
    "note": ("open", 1, ("message_added",)),
    "reply": ("open", 1, ("message_added",)),
    "reply_with_macro": ("pending", 1, ("message_added", "status_changed")),
}

# (where, change): decision for agent_a, supervisor_a, outsourced, agent_b (matrix.ROLES).
EXPECTED = {
    **{("own", change): (A, A, A, A) for change in RESULT},  # P
    **{("other", change): (H, H, H, H) for change in RESULT},  # V
    **{("personal", change): (A, A, A, A) for change in RESULT},  # P: I see it
}


def _waiting_macro() -> None:
    macro = Macro.objects.create(slug="waiting", name="Waiting for you", set_status="pending")
    MacroVariant.objects.create(macro=macro, language="en", body=REPLY)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("where", "change"), list(EXPECTED))
def test_desk_form_and_api_write_decide_alike(cast, role, where, change):
    _waiting_macro()
    room = seat(cast, role, where)
    expected = EXPECTED[where, change][ROLES.index(role)]
    before = room.state()
    desk = rehearse(lambda: _desk(room, change))
    api = rehearse(lambda: _api(room, change))
    if change == "reply_with_macro" and expected == ALLOWED:
        # The desk also records which macro it used; the API has no macros.
        assert "macro_applied" in desk.kinds
        desk = replace(desk, kinds=tuple(k for k in desk.kinds if k != "macro_applied"))
    assert_same_answer(expected, desk, api, before)
    if expected == ALLOWED:
        status, added, kinds = RESULT[change]
        assert (desk.state.status, desk.state.messages, desk.kinds) == (
            status,
            before.messages + added,
            kinds,
        )


def _prepare(room: Room, change: str) -> dict[str, Any]:
    """The state a desk-only change needs, and the form it posts."""
    conversation = room.conversation
    if change == "snooze":
        return {"until": (timezone.now() + timedelta(days=2)).isoformat()}
    if change == "wake":
        do_snooze(conversation, timezone.now() + timedelta(days=2), Actor.system())
        return {}
    first = conversation.messages.get(kind=Message.Kind.INBOUND)
    do_add_message(
        conversation,
        NewMessage(kind="inbound", author_kind="customer", text="Und noch eine Frage."),
    )
    return {"message": str(first.public_id)}


# change: (status, snoozed, messages moved out, conversations added, timeline kinds).
DESK_ONLY_RESULT = {
    "snooze": ("pending", True, 0, 0, ("snoozed", "status_changed")),
    "wake": ("open", False, 0, 0, ("woke_up", "status_changed")),
    "split": ("open", False, 1, 1, ("created", "split", "split")),
}

EXPECTED_DESK_ONLY = {
    ("own", "snooze"): (A, A, A, A),  # P
    ("own", "wake"): (A, A, A, A),  # P
    ("own", "split"): (A, A, A, A),  # N: the own team
    ("other", "snooze"): (H, H, H, H),  # V
    ("other", "wake"): (H, H, H, H),  # V
    ("other", "split"): (H, H, H, H),  # V
    ("personal", "snooze"): (A, A, A, A),  # P
    ("personal", "wake"): (A, A, A, A),  # P
    ("personal", "split"): (F, F, F, F),  # N: the new one would be the other team's
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("where", "change"), list(EXPECTED_DESK_ONLY))
def test_desk_only_changes(cast, role, where, change):
    room = seat(cast, role, where)
    data = _prepare(room, change)
    expected = EXPECTED_DESK_ONLY[where, change][ROLES.index(role)]
    before = room.state()
    count = Conversation.objects.count()
    watch = room.conversation.id
    desk = rehearse(lambda: room.door.desk(f"{room.desk_path}{change}/", data, watch))
    assert desk.decision == as_the_desk_sees_it(expected), desk.detail
    if expected != ALLOWED:
        assert (desk.state, desk.kinds, desk.conversations) == (before, (), count)
        return
    status, snoozed, moved, added, kinds = DESK_ONLY_RESULT[change]
    assert (desk.state.status, desk.state.snoozed, desk.kinds) == (status, snoozed, kinds)
    assert (desk.state.messages, desk.conversations) == (before.messages - moved, count + added)
    assert (desk.state.team, desk.state.assignee) == (before.team, before.assignee)


# Merging "source -> target" (same customer): decision for agent_a, supervisor_a, outsourced,
# agent_b. The target is a new conversation of the source's customer.
EXPECTED_MERGE = {
    ("own", "own_team"): (A, A, A, A),  # both mine, one team
    ("own", "other_team"): (F, F, F, F),  # V: the desk offers only targets I can see
    ("own", "personal"): (F, A, F, F),  # my team's messages to another team: T; S
    ("other", "own_team"): (H, H, H, H),  # V
    ("personal", "own_team"): (F, A, F, F),  # out of a team that is not mine: O; S
}


def _merge_target(room: Room, target: str) -> Conversation:
    customer = room.conversation.customer
    team = room.other if target in ("other_team", "personal") else room.own
    twin = f.make_conversation(customer, team=team, subject="Noch einmal")
    if target == "personal":
        Conversation.objects.filter(id=twin.id).update(assignee=room.me)
    return twin


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("where", "target"), list(EXPECTED_MERGE))
def test_merge(cast, role, where, target):
    room = seat(cast, role, where)
    into = _merge_target(room, target)
    expected = EXPECTED_MERGE[where, target][ROLES.index(role)]
    before = room.state()
    watch = room.conversation.id
    desk = rehearse(lambda: room.door.desk(room.desk_path + "merge/", {"into": into.id}, watch))
    assert desk.decision == as_the_desk_sees_it(expected), desk.detail
    if expected != ALLOWED:
        assert (desk.state, desk.kinds) == (before, ())
        return
    assert (desk.state.status, desk.state.merged, desk.state.messages) == ("closed", True, 0)
    assert desk.kinds == ("merged", "merged", "status_changed")
