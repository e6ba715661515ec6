"""The shipping app's door: what other apps may ask of parcels."""

from __future__ import annotations

from aftersail.shipping.order_sync import ShipmentData, do_sync_order_with_shipments
from aftersail.shipping.polling import poll_dhl_shipments

__all__ = ["ShipmentData", "do_sync_order_with_shipments", "poll_dhl_shipments"]
