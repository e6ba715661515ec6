"""Parcels on their way to (or back from) the customer."""

from __future__ import annotations

from django.db import models

from aftersail.core.fields import CountryField
from aftersail.core.models import TimeStampedModel


class ShipmentStatus(models.TextChoices):
    """Canonical statuses over the carriers' and aggregators' vocabularies
    (AfterShip, 17TRACK, DHL Unified, EasyPost, Shippo)."""

    NO_INFO = "no_info", "No information yet"
    LABEL_CREATED = "label_created", "Label created"
    IN_TRANSIT = "in_transit", "In transit"
    CUSTOMS_HOLD = "customs_hold", "Held in customs"
    OUT_FOR_DELIVERY = "out_for_delivery", "Out for delivery"
    READY_FOR_PICKUP = "ready_for_pickup", "Ready for pickup"
    ATTEMPT_FAILED = "attempt_failed", "Delivery attempt failed"
    DELAYED = "delayed", "Delayed"
    EXCEPTION = "exception", "Exception"  # lost, damaged, refused
    RETURNING = "returning", "Returning to sender"
    RETURNED = "returned", "Returned to sender"
    CANCELLED = "cancelled", "Cancelled"
    DELIVERED = "delivered", "Delivered"
    STALE = "stale", "No updates"  # no information long after creation


class Shipment(TimeStampedModel):
    order = models.ForeignKey("commerce.Order", on_delete=models.CASCADE, related_name="shipments")
    carrier = models.CharField(max_length=40, help_text="Carrier slug, e.g. dhl, ups, inpost.")
    tracking_number = models.CharField(max_length=64, db_index=True)
    status = models.CharField(
        max_length=20, choices=ShipmentStatus.choices, default=ShipmentStatus.NO_INFO
    )
    is_return = models.BooleanField(default=False, help_text="A parcel coming back to us.")
    origin_country = CountryField()
    destination_country = CountryField()
    shipped_at = models.DateTimeField(null=True, blank=True)
    estimated_delivery = models.DateField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_event_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["order", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["carrier", "tracking_number"], name="shipment_tracking_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.carrier} {self.tracking_number}"


class ShipmentItem(TimeStampedModel):
    """Which order lines travel in which parcel (split deliveries start withdrawal periods
    at the last item)."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="items")
    order_line = models.ForeignKey(
        "commerce.OrderLine", on_delete=models.CASCADE, related_name="shipment_items"
    )
    quantity = models.PositiveIntegerField(default=1)

    class Meta(TimeStampedModel.Meta):
        ordering = ["shipment", "id"]

    def __str__(self) -> str:
        return f"{self.quantity} x line {self.order_line_id}"
