"""SLA clocks in the database: choose the policy, rebuild the runs, store the due times.

``do_recompute_clocks`` is idempotent: it derives everything from the conversation's
messages and timeline, so it can run after any event, again after a crash, or in bulk.
Marks the breach scan has made (``warned_at``, ``breached_at``) are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import transaction

from aftersail.conversations import events as conversation_events
from aftersail.conversations.models import Conversation, ConversationEvent, Message
from aftersail.sla.businesstime import Schedule
from aftersail.sla.calendars import ScheduleCache
from aftersail.sla.models import Metric, SlaClock, SlaPolicy
from aftersail.sla.runs import History, Run, Targets, compute_runs, elapsed

DEFAULT_PAUSE_STATUSES = ("pending",)


def _tags(conversation: Conversation) -> set[str]:
    """The customer's tags where the customer model has them, and the conversation's tags
    (agents tag conversations "vip", ...): a policy for a tag matches either."""
    names: set[str] = set()
    for holder in (conversation.customer, conversation):
        tags = getattr(holder, "tags", None)
        if tags is None:
            continue
        if hasattr(tags, "values_list"):
            names |= {str(tag) for tag in tags.values_list("name", flat=True)}
        else:
            names |= {str(tag) for tag in tags}
    return names


def policy_matches(policy: SlaPolicy, conversation: Conversation) -> bool:
    checks: list[tuple[list[str], set[str]]] = [
        (policy.channels, {conversation.channel}),
        (policy.priorities, {conversation.priority}),
        (policy.countries, {conversation.customer.country}),
        (policy.languages, {conversation.language}),
        (policy.categories, {conversation.category}),
    ]
    if policy.customer_tags:
        checks.append((policy.customer_tags, _tags(conversation)))
    return all(not wanted or set(wanted) & actual for wanted, actual in checks)


class PolicyCache:
    def __init__(self) -> None:
        self._by_store: dict[int, list[SlaPolicy]] = {}

    def policies(self, store_id: int) -> list[SlaPolicy]:
        if store_id not in self._by_store:
            self._by_store[store_id] = list(
                SlaPolicy.objects.filter(store_id=store_id, is_active=True).order_by(
                    "position", "id"
                )
            )
        return self._by_store[store_id]

    def matching(self, conversation: Conversation) -> SlaPolicy | None:
        for policy in self.policies(conversation.store_id):
            if policy_matches(policy, conversation):
                return policy
        return None


def targets_of(policy: SlaPolicy) -> Targets:
    by_metric = {metric: policy.target(metric) for metric in Metric.values}
    return Targets(
        {metric: target for metric, target in by_metric.items() if target},
        tuple(policy.pause_statuses or DEFAULT_PAUSE_STATUSES),
        min(max(policy.warn_at_percent, 1), 100) / 100,
    )


def history_of(
    conversation: Conversation,
    messages: Iterable[Message],
    status_events: Iterable[ConversationEvent],
) -> History:
    inbound, replies = [], []
    for message in messages:
        if message.kind == Message.Kind.INBOUND:
            inbound.append(message.created_at)
        elif message.kind == Message.Kind.REPLY and message.author_kind == Message.AuthorKind.AGENT:
            replies.append(message.created_at)
    statuses = [(event.created_at, str(event.data.get("new", ""))) for event in status_events]
    statuses.sort(key=lambda item: item[0])
    if conversation.status != (statuses[-1][1] if statuses else "new"):
        # Imported without its status history: the status holds since the last message.
        statuses.append((conversation.last_message_at, conversation.status))
    return History(conversation.created_at, inbound, replies, statuses)


class Recomputer:
    """Recomputes many conversations with shared caches and few queries per batch."""

    def __init__(self) -> None:
        self.schedules = ScheduleCache()
        self.policies = PolicyCache()

    def schedule_for(self, conversation: Conversation, policy: SlaPolicy | None) -> Schedule:
        if policy is not None and not policy.business_hours:
            return Schedule.always_open()
        return self.schedules.for_team(conversation.team_id, conversation.store_id)

    def runs_for(
        self,
        conversation: Conversation,
        messages: Sequence[Message],
        events: Sequence[ConversationEvent],
    ) -> tuple[SlaPolicy | None, list[Run]]:
        policy = self.policies.matching(conversation)
        if policy is None:
            return None, []
        history = history_of(conversation, messages, events)
        return policy, compute_runs(
            history, targets_of(policy), self.schedule_for(conversation, policy)
        )

    def recompute(self, conversations: Sequence[Conversation]) -> int:
        """Rebuilds the clocks of ``conversations``; returns how many clocks it wrote
        (unchanged clocks are not written again)."""
        ids = [c.id for c in conversations]
        messages: dict[int, list[Message]] = {i: [] for i in ids}
        for message in Message.objects.filter(
            conversation_id__in=ids, kind__in=[Message.Kind.INBOUND, Message.Kind.REPLY]
        ).only("conversation_id", "kind", "author_kind", "created_at"):
            messages[message.conversation_id].append(message)
        events: dict[int, list[ConversationEvent]] = {i: [] for i in ids}
        for event in ConversationEvent.objects.filter(
            conversation_id__in=ids, kind=conversation_events.STATUS_CHANGED
        ).only("conversation_id", "data", "created_at"):
            events[event.conversation_id].append(event)
        existing: dict[tuple[int, str, datetime], SlaClock] = {
            (clock.conversation_id, clock.metric, clock.started_at): clock
            for clock in SlaClock.objects.filter(conversation_id__in=ids)
        }
        to_create: list[SlaClock] = []
        to_update: list[SlaClock] = []
        keep: set[tuple[int, str, datetime]] = set()
        for conversation in conversations:
            policy, runs = self.runs_for(
                conversation, messages[conversation.id], events[conversation.id]
            )
            business = self.schedules.for_team(conversation.team_id, conversation.store_id)
            for run in runs:
                key = (conversation.id, run.metric, run.started_at)
                clock = existing.get(key) or SlaClock(
                    conversation_id=conversation.id, metric=run.metric, started_at=run.started_at
                )
                before = _values(clock)
                _fill(clock, run, policy, business)
                keep.add(key)
                if clock.pk is None:
                    to_create.append(clock)
                elif _values(clock) != before:
                    to_update.append(clock)
        stale = [clock.pk for key, clock in existing.items() if key not in keep]
        with transaction.atomic():
            if stale:
                SlaClock.objects.filter(pk__in=stale).delete()
            SlaClock.objects.bulk_create(to_create, batch_size=500)
            for clock in to_update:  # few per event; a CASE-per-column bulk UPDATE is slower
                SlaClock.objects.filter(pk=clock.pk).update(
                    **{name: getattr(clock, name) for name in FILLED_COLUMNS}
                )
        return len(to_create) + len(to_update)


def _values(clock: SlaClock) -> tuple[object, ...]:
    return tuple(getattr(clock, name) for name in FILLED_COLUMNS)


FILLED_FIELDS = [
    "policy",
    "target_seconds",
    "business_hours",
    "due_at",
    "warn_at",
    "stopped_at",
    "state",
    "business_seconds",
    "calendar_seconds",
    "next_check_at",
]


FILLED_COLUMNS = ["policy_id", *FILLED_FIELDS[1:]]


def _fill(clock: SlaClock, run: Run, policy: SlaPolicy | None, business: Schedule) -> None:
    clock.policy = policy
    clock.target_seconds = int(run.target.total_seconds())
    clock.business_hours = bool(policy and policy.business_hours)
    clock.due_at, clock.warn_at, clock.stopped_at = run.due_at, run.warn_at, run.stopped_at
    if run.stopped_at is not None:
        clock.business_seconds, clock.calendar_seconds = elapsed(
            business, run.started_at, run.stopped_at
        )
        clock.state = SlaClock.State.BREACHED if run.breached else SlaClock.State.MET
        clock.next_check_at = None
    elif run.paused:
        clock.business_seconds = clock.calendar_seconds = None
        clock.state = SlaClock.State.PAUSED
        clock.next_check_at = None
    else:
        clock.business_seconds = clock.calendar_seconds = None
        clock.state = SlaClock.State.BREACHED if clock.breached_at else SlaClock.State.RUNNING
        if clock.warned_at is None and run.warn_at is not None:
            clock.next_check_at = run.warn_at
        elif clock.breached_at is None:
            clock.next_check_at = run.due_at
        else:
            clock.next_check_at = None


def do_recompute_clocks(conversation: Conversation) -> int:
    conversation = Conversation.objects.select_related("customer").get(id=conversation.id)
    return Recomputer().recompute([conversation])


def open_clocks(conversation: Conversation) -> list[SlaClock]:
    return list(
        conversation.sla_clocks.filter(stopped_at__isnull=True).order_by("due_at", "metric")
    )
