"""What happens to shipments: the kinds of the ``shipment`` stream (:class:`ShipmentChange`).

``status_changed`` is published once per change of a shipment's canonical status, in the
transaction that changes it (``ingest.refresh_status``), whatever brought the scan in (a
webhook, a DHL poll, a file import); its data: ``status``, ``previous``, ``occurred_at``
(ISO 8601, the time of the scan that set the status) and ``provider``. ``delayed`` is
published when delay detection marks a parcel (``incidents.do_mark_delayed``; data:
``reason``, a ``DelayReason``) and ``delay_over`` when a later scan clears the mark (data:
``reason``, the one cleared).

Shipping follows its own events in ``shipping.reactions`` (the customer's notification, the
incident conversation); the returns app follows return parcels in ``returns.reactions``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aftersail.core.events import define

STREAM = "shipment"

STATUS_CHANGED = define(STREAM, "status_changed", _("Parcel status changed"))
DELAYED = define(STREAM, "delayed", _("Parcel marked delayed"))
DELAY_OVER = define(STREAM, "delay_over", _("Parcel no longer delayed"))
