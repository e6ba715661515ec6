"""Provider vocabularies mapped onto the canonical statuses (``ShipmentStatus``).

Sources, besides ``shared/domain/tracking.md``:
- AfterShip tags and subtags: https://www.aftership.com/docs/tracking/others/delivery-status
- 17TRACK v2.2 main and sub statuses: https://api.17track.net/en/doc?version=v2.2 ("Status")
- EasyPost tracker statuses: https://docs.easypost.com/docs/trackers ("Tracking Statuses")
- Shippo tracking statuses and substatuses:
  https://docs.goshippo.com/docs/tracking/tracking/ ("Tracking status" and "Substatus")
- DHL Unified statusCode: https://developer.dhl.com/api-reference/shipment-tracking
  (pre-transit, transit, delivered, failure, unknown; ``returnFlag`` marks a return)
"""

from __future__ import annotations

from aftersail.shipping.models import ShipmentStatus as S

# AfterShip: the subtag decides where it is more specific than the tag.
AFTERSHIP_TAGS = {
    "Pending": S.NO_INFO,
    "InfoReceived": S.LABEL_CREATED,
    "InTransit": S.IN_TRANSIT,
    "OutForDelivery": S.OUT_FOR_DELIVERY,
    "AvailableForPickup": S.READY_FOR_PICKUP,
    "AttemptFail": S.ATTEMPT_FAILED,
    "Delivered": S.DELIVERED,
    "Exception": S.EXCEPTION,
    "Expired": S.STALE,
}
AFTERSHIP_SUBTAGS = {
    "Exception_004": S.CUSTOMS_HOLD,  # "held at customs"
    "InTransit_006": S.CUSTOMS_HOLD,  # "customs clearance in progress"
    "Exception_005": S.DELAYED,
    "Exception_016": S.DELAYED,
    "Exception_017": S.DELAYED,
    "Exception_010": S.RETURNING,
    "Exception_011": S.RETURNED,
}

SEVENTEEN_TRACK_STATUSES = {
    "NotFound": S.NO_INFO,
    "InfoReceived": S.LABEL_CREATED,
    "InTransit": S.IN_TRANSIT,
    "Expired": S.STALE,
    "AvailableForPickup": S.READY_FOR_PICKUP,
    "OutForDelivery": S.OUT_FOR_DELIVERY,
    "DeliveryFailure": S.ATTEMPT_FAILED,
    "Delivered": S.DELIVERED,
    "Exception": S.EXCEPTION,
}
SEVENTEEN_TRACK_SUB_STATUSES = {
    "InTransit_CustomsProcessing": S.CUSTOMS_HOLD,
    "InTransit_CustomsRequiringInformation": S.CUSTOMS_HOLD,
    "Exception_Delayed": S.DELAYED,
    "Exception_Returning": S.RETURNING,
    "Exception_Returned": S.RETURNED,
    "Exception_Cancel": S.CANCELLED,
}

EASYPOST_STATUSES = {
    "unknown": S.NO_INFO,
    "pre_transit": S.LABEL_CREATED,
    "in_transit": S.IN_TRANSIT,
    "out_for_delivery": S.OUT_FOR_DELIVERY,
    "available_for_pickup": S.READY_FOR_PICKUP,
    "delivered": S.DELIVERED,
    "return_to_sender": S.RETURNING,
    "failure": S.ATTEMPT_FAILED,
    "error": S.EXCEPTION,
    "cancelled": S.CANCELLED,
}
# status_detail refines failure and in_transit (EasyPost "Tracking Status Details").
EASYPOST_DETAILS = {
    "delayed": S.DELAYED,
    "lost": S.EXCEPTION,
    "damaged": S.EXCEPTION,
    "refused": S.EXCEPTION,
    "customs_hold": S.CUSTOMS_HOLD,
    "held_at_customs": S.CUSTOMS_HOLD,
}

SHIPPO_STATUSES = {
    "UNKNOWN": S.NO_INFO,
    "PRE_TRANSIT": S.LABEL_CREATED,
    "TRANSIT": S.IN_TRANSIT,
    "DELIVERED": S.DELIVERED,
    "RETURNED": S.RETURNING,
    "FAILURE": S.EXCEPTION,
}
SHIPPO_SUBSTATUSES = {
    "out_for_delivery": S.OUT_FOR_DELIVERY,
    "pickup_available": S.READY_FOR_PICKUP,
    "delivery_attempted": S.ATTEMPT_FAILED,
    "delayed": S.DELAYED,
    "return_to_sender": S.RETURNING,
    "returned": S.RETURNED,
    "package_lost": S.EXCEPTION,
    "package_damaged": S.EXCEPTION,
}

DHL_STATUS_CODES = {
    "unknown": S.NO_INFO,
    "pre-transit": S.LABEL_CREATED,
    "transit": S.IN_TRANSIT,
    "delivered": S.DELIVERED,
    "failure": S.EXCEPTION,
}

# Statuses after which a parcel's journey is over (no delay detection, no more scans due).
FINAL = frozenset({S.DELIVERED, S.RETURNED, S.CANCELLED})
