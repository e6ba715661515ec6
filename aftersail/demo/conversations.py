"""Demo conversations: real after-sales cases, written by customers in their own languages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent, Team
from aftersail.conversations import events as conversation_events
from aftersail.conversations.actions import import_timeline
from aftersail.conversations.models import Conversation, Message
from aftersail.demo.catalog import CARRIERS
from aftersail.demo.orders import DemoOrder
from aftersail.demo.staff import TEAMS
from aftersail.demo.texts import SCENARIOS, TEXTS
from aftersail.shipping.models import Shipment, ShipmentStatus

if TYPE_CHECKING:
    from aftersail.demo.context import DemoContext

CONVERSATION_COUNT = 130
SCENARIO_WEIGHTS = (25, 12, 22, 10, 8, 10, 13)  # in the order of SCENARIOS
STATUS_WEIGHTS = {"new": 18, "open": 20, "pending": 20, "on_hold": 7, "solved": 25, "closed": 10}
CHANNEL_WEIGHTS = {"email": 60, "form": 25, "chat": 15}
CATEGORY = {
    "late_parcel": "where_is_my_order",
    "damaged_item": "damaged_item",
    "return_request": "return",
    "warranty_claim": "warranty",
    "address_change": "address_change",
    "customs_duties": "customs",
    "invoice": "invoice",
}
# Internal notes are for colleagues, so they are written in the desk's working language.
NOTES = {
    "late_parcel": "Opened a tracing request with {carrier} for {tracking}.",
    "damaged_item": "Replacement reserved in the warehouse; no return needed for this value.",
    "return_request": "Inside the return window; prepaid label requested from the carrier.",
    "warranty_claim": "Delivered well inside the 2-year legal guarantee. Replacement approved.",
    "address_change": "Warehouse confirmed the parcel was not packed yet.",
    "customs_duties": "Shipped DDP. Asked {carrier} to reverse the charge to the customer.",
    "invoice": "Accounting reissues invoices with VAT numbers on request.",
}
IN_FLIGHT = {
    ShipmentStatus.IN_TRANSIT,
    ShipmentStatus.DELAYED,
    ShipmentStatus.CUSTOMS_HOLD,
    ShipmentStatus.ATTEMPT_FAILED,
    ShipmentStatus.EXCEPTION,
    ShipmentStatus.OUT_FOR_DELIVERY,
}
K = Message.Kind


def _weighted(ctx: DemoContext, weights: dict[str, int]) -> str:
    return ctx.rng.choices(list(weights), weights=list(weights.values()))[0]


def _delivered_days_ago(demo: DemoOrder, now: datetime) -> float | None:
    delivered_at = demo.shipments[-1].delivered_at if demo.shipments else None
    if demo.order.status != "delivered" or delivered_at is None:
        return None
    return (now - delivered_at) / timedelta(days=1)


def _candidates(scenario: str, orders: Sequence[DemoOrder], now: datetime) -> list[DemoOrder]:
    if scenario == "late_parcel":
        return [d for d in orders if any(s.status in IN_FLIGHT for s in d.shipments)]
    if scenario in {"damaged_item", "return_request"}:
        return [d for d in orders if (_delivered_days_ago(d, now) or 999) < 40]
    if scenario == "warranty_claim":
        return [d for d in orders if (_delivered_days_ago(d, now) or 0) > 90]
    if scenario == "address_change":
        recent = now - timedelta(days=3)
        return [d for d in orders if d.order.status == "open" and d.order.placed_at > recent]
    if scenario == "customs_duties":
        return [d for d in orders if not d.market.in_eu and any(s.shipped_at for s in d.shipments)]
    return [d for d in orders if d.order.status != "cancelled"]  # invoice


def _first_message_at(ctx: DemoContext, scenario: str, demo: DemoOrder, status: str) -> datetime:
    order, shipments = demo.order, demo.shipments
    if status in {"new", "open"}:
        start = ctx.ago(hours=ctx.rng.uniform(0.3, 40))
    elif scenario == "address_change":
        start = order.placed_at + timedelta(minutes=ctx.rng.uniform(10, 90))
    elif (
        scenario in {"damaged_item", "return_request"} and shipments and shipments[-1].delivered_at
    ):
        start = shipments[-1].delivered_at + timedelta(days=ctx.rng.uniform(0.2, 6))
    elif scenario == "warranty_claim" and shipments and shipments[-1].delivered_at:
        start = shipments[-1].delivered_at + timedelta(days=ctx.rng.uniform(60, 200))
    else:
        start = order.placed_at + timedelta(days=ctx.rng.uniform(2, 12))
    latest = ctx.ago(hours=50) if status in {"solved", "closed"} else ctx.ago(minutes=20)
    return max(min(start, latest), order.placed_at + timedelta(minutes=5))


def _team_for(teams: dict[str, Team], country: str) -> Team:
    for name, _kind, _zone, _languages, markets in TEAMS:
        if country in markets:
            return teams[name]
    return teams[TEAMS[0][0]]


def _agent_for(ctx: DemoContext, team: Team, language: str) -> Agent:
    members = [a for a in ctx.agents if team.id in ctx.agent_teams[a.id]]
    speakers = [a for a in members if language in a.languages and a.role != Agent.Role.ADMIN]
    return ctx.rng.choice(speakers or members)


def _fill(text: str, values: dict[str, str]) -> str:
    return text.format(**values)


def build_conversations(ctx: DemoContext, orders: list[DemoOrder]) -> tuple[int, int]:
    buckets = {s: _candidates(s, orders, ctx.now) for s in SCENARIOS}
    used: set[int] = set()
    conversations: list[Conversation] = []
    pending_messages: list[tuple[int, list[dict[str, Any]]]] = []
    for _ in range(CONVERSATION_COUNT):
        scenario = ctx.rng.choices(SCENARIOS, weights=SCENARIO_WEIGHTS)[0]
        status = _weighted(ctx, STATUS_WEIGHTS)
        pool = [d for d in buckets[scenario] if d.order.id not in used] or buckets["invoice"]
        demo = ctx.rng.choice(pool)
        if scenario != "invoice" and demo not in buckets[scenario]:
            scenario = "invoice"
        used.add(demo.order.id)
        conversation, messages = _conversation(ctx, scenario, status, demo)
        conversations.append(conversation)
        pending_messages.append((len(conversations) - 1, messages))
    Conversation.objects.bulk_create(conversations)
    return len(conversations), _store_messages(ctx, conversations, pending_messages)


def _conversation(
    ctx: DemoContext, scenario: str, status: str, demo: DemoOrder
) -> tuple[Conversation, list[dict[str, Any]]]:
    customer = demo.order.customer
    language = customer.language if customer.language in TEXTS else "en"
    texts = TEXTS[language][scenario]
    team = _team_for(ctx.teams, demo.market.country)
    agent = _agent_for(ctx, team, language)
    shipment: Shipment | None = next(
        (s for s in demo.shipments if s.status in IN_FLIGHT),
        demo.shipments[-1] if demo.shipments else None,
    )
    line = ctx.rng.choice([ln for ln in demo.lines if ln.category != "gift_card"] or demo.lines)
    values = {
        "name": customer.address_name,
        "order": demo.order.number,
        "product": line.name,
        "carrier": CARRIERS.get(shipment.carrier, shipment.carrier) if shipment else "",
        "tracking": shipment.tracking_number if shipment else "",
        "agent": ctx.signature_names[agent.id].get(language) or agent.user.full_name.split()[0],
        "store": ctx.store.name,
    }
    channel = _weighted(ctx, CHANNEL_WEIGHTS)
    start = _first_message_at(ctx, scenario, demo, status)
    plan = {
        "new": ["customer"],
        "open": ["customer", "agent", "followup"]
        if scenario in {"warranty_claim", "customs_duties", "invoice"}
        else ["customer", "note"],
        "pending": ["customer", "agent"],
        "on_hold": ["customer", "agent", "note"],
        "solved": ["customer", "agent", "followup"],
        "closed": ["customer", "agent", "followup"],
    }[status]
    messages: list[dict[str, Any]] = []
    when = start
    for step in plan:
        if step != "customer":
            when = min(when + timedelta(hours=ctx.rng.uniform(0.5, 16)), ctx.ago(minutes=5))
        text = _fill(NOTES[scenario] if step == "note" else texts[step], values)
        messages.append(
            {"step": step, "text": text, "at": when, "agent": agent, "language": language}
        )
    conversation = Conversation(
        public_id=ctx.uuid(),
        store=ctx.store,
        customer=customer,
        channel=channel,
        status=status,
        priority="high"
        if scenario in {"damaged_item", "customs_duties"} and status != "closed"
        else "normal",
        category=CATEGORY[scenario],
        subject=_fill(texts["subject"], values),
        language=language,
        team=team,
        assignee=None if status == "new" else agent,
        order=demo.order,
        created_at=start,
        last_message_at=messages[-1]["at"],
    )
    return conversation, messages


def _store_messages(
    ctx: DemoContext,
    conversations: list[Conversation],
    planned: list[tuple[int, list[dict[str, Any]]]],
) -> int:
    messages: list[Message] = []
    events: list[tuple[Conversation, str, Actor, datetime | None, dict[str, Any]]] = []
    for index, steps in planned:
        conversation = conversations[index]
        events.append(
            (
                conversation,
                conversation_events.CREATED,
                Actor.customer(),
                conversation.created_at,
                {"channel": conversation.channel},
            )
        )
        if conversation.assignee:
            events.append(
                (
                    conversation,
                    conversation_events.ASSIGNED,
                    Actor.system(),
                    conversation.created_at + timedelta(minutes=1),
                    {
                        "team": conversation.team.name if conversation.team else None,
                        "agent": str(conversation.assignee.public_id),
                    },
                )
            )
        for step in steps:
            agent = step["agent"] if step["step"] in {"agent", "note"} else None
            kind = {"customer": K.INBOUND, "followup": K.INBOUND, "agent": K.REPLY, "note": K.NOTE}[
                step["step"]
            ]
            message = Message(
                public_id=ctx.uuid(),
                conversation=conversation,
                kind=kind,
                author_kind="agent" if agent else "customer",
                author_agent=agent,
                channel=conversation.channel,
                body_text=step["text"],
                language="en" if kind == K.NOTE else step["language"],
                external_id=f"<{ctx.uuid().hex}@demo.nordlicht-outdoor.example>"
                if conversation.channel == "email" and kind != K.NOTE
                else "",
                delivery="sent" if kind == K.REPLY else "",
                sent_at=step["at"] if kind == K.REPLY else None,
                # History: the inbound pipeline must not acknowledge these again.
                processed_at=step["at"] if kind == K.INBOUND else None,
                created_at=step["at"],
            )
            messages.append(message)
            actor = Actor.of_agent(agent) if agent else Actor.customer()
            events.append(
                (
                    conversation,
                    conversation_events.MESSAGE_ADDED,
                    actor,
                    step["at"],
                    {"message": str(message.public_id), "message_kind": kind},
                )
            )
        if conversation.status != "new":
            last_agent = next((s for s in reversed(steps) if s["step"] in {"agent", "note"}), None)
            at = last_agent["at"] if last_agent else conversation.created_at
            events.append(
                (
                    conversation,
                    conversation_events.STATUS_CHANGED,
                    Actor.of_agent(conversation.assignee)
                    if conversation.assignee
                    else Actor.system(),
                    at,
                    {"old": "new", "new": conversation.status},
                )
            )
    Message.objects.bulk_create(messages)
    import_timeline(events)
    return len(messages)
