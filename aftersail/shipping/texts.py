"""What customers read about their parcels, in their language."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aftersail.shipping.models import ShipmentStatus as S

STATUS_LABELS: dict[str, Promise] = {
    S.NO_INFO: _("Waiting for the first scan"),
    S.LABEL_CREATED: _("Label created"),
    S.IN_TRANSIT: _("On its way"),
    S.CUSTOMS_HOLD: _("In customs"),
    S.OUT_FOR_DELIVERY: _("Out for delivery"),
    S.READY_FOR_PICKUP: _("Ready for pickup"),
    S.ATTEMPT_FAILED: _("Delivery attempt failed"),
    S.DELAYED: _("Delayed"),
    S.EXCEPTION: _("Delivery problem"),
    S.RETURNING: _("Returning to the sender"),
    S.RETURNED: _("Returned to the sender"),
    S.CANCELLED: _("Cancelled"),
    S.DELIVERED: _("Delivered"),
    S.STALE: _("No recent updates"),
}

SUBJECTS: dict[str, Promise] = {
    S.IN_TRANSIT: _("Your order %(order)s is on its way"),
    S.OUT_FOR_DELIVERY: _("Your order %(order)s is out for delivery"),
    S.READY_FOR_PICKUP: _("Your order %(order)s is ready for pickup"),
    S.DELIVERED: _("Your order %(order)s has been delivered"),
    S.ATTEMPT_FAILED: _("We missed you: delivery of order %(order)s"),
    S.EXCEPTION: _("A problem with the delivery of order %(order)s"),
    S.DELAYED: _("Your order %(order)s is delayed, we are sorry"),
    S.RETURNING: _("Your order %(order)s is on its way back to us"),
}

BODIES: dict[str, Promise] = {
    S.IN_TRANSIT: _("Good news: your parcel has left our warehouse and is on its way to you."),
    S.OUT_FOR_DELIVERY: _("Your parcel is out for delivery and should arrive today."),
    S.READY_FOR_PICKUP: _(
        "Your parcel is waiting for you at the pickup point. Please bring an ID to collect it."
    ),
    S.DELIVERED: _("Your parcel has been delivered. We hope you enjoy your order!"),
    S.ATTEMPT_FAILED: _(
        "The carrier tried to deliver your parcel but could not. They usually try again on "
        "the next working day or leave a notice saying where you can collect it."
    ),
    S.EXCEPTION: _(
        "The carrier has reported a problem with your parcel. We are looking into it with "
        "them and will write to you as soon as we know more."
    ),
    S.DELAYED: _(
        "We are sorry: your parcel is taking longer than expected. We are checking with the "
        "carrier and will keep you updated. You do not need to do anything."
    ),
    S.RETURNING: _(
        "Your parcel could not be delivered and is on its way back to us. We will contact "
        "you about a new delivery or a refund."
    ),
}

GREETING = _("Hello %(name)s,")
PARCEL_LINE = _("Carrier: %(carrier)s, tracking number: %(number)s")
ESTIMATE_LINE = _("Expected delivery: %(date)s")
FOLLOW_LINE = _("Follow your parcel: %(url)s")
SIGNATURE = _("Kind regards,\n%(store)s")
UNSUBSCRIBE_LINE = _(
    "You receive this message because you ordered from %(store)s. To stop shipping updates: %(url)s"
)
