"""Delays and delivery problems the desk should know about: each opens (once per reason) a
conversation for agents with the shipment linked, routed by the assignment app's team rules
to the team that serves the customer's market; the customer's apology is the "delayed" or
"exception" notification. Both follow the shipment's events (see ``shipping.reactions``)."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.assignment.actions import do_route
from aftersail.conversations.actions import NewMessage, do_add_message, do_open_conversation
from aftersail.conversations.models import Message
from aftersail.shipping import timeline
from aftersail.shipping.events import DELAYED
from aftersail.shipping.models import DelayReason, Shipment, ShipmentIncident, ShipmentStatus
from aftersail.shipping.notifications import settings_for

AGENT_NOTES: dict[str, str] = {
    DelayReason.PAST_ESTIMATE: "The parcel is past its estimated delivery date ({estimate}).",
    DelayReason.NO_SCAN: "The parcel has had no scan since {last_scan} (lane {lane}).",
    DelayReason.CUSTOMS: "The parcel is held in customs.",
    ShipmentStatus.EXCEPTION: "The carrier reported a problem: {carrier_text}",
}


@transaction.atomic
def do_mark_delayed(shipment: Shipment, reason: str, now: datetime | None = None) -> bool:
    """Marks the shipment delayed (once until the delay is over) and publishes ``delayed``,
    whose reactions notify the customer and open the incident. Returns whether it was newly
    marked."""
    when = now or timezone.now()
    marked = Shipment.objects.filter(id=shipment.id, delay_reason="").update(
        delay_reason=reason, delayed_since=when, updated_at=when
    )
    if not marked:
        return False
    shipment.delay_reason, shipment.delayed_since = reason, when
    timeline.record(shipment, DELAYED, at=when, reason=reason)
    return True


@transaction.atomic
def do_open_incident(shipment_id: int, reason: str) -> ShipmentIncident | None:
    """Opens the incident's conversation once per (shipment, reason), with an internal note
    for the agents, and has the assignment app route it by its team rules (the customer's
    country and language): without a matching rule it keeps no team, like any conversation
    no rule matches, and only administrators see it."""
    shipment = Shipment.objects.select_related("order__customer", "order__store").get(
        id=shipment_id
    )
    order = shipment.order
    if not settings_for(order.store_id).open_conversation_on_delay:
        return None
    try:
        with transaction.atomic():
            incident = ShipmentIncident.objects.create(shipment=shipment, reason=reason)
    except IntegrityError:
        return None
    conversation = do_open_conversation(
        store=order.store,
        customer=order.customer,
        channel="email",
        actor=Actor.system(),
        subject=f"Shipment {shipment.tracking_number} ({order.number}): {reason}",
        order=order,
    )
    do_route(conversation, actor=Actor.system())
    last_event = shipment.events.order_by("-occurred_at", "-id").first()
    note = AGENT_NOTES.get(reason, "Shipment needs attention: {reason}").format(
        estimate=shipment.estimated_delivery,
        last_scan=shipment.last_event_at,
        lane=f"{shipment.origin_country}→{shipment.destination_country}",
        carrier_text=last_event.carrier_text if last_event else "",
        reason=reason,
    )
    do_add_message(
        conversation,
        NewMessage(
            kind=Message.Kind.NOTE,
            author_kind=Message.AuthorKind.SYSTEM,
            text=f"{note}\n{shipment.carrier} {shipment.tracking_number}",
            metadata={"shipment": str(shipment.public_id)},
        ),
    )
    incident.conversation = conversation
    incident.save(update_fields=["conversation", "updated_at"])
    return incident
