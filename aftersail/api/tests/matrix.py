"""The seats of the permission matrix: who acts, on which conversation, with whom around.

Every role sits in one team ("own") and looks at another ("other"); it has a colleague in
its own team and a stranger in the other. The conversation a change is made to is, as seen
from the role: ``own`` (its own team's, unassigned), ``other`` (the other team's,
unassigned) or ``personal`` (the other team's, assigned to the role personally, as after a
reassignment or a team change). All three start ``open``.
"""

from __future__ import annotations

from dataclasses import dataclass

from aftersail.accounts.models import Agent, Team
from aftersail.conversations.models import Conversation, Status
from aftersail.testing import factories as f
from aftersail.testing.cast import Cast
from aftersail.testing.doors import (
    ALLOWED,
    HIDDEN,
    Door,
    Outcome,
    State,
    as_the_desk_sees_it,
    state_of,
)

# The roles the done-when names (a plain agent, a supervisor, an outsourced agent), and a
# plain agent of the other in-house team for completeness. Column order of every table.
ROLES = ("agent_a", "supervisor_a", "outsourced", "agent_b")
WHERE = ("own", "other", "personal")


@dataclass(frozen=True)
class Seat:
    own: str
    other: str
    colleague: str
    stranger: str


SEATS = {
    "agent_a": Seat(own="team_a", other="team_b", colleague="supervisor_a", stranger="agent_b"),
    "supervisor_a": Seat(own="team_a", other="team_b", colleague="agent_a", stranger="agent_b"),
    "outsourced": Seat(
        own="team_out", other="team_a", colleague="outsourced_2", stranger="agent_a"
    ),
    "agent_b": Seat(own="team_b", other="team_a", colleague="agent_b2", stranger="agent_a"),
}


@dataclass
class Room:
    cast: Cast
    me: Agent
    own: Team
    other: Team
    colleague: Agent
    stranger: Agent
    conversation: Conversation
    door: Door

    @property
    def desk_path(self) -> str:
        return f"/desk/conversations/{self.conversation.id}/"

    @property
    def api_path(self) -> str:
        return f"/api/v1/conversations/{self.conversation.public_id}"

    def state(self) -> State:
        return state_of(self.conversation.id)


def extras(cast: Cast) -> dict[str, Agent]:
    """Colleagues for the one-person teams B and Outsourced."""
    return {
        "agent_b2": f.make_agent("agent.b2@cast.example", teams=(cast.team_b,)),
        "outsourced_2": f.make_agent("outsourced.2@cast.example", teams=(cast.team_out,)),
    }


def conversation_of(cast: Cast, team: str) -> Conversation:
    return {
        "team_a": cast.conversation_a,
        "team_b": cast.conversation_b,
        "team_out": cast.conversation_out,
    }[team]


def seat(cast: Cast, role: str, where: str) -> Room:
    people = {**extras(cast), **{name: getattr(cast, name) for name in ROLES}}
    Conversation.objects.update(status=Status.OPEN)
    spec = SEATS[role]
    me = people[role]
    conversation = conversation_of(cast, spec.own if where == "own" else spec.other)
    if where == "personal":
        Conversation.objects.filter(id=conversation.id).update(assignee=me)
    conversation.refresh_from_db()
    return Room(
        cast=cast,
        me=me,
        own=getattr(cast, spec.own),
        other=getattr(cast, spec.other),
        colleague=people[spec.colleague],
        stranger=people[spec.stranger],
        conversation=conversation,
        door=Door(me),
    )


def assert_same_answer(expected: str, desk: Outcome, api: Outcome, before: State) -> None:
    """Both doors decide as the table says; allowed: the same resulting state and the same
    timeline entries; refused: nothing changed, and the same reason."""
    decisions = (desk.decision, api.decision)
    assert decisions == (as_the_desk_sees_it(expected), expected), (desk.detail, api.detail)
    assert desk.state == api.state
    assert desk.kinds == api.kinds
    assert desk.conversations == api.conversations
    if expected == ALLOWED:
        return
    assert desk.state == before
    assert desk.kinds == ()
    if expected != HIDDEN:
        assert desk.detail
        assert desk.detail == api.detail
