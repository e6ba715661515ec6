"""Who may change a conversation, and how: the rules every conversation action checks
itself, so the desk, the API, WebSockets and tasks cannot disagree.

Agents act on the conversations they may see (their teams', and any assigned to them);
API keys on their store's, or their teams' within it. The desk's own code (the inbound
pipeline, periodic tasks, reactions) and a customer in their own verified session are
trusted here: what they may touch was decided where they came in.
"""

from __future__ import annotations

from django.db.models import QuerySet

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent, Team
from aftersail.commerce.models import Store
from aftersail.conversations.models import Conversation
from aftersail.conversations.visibility import can_see_conversation
from aftersail.core.errors import ActionError, NotAllowed


class ConversationError(ActionError):
    """A change that the conversation's state or the inputs do not allow."""


class ConversationNotAllowed(ConversationError, NotAllowed):
    """A change that whoever asked may not make."""


def assignable_agents(agent: Agent) -> QuerySet[Agent]:
    """Agents this agent may hand work to: members of the same teams (admins: everyone)."""
    agents = Agent.objects.filter(user__is_active=True).select_related("user")
    if not agent.is_admin:
        agents = agents.filter(teams__in=agent.teams.values("id")).distinct()
    return agents.order_by("user__full_name", "user__email")


def assignable_teams(agent: Agent) -> QuerySet[Team]:
    """Teams this agent may hand work to: supervisors and admins any, agents their own."""
    return Team.objects.all() if agent.is_admin or agent.is_supervisor else agent.teams.all()


def check_may_change(actor: Actor, conversation: Conversation) -> None:
    """Refuses an agent who cannot see the conversation, and an API key outside its
    store or teams."""
    if actor.is_trusted:
        return
    if actor.agent is not None:
        if not can_see_conversation(actor.agent, conversation):
            raise ConversationNotAllowed("you cannot see this conversation")
        return
    grant = actor.grant
    if grant is None:
        raise ConversationNotAllowed("nobody to act for")
    if conversation.store_id != grant.store_id:
        raise ConversationNotAllowed("this API key belongs to another store")
    if grant.team_ids is not None and conversation.team_id not in grant.team_ids:
        raise ConversationNotAllowed("this API key sees only its own teams' conversations")


def check_may_open(actor: Actor, store: Store, team: Team | None) -> None:
    """Agents other than admins, and team-bound API keys, open conversations only for one
    of their own teams (or they could not see what they opened)."""
    if actor.is_trusted:
        return
    if actor.agent is not None:
        if actor.agent.is_admin:
            return
        if team is None or not actor.agent.teams.filter(id=team.id).exists():
            raise ConversationNotAllowed("You may open conversations only for your own teams")
        return
    grant = actor.grant
    if grant is None or grant.store_id != store.id:
        raise ConversationNotAllowed("this API key belongs to another store")
    if grant.team_ids is not None and (team is None or team.id not in grant.team_ids):
        raise ConversationNotAllowed("You may open conversations only for your own teams")


def check_assign(
    actor: Actor, conversation: Conversation, team: Team | None, agent: Agent | None
) -> None:
    """The state rules for any assignment, then who may hand the conversation where: to
    which team (:func:`check_may_move`), and to which agent: agents and supervisors to
    colleagues of their own teams, admins and API keys to anyone in the team."""
    if agent is not None and team is not None and not agent.teams.filter(id=team.id).exists():
        raise ConversationError(f"{agent} is not a member of {team}")
    if actor.is_trusted:
        return
    if agent is not None and team is None:
        raise ConversationError("choose the team of the agent")
    if agent is not None and not agent.user.is_active:
        raise ConversationError("that agent's login is disabled")
    check_may_move(actor, conversation, team)
    me = actor.agent
    if me is None or me.is_admin or agent is None:
        return
    if not assignable_agents(me).filter(id=agent.id).exists():
        raise ConversationNotAllowed("you can hand conversations only to your teams' agents")


def check_may_move(actor: Actor, conversation: Conversation, team: Team | None) -> None:
    """Whether ``actor`` may move ``conversation`` (or, for a merge, its messages) to
    ``team``, which may be the team it is in: agents within their own teams; supervisors
    to any team; admins anywhere; team-bound API keys within their teams. Only supervisors,
    admins and store-wide keys take a conversation out of its team, and only they move one
    out of a team that is not the agent's own (one an agent sees because it is assigned to
    them personally)."""
    if actor.is_trusted:
        return
    check_may_change(actor, conversation)
    moves_out = conversation.team_id is not None and conversation.team_id != (
        team.id if team else None
    )
    leaves_team = moves_out and team is None
    if actor.agent is not None:
        me = actor.agent
        if me.is_admin:
            return
        if leaves_team and not me.is_supervisor:
            raise ConversationNotAllowed(
                "only supervisors and admins take a conversation out of its team"
            )
        if moves_out and not me.is_supervisor and not _is_member(me, conversation.team_id):
            raise ConversationNotAllowed(
                "only supervisors and admins move a conversation out of another team"
            )
        if team is not None and not assignable_teams(me).filter(id=team.id).exists():
            raise ConversationNotAllowed("you can hand conversations only to your own teams")
        return
    grant = actor.grant
    if grant is not None and grant.team_ids is not None:
        if leaves_team:
            raise ConversationNotAllowed("this API key cannot take a conversation out of its team")
        if team is not None and team.id not in grant.team_ids:
            raise ConversationNotAllowed("this API key hands conversations only to its own teams")


def _is_member(agent: Agent, team_id: int | None) -> bool:
    return team_id is not None and agent.teams.filter(id=team_id).exists()
