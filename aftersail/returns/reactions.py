"""What the returns app does when another app's event happens."""

from __future__ import annotations

from aftersail.core import events
from aftersail.returns.shipments import do_follow_parcel
from aftersail.shipping import events as shipment_events
from aftersail.shipping.models import ShipmentChange


@events.reaction(shipment_events.STATUS_CHANGED)
def follow_return_parcel(change: ShipmentChange) -> None:
    """A return label's parcel moved, arrived or went back to the customer: the return
    follows (see ``returns.shipments``)."""
    do_follow_parcel(change)
