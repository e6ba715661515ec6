"""The door through which other apps write stores' orders: the sync of an order pushed by a
shop integration (its parcels: ``shipping.actions.do_sync_order_with_shipments``)."""

from __future__ import annotations

from aftersail.commerce.sync import (
    LineData,
    OrderData,
    OrderSyncError,
    do_sync_order,
    validate_for_sync,
)

__all__ = ["LineData", "OrderData", "OrderSyncError", "do_sync_order", "validate_for_sync"]
