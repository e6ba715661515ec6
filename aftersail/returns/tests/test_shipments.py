"""A tracked return label moves the return: in transit, then received."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from aftersail.accounts.actors import Actor
from aftersail.returns import services as s
from aftersail.returns.models import ReturnRequest, ReturnStatus
from aftersail.returns.shipments import sync_from_return_shipment
from aftersail.returns.tests.helpers import delivered_order, make_policy


def test_label_scans_move_the_return_once(cast) -> None:
    make_policy(cast.store)
    order = delivered_order(cast.customer)
    with time_machine.travel(datetime(2026, 3, 12, tzinfo=UTC), tick=False):
        rma = s.do_request_return(
            order, [s.Selection(order.lines.first().id, 1)], actor=Actor.customer()
        )
    rma = s.do_choose_method(rma, ReturnRequest.Method.LABEL, actor=Actor.system())
    parcel = rma.return_shipment
    assert sync_from_return_shipment(order.shipments.get(is_return=False)) is None
    parcel.delivered_at = datetime(2026, 3, 16, 11, tzinfo=UTC)
    parcel.status = "in_transit"
    assert sync_from_return_shipment(parcel).status == ReturnStatus.IN_TRANSIT
    assert sync_from_return_shipment(parcel).status == ReturnStatus.IN_TRANSIT  # repeated
    parcel.status = "delivered"
    received = sync_from_return_shipment(parcel)
    assert (received.status, received.received_at) == (ReturnStatus.RECEIVED, parcel.delivered_at)
    parcel.status = "in_transit"  # a late scan never moves it back
    assert sync_from_return_shipment(parcel).status == ReturnStatus.RECEIVED
    assert list(rma.events.values_list("kind", flat=True)) == [
        "requested", "approved", "method_chosen", "in_transit", "received",
    ]  # fmt: skip
