"""Moving a return along when its label parcel is tracked: the shipping app (or a carrier
webhook) calls :func:`sync_from_return_shipment` after a status change of a return parcel."""

from __future__ import annotations

from aftersail.accounts.actors import Actor
from aftersail.returns import services
from aftersail.returns.models import ReturnRequest, ReturnStatus
from aftersail.shipping.models import Shipment, ShipmentStatus

MOVING = {
    ShipmentStatus.IN_TRANSIT,
    ShipmentStatus.OUT_FOR_DELIVERY,
    ShipmentStatus.CUSTOMS_HOLD,
    ShipmentStatus.DELAYED,
}


def sync_from_return_shipment(shipment: Shipment) -> ReturnRequest | None:
    """Idempotent: a repeated or out-of-order status never moves a return backwards."""
    if not shipment.is_return:
        return None
    rma = ReturnRequest.objects.filter(return_shipment=shipment).first()
    if rma is None:
        return None
    actor = Actor.system()
    if shipment.status in MOVING and rma.status == ReturnStatus.AWAITING_PARCEL:
        return services.do_mark_in_transit(rma, actor=actor)
    if shipment.status == ShipmentStatus.DELIVERED and rma.status in (
        ReturnStatus.AWAITING_PARCEL,
        ReturnStatus.IN_TRANSIT,
    ):
        return services.do_receive(rma, actor=actor, now=shipment.delivered_at)
    return rma
