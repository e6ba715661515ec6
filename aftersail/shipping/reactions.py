"""What shipping itself does once a shipment's change has committed (``shipping.events``):
the customer's notification (once per status, see ``notifications``) and, on an exception
or a delay, the incident conversation for the agents (``incidents``). Each runs in its own
transaction and is retried when it fails; both are idempotent (one notification per
shipment and status, one incident per shipment and reason)."""

from __future__ import annotations

from aftersail.core import events
from aftersail.shipping import events as shipment_events
from aftersail.shipping.incidents import do_open_incident
from aftersail.shipping.models import ShipmentChange, ShipmentStatus
from aftersail.shipping.notifications import do_queue_notification


@events.reaction(shipment_events.STATUS_CHANGED)
def notify_customer(change: ShipmentChange) -> None:
    do_queue_notification(change.shipment_id, change.data["status"])


@events.reaction(shipment_events.STATUS_CHANGED)
def open_incident_on_exception(change: ShipmentChange) -> None:
    if change.data["status"] == ShipmentStatus.EXCEPTION:
        do_open_incident(change.shipment_id, ShipmentStatus.EXCEPTION)


@events.reaction(shipment_events.DELAYED)
def apologise_for_delay(change: ShipmentChange) -> None:
    do_queue_notification(change.shipment_id, ShipmentStatus.DELAYED)


@events.reaction(shipment_events.DELAYED)
def open_incident_on_delay(change: ShipmentChange) -> None:
    do_open_incident(change.shipment_id, change.data["reason"])
