"""Parcels on their way to (or back from) the customer."""

from __future__ import annotations

from django.db import models

from aftersail.core.fields import CountryField
from aftersail.core.models import EventRecord, TimeStampedModel


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


class DelayReason(models.TextChoices):
    NONE = "", "-"
    PAST_ESTIMATE = "past_estimate", "Past the estimated delivery date"
    NO_SCAN = "no_scan", "No scan for too long on its lane"
    CUSTOMS = "customs", "Held in customs"


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
    delay_reason = models.CharField(max_length=20, blank=True, choices=DelayReason.choices)
    delayed_since = models.DateTimeField(null=True, blank=True)

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


class Provider(models.TextChoices):
    """Where tracking events come from."""

    AFTERSHIP = "aftership", "AfterShip"
    SEVENTEEN_TRACK = "17track", "17TRACK"
    EASYPOST = "easypost", "EasyPost"
    SHIPPO = "shippo", "Shippo"
    DHL = "dhl", "DHL Unified Shipment Tracking"
    IMPORT = "import", "File import"
    DEMO = "demo", "Demo data"


class TrackingAccount(TimeStampedModel):
    """A store's account with a tracking provider: the webhook secret (signature check) and,
    for pulled providers (DHL), the API key and base address. Webhooks arrive at
    ``/hooks/tracking/<provider>/<public_id>/`` so each store keeps its own secret."""

    store = models.ForeignKey(
        "commerce.Store", on_delete=models.CASCADE, related_name="tracking_accounts"
    )
    provider = models.CharField(max_length=16, choices=Provider.choices)
    webhook_secret = models.CharField(max_length=200, blank=True)
    api_key = models.CharField(max_length=200, blank=True)
    api_base_url = models.URLField(blank=True, help_text="For DHL: https://api-eu.dhl.com")
    is_active = models.BooleanField(default=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "provider", "id"]

    def __str__(self) -> str:
        return f"{self.get_provider_display()} ({self.store_id})"


class RawTrackingPayload(TimeStampedModel):
    """Every inbound webhook body or polled response, stored before it is processed."""

    class State(models.TextChoices):
        RECEIVED = "received", "Received"  # stored, not processed yet
        PROCESSED = "processed", "Processed"
        QUARANTINED = "quarantined", "Quarantined"  # could not be parsed; error says why

    account = models.ForeignKey(
        TrackingAccount, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    provider = models.CharField(max_length=16, choices=Provider.choices)
    body = models.TextField()
    headers = models.JSONField(default=dict)
    signature_valid = models.BooleanField(default=False)
    state = models.CharField(max_length=12, choices=State.choices, default=State.RECEIVED)
    error = models.TextField(blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.provider} payload {self.public_id}"


class TrackingEvent(TimeStampedModel):
    """One scan or status change; the shipment's timeline. ``occurred_at`` is UTC and
    ``utc_offset_minutes`` keeps the offset the carrier reported, so the event can be shown
    on the wall clock where it happened."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    provider = models.CharField(max_length=16, choices=Provider.choices)
    provider_event_id = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=ShipmentStatus.choices)
    carrier_status = models.CharField(max_length=120, blank=True)
    carrier_text = models.CharField(max_length=500, blank=True)
    location = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, blank=True)
    occurred_at = models.DateTimeField()
    utc_offset_minutes = models.SmallIntegerField(null=True, blank=True)
    raw = models.ForeignKey(
        RawTrackingPayload, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["shipment", "occurred_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_event_id"], name="tracking_event_unique_per_provider"
            )
        ]
        indexes = [models.Index(fields=["shipment", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.status} at {self.occurred_at:%Y-%m-%d %H:%M}"


class ShipmentChange(EventRecord):
    """The shipment's own timeline (the ``shipment`` stream, kinds in ``shipping.events``):
    its status changes and delays, which other apps follow. The carrier's scans behind them
    are :class:`TrackingEvent`. Written only through ``core.events.publish``."""

    stream = "shipment"
    stream_related = ("shipment",)

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="changes")

    class Meta:
        ordering = ["shipment", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.shipment_id}"


class DeliveryEstimate(TimeStampedModel):
    """Each revision of the estimated delivery date, oldest first."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="estimates")
    estimated_date = models.DateField()
    provider = models.CharField(max_length=16, choices=Provider.choices)
    revised_at = models.DateTimeField()

    class Meta(TimeStampedModel.Meta):
        ordering = ["shipment", "revised_at", "id"]

    def __str__(self) -> str:
        return f"{self.estimated_date}"


class LaneThreshold(TimeStampedModel):
    """How long a parcel may go without a scan on a lane before it counts as delayed.
    A blank destination is the default for every parcel leaving ``origin_country``."""

    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="+")
    origin_country = CountryField()
    destination_country = CountryField(blank=True)
    max_hours_without_scan = models.PositiveIntegerField(default=72)

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "origin_country", "destination_country"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "origin_country", "destination_country"],
                name="lane_threshold_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.origin_country}→{self.destination_country or '*'}"


class NotificationSettings(TimeStampedModel):
    """Per store: which status changes customers hear about, and their quiet hours."""

    store = models.OneToOneField(
        "commerce.Store", on_delete=models.CASCADE, related_name="shipping_notifications"
    )
    enabled = models.BooleanField(default=True)
    statuses = models.JSONField(default=list, blank=True, help_text="Empty: the default set.")
    quiet_start_hour = models.PositiveSmallIntegerField(default=21)
    quiet_end_hour = models.PositiveSmallIntegerField(default=8)
    open_conversation_on_delay = models.BooleanField(default=True)
    apologize_on_delay = models.BooleanField(default=True)
    no_scan_default_hours = models.PositiveIntegerField(default=72)

    class Meta(TimeStampedModel.Meta):
        ordering = ["store"]
        verbose_name_plural = "notification settings"

    def __str__(self) -> str:
        return f"Notifications of store {self.store_id}"


class ShipmentNotification(TimeStampedModel):
    """One notification per (shipment, status): the unique constraint is the exactly-once
    guarantee. Held ones wait for the end of the customer's quiet hours."""

    class State(models.TextChoices):
        HELD = "held", "Held for quiet hours"
        SENDING = "sending", "Sending"  # claimed by one worker
        SENT = "sent", "Sent"
        SKIPPED = "skipped", "Skipped"  # unsubscribed, no address, disabled; reason says why
        FAILED = "failed", "Failed"

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="notifications")
    status = models.CharField(max_length=20, choices=ShipmentStatus.choices)
    state = models.CharField(max_length=8, choices=State.choices, default=State.HELD)
    language = models.CharField(max_length=8, blank=True)
    recipient = models.CharField(max_length=254, blank=True)
    send_after = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=300, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["shipment", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["shipment", "status"], name="shipment_notification_once_per_status"
            )
        ]
        indexes = [models.Index(fields=["state", "send_after"])]

    def __str__(self) -> str:
        return f"{self.status} for {self.shipment_id}: {self.state}"


class ShipmentIncident(TimeStampedModel):
    """A delay or exception the desk was told about, with the conversation opened for it."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="incidents")
    reason = models.CharField(max_length=20)
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shipment_incidents",
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["shipment", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["shipment", "reason"], name="incident_once_per_reason")
        ]

    def __str__(self) -> str:
        return f"{self.reason} on {self.shipment_id}"
