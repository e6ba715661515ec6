"""Choosing a team and an agent for a conversation.

The ROUTE step of the inbound pipeline calls :func:`do_route`, and other apps call it
through ``assignment.actions``; agents assign by hand through
``conversations.actions.do_assign``, which checks who may hand a conversation where.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent, Team
from aftersail.assignment.models import RoutingMode, Shift, TeamRouting, TeamRule
from aftersail.conversations.actions import do_assign
from aftersail.conversations.models import OPEN_STATUSES, Conversation
from aftersail.core.localization import zone_or_utc


def rule_matches(rule: TeamRule, conversation: Conversation) -> bool:
    customer = conversation.customer
    checks = (
        (rule.countries, (customer.country or "").upper(), str.upper),
        (rule.languages, (conversation.language or "").lower(), str.lower),
        (rule.channels, conversation.channel, str.lower),
        (rule.categories, conversation.category, str.lower),
    )
    return all(not wanted or value in {norm(w) for w in wanted} for wanted, value, norm in checks)


def match_team(conversation: Conversation) -> Team | None:
    rules = TeamRule.objects.filter(is_active=True).select_related("team")
    for rule in rules:
        if rule_matches(rule, conversation):
            return rule.team
    return None


def on_shift(shifts: Iterable[Shift], zone_name: str, now: datetime) -> bool:
    """Whether ``now`` falls in one of the weekly ``shifts`` on the agent's wall clock."""
    shifts = list(shifts)
    if not shifts:
        return True
    local = now.astimezone(zone_or_utc(zone_name))
    today, clock = local.weekday(), local.time()
    yesterday = (today - 1) % 7
    for shift in shifts:
        overnight = shift.ends <= shift.starts
        if shift.weekday == today and (
            shift.starts <= clock < shift.ends or (overnight and clock >= shift.starts)
        ):
            return True
        if overnight and shift.weekday == yesterday and clock < shift.ends:
            return True
    return False


def open_load(agents: Iterable[Agent]) -> dict[int, int]:
    ids = [agent.id for agent in agents]
    rows = (
        Agent.objects.filter(id__in=ids)
        .annotate(
            load=Count(
                "assigned_conversations",
                filter=Q(assigned_conversations__status__in=OPEN_STATUSES),
            )
        )
        .values_list("id", "load")
    )
    return dict(rows)


def available_agents(team: Team, language: str, now: datetime) -> list[tuple[Agent, int]]:
    """Agents of ``team`` who are active, on shift, speak ``language`` (when known) and have
    room under their capacity, with their current open load; ordered by id."""
    agents = list(
        team.agents.filter(user__is_active=True).prefetch_related("shifts").order_by("id")
    )
    if language:
        agents = [a for a in agents if language.lower() in a.languages]
    agents = [a for a in agents if on_shift(a.shifts.all(), a.time_zone, now)]
    load = open_load(agents)
    return [(a, load.get(a.id, 0)) for a in agents if load.get(a.id, 0) < a.capacity]


def pick_agent(routing: TeamRouting, candidates: list[tuple[Agent, int]]) -> Agent | None:
    if not candidates or routing.mode == RoutingMode.MANUAL:
        return None
    if routing.mode == RoutingMode.LEAST_LOADED:
        return min(candidates, key=lambda pair: (pair[1], pair[0].id))[0]
    last = routing.last_agent_id or 0
    after = [agent for agent, _load in candidates if agent.id > last]
    return after[0] if after else candidates[0][0]


@transaction.atomic
def do_route(
    conversation: Conversation, *, actor: Actor | None = None, now: datetime | None = None
) -> None:
    """Gives an unrouted conversation a team by the rules, then, when the team routes
    automatically, an available agent. Does nothing to conversations someone already owns,
    and leaves a conversation no rule matches without a team. The hand-over is made on
    behalf of ``actor`` (default: the system), so ``do_assign`` checks it may be made."""
    now = now or timezone.now()
    actor = actor or Actor.system()
    team = conversation.team or match_team(conversation)
    if team is None or conversation.assignee_id is not None:
        if team is not None and conversation.team_id is None:
            do_assign(conversation, team=team, agent=conversation.assignee, actor=actor)
        return
    routing, _ = TeamRouting.objects.get_or_create(team=team)
    routing = TeamRouting.objects.select_for_update().get(id=routing.id)
    agent = pick_agent(routing, available_agents(team, conversation.language, now))
    do_assign(conversation, team=team, agent=agent, actor=actor)
    if agent is not None:
        routing.last_agent = agent
        routing.save(update_fields=["last_agent", "updated_at"])
