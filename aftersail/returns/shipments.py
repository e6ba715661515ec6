"""Moving a return along when its label parcel is tracked.

The shipping app publishes ``status_changed`` on the shipment stream each time a parcel's
status changes (a webhook, a DHL poll or a file import); ``returns.reactions`` hands the
changes of return parcels to :func:`do_follow_parcel`. What a status means for the return:

- moving (in transit, out for delivery, in customs, delayed): the parcel is on its way,
  ``awaiting_parcel`` becomes ``in_transit``;
- delivered: the goods are back, ``awaiting_parcel`` or ``in_transit`` becomes
  ``received`` at the time of the delivery scan, and the legal refund deadline starts
  where the law counts it from the receipt of the goods (``services.do_receive``);
- returned to sender: the carrier took the parcel back to the customer (refused at the
  destination, undeliverable, ...; the carriers' words for it and their sources are in
  ``shipping/statuses.py`` and, for DHL's ``returnFlag``, ``shipping/providers/dhl.py``).
  The customer withdrew in time and sent the goods, so the return is neither rejected nor
  closed; but nothing arrived, so it waits for the goods again: ``in_transit`` goes back
  to ``awaiting_parcel`` (what the customer sees in the portal: "waiting for your
  parcel") and ``parcel_returned`` goes on the return's timeline and the customer's
  conversation for an agent to arrange a new shipment. No refund deadline starts or
  moves: it runs from the notice or from receipt, per the law;
- anything else (label created, failed attempt, on its way back, exception, ...) leaves
  the return as it is.

Reactions may run late, twice or in another order than the changes: a change that a later
status change of the same parcel already overtook is left to that later one, a return that
went further (received, inspected, refunded) is never moved back, and each step is
recorded once.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from aftersail.accounts.actors import Actor
from aftersail.returns import services, timeline
from aftersail.returns.events import PARCEL_RETURNED
from aftersail.returns.models import ReturnRequest, ReturnStatus
from aftersail.shipping.events import STATUS_CHANGED
from aftersail.shipping.models import ShipmentChange, ShipmentStatus

MOVING = {
    ShipmentStatus.IN_TRANSIT,
    ShipmentStatus.OUT_FOR_DELIVERY,
    ShipmentStatus.CUSTOMS_HOLD,
    ShipmentStatus.DELAYED,
}
NOT_ARRIVED = (ReturnStatus.AWAITING_PARCEL, ReturnStatus.IN_TRANSIT)


def _overtaken(change: ShipmentChange) -> bool:
    """Whether a later status change of the same parcel exists (status changes of a parcel
    are written under its row lock, so their ids follow their order)."""
    return ShipmentChange.objects.filter(
        shipment_id=change.shipment_id, kind=STATUS_CHANGED, id__gt=change.id
    ).exists()


@transaction.atomic
def do_follow_parcel(change: ShipmentChange) -> ReturnRequest | None:
    """Applies one status change of a return parcel to its return; returns the return (None
    when the parcel is not a return label). Idempotent, see the module's docstring."""
    if change.kind != STATUS_CHANGED or not change.shipment.is_return:
        return None
    rma = (
        ReturnRequest.objects.select_for_update()
        .filter(return_shipment_id=change.shipment_id)
        .first()
    )
    if rma is None or _overtaken(change):
        return rma
    status, actor = change.data["status"], Actor.system()
    if status in MOVING and rma.status == ReturnStatus.AWAITING_PARCEL:
        return services.do_mark_in_transit(rma, actor=actor)
    if status == ShipmentStatus.DELIVERED and rma.status in NOT_ARRIVED:
        delivered_at = datetime.fromisoformat(change.data["occurred_at"])
        return services.do_receive(rma, actor=actor, now=delivered_at)
    if status == ShipmentStatus.RETURNED and rma.status in NOT_ARRIVED:
        return do_parcel_returned(rma, change, actor=actor)
    return rma


def do_parcel_returned(
    rma: ReturnRequest, change: ShipmentChange, *, actor: Actor
) -> ReturnRequest:
    """The return parcel went back to the customer: the return waits for the goods again
    (once per change of the parcel, recorded with it)."""
    if rma.events.filter(kind=PARCEL_RETURNED, data__change=change.id).exists():
        return rma
    if rma.status != ReturnStatus.AWAITING_PARCEL:
        rma.status = ReturnStatus.AWAITING_PARCEL
        rma.save(update_fields=["status", "updated_at"])
    shipment = change.shipment
    timeline.record(
        rma,
        PARCEL_RETURNED,
        actor,
        change=change.id,
        carrier=shipment.carrier,
        tracking_number=shipment.tracking_number,
        occurred_at=change.data["occurred_at"],
    )
    return rma
