"""The inbox's queues and filters, and the bulk actions on a selection of conversations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent
from aftersail.conversations.actions import (
    do_assign,
    do_change_category,
    do_change_status,
    do_change_tags,
    normalize_tag,
    team_for_assignee,
)
from aftersail.conversations.models import (
    OPEN_STATUSES,
    Category,
    Channel,
    Conversation,
    Status,
)
from aftersail.conversations.selectors import assignable_agents, visible_conversations
from aftersail.core.errors import ActionError

QUEUES = {
    "mine": _("Mine"),
    "unassigned": _("Unassigned"),
    "teams": _("My teams"),
    "all": _("Everything I may see"),
    "snoozed": _("Snoozed"),
}
MAX_BULK = 200


@dataclass
class InboxFilters:
    queue: str = "all"
    status: str = "open"  # "open" = every open status; "any" = no filter
    channel: str = ""
    market: str = ""
    language: str = ""
    category: str = ""
    tag: str = ""
    assignee: str = ""  # an agent id, or "none"
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query: QueryDict) -> InboxFilters:
        """Reads the filters, dropping values that are not valid instead of failing."""
        filters = cls()

        def pick(name: str, allowed: set[str] | None, max_length: int = 50) -> str:
            # NUL bytes cannot even be compared on PostgreSQL: drop them with the rest.
            value = (query.get(name) or "").replace("\x00", "").strip()[:max_length]
            if value and allowed is not None and value not in allowed:
                filters.errors.append(name)
                return ""
            return value

        filters.queue = pick("queue", set(QUEUES)) or "all"
        filters.status = pick("status", {"open", "any", *Status.values}) or "open"
        filters.channel = pick("channel", set(Channel.values))
        filters.market = pick("market", None, 2).upper()
        filters.language = pick("language", None, 16).lower()
        filters.category = pick("category", set(Category.values))
        tag = pick("tag", None)
        try:
            filters.tag = normalize_tag(tag) if tag else ""
        except ActionError:
            filters.errors.append("tag")
        assignee = pick("assignee", None, 12)
        if assignee and assignee != "none" and not assignee.isdigit():
            filters.errors.append("assignee")
            assignee = ""
        filters.assignee = assignee
        return filters

    def as_query(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if k != "errors" and v}


def queue_conversations(agent: Agent, filters: InboxFilters) -> QuerySet[Conversation]:
    conversations = visible_conversations(agent)
    if filters.queue == "snoozed":
        conversations = conversations.filter(snoozed_until__isnull=False)
    else:
        conversations = conversations.filter(snoozed_until__isnull=True)
    if filters.queue == "mine":
        conversations = conversations.filter(assignee=agent)
    elif filters.queue == "unassigned":
        conversations = conversations.filter(assignee__isnull=True)
    elif filters.queue == "teams":
        conversations = conversations.filter(team__in=agent.teams.values("id"))
    if filters.status == "open":
        conversations = conversations.filter(status__in=OPEN_STATUSES)
    elif filters.status != "any":
        conversations = conversations.filter(status=filters.status)
    exact: dict[str, Any] = {
        "channel": filters.channel,
        "customer__country": filters.market,
        "language": filters.language,
        "category": filters.category,
    }
    conversations = conversations.filter(**{k: v for k, v in exact.items() if v})
    if filters.tag:
        conversations = conversations.filter(
            id__in=Conversation.tags.through.objects.filter(tag__name=filters.tag).values(
                "conversation_id"
            )
        )
    if filters.assignee == "none":
        conversations = conversations.filter(assignee__isnull=True)
    elif filters.assignee:
        conversations = conversations.filter(assignee_id=int(filters.assignee))
    return conversations


def assignable_agent_choices(agent: Agent) -> list[tuple[int, str]]:
    """(id, name) of ``assignable_agents``, for the inbox's filter and bulk menus."""
    return [
        (agent_id, full_name or email)
        for agent_id, full_name, email in assignable_agents(agent).values_list(
            "id", "user__full_name", "user__email"
        )
    ]


@dataclass
class BulkResult:
    changed: int = 0
    refused: list[str] = field(default_factory=list)


def do_bulk(agent: Agent, ids: list[int], action: str, value: str) -> BulkResult:
    """Applies one action to each selected conversation the agent may see; one refusal
    (e.g. the chosen agent is not in a conversation's team) does not stop the others."""
    result = BulkResult()
    conversations = visible_conversations(agent).filter(id__in=ids[:MAX_BULK]).order_by("id")
    actor = Actor.of_agent(agent)
    target_agent = None
    if action == "assign":
        if value == "me":
            target_agent = agent
        elif value.isdigit() and len(value) < 12:
            # Whether this agent may hand work to that one is do_assign's to decide.
            target_agent = Agent.objects.select_related("user").filter(id=int(value)).first()
        if target_agent is None and value != "none":
            result.refused.append(str(_("Unknown agent.")))
            return result
    for conversation in conversations:
        try:
            with transaction.atomic():
                if action == "status":
                    do_change_status(conversation, value, actor)
                elif action == "category":
                    do_change_category(conversation, value, actor)
                elif action == "tag":
                    do_change_tags(conversation, actor, add=[value])
                elif action == "assign":
                    team = conversation.team
                    if target_agent is not None:
                        team = team_for_assignee(conversation, target_agent)
                    do_assign(conversation, team=team, agent=target_agent, actor=actor)
                else:
                    raise ActionError("unknown action")
            result.changed += 1
        except ActionError as error:
            result.refused.append(f"#{conversation.id}: {error}")
    return result
