"""Return policies, returns (RMAs) with their own timeline, refunds and warranty claims."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from aftersail.core.fields import CountryField
from aftersail.core.models import EventRecord, TimeStampedModel


def money(**options: Any) -> models.DecimalField:
    return models.DecimalField(max_digits=12, decimal_places=2, **options)


class ReturnPolicy(TimeStampedModel):
    """The merchant's rules for a group of markets, on top of the law (which always stays)."""

    class WindowStart(models.TextChoices):
        ORDER = "order", "Order date"
        SHIPMENT = "shipment", "Shipment date"
        DELIVERY = "delivery", "Delivery date"

    class Payer(models.TextChoices):
        CUSTOMER = "customer", "Customer"
        MERCHANT = "merchant", "Merchant (free label)"

    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=120)
    markets = models.JSONField(
        default=list, blank=True, help_text='Country codes, e.g. ["DE", "AT"]; empty: all others.'
    )
    window_days = models.PositiveIntegerField(
        null=True, blank=True, default=30, help_text="Empty: unlimited."
    )
    window_start = models.CharField(
        max_length=10, choices=WindowStart.choices, default=WindowStart.DELIVERY
    )
    excluded_categories = models.JSONField(default=list, blank=True)
    excluded_skus = models.JSONField(default=list, blank=True)
    final_sale_skus = models.JSONField(default=list, blank=True)
    category_tags = models.JSONField(
        default=dict,
        blank=True,
        help_text='Legal classes per category, e.g. {"Food": ["perishable"]}.',
    )
    return_shipping_payer = models.CharField(
        max_length=10, choices=Payer.choices, default=Payer.MERCHANT
    )
    return_shipping_fee = money(default=Decimal("0"))
    restocking_fee_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Charged only where the law of the market allows it.",
    )
    keep_item_threshold = money(
        default=Decimal("0"), help_text="Items worth up to this are kept, not sent."
    )
    offers_refund = models.BooleanField(default=True)
    offers_exchange = models.BooleanField(default=True)
    offers_store_credit = models.BooleanField(default=True)
    store_credit_bonus_percent = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal("0")
    )
    warranty_months = models.PositiveIntegerField(null=True, blank=True)
    damage_report_days = models.PositiveIntegerField(default=30)
    auto_approve = models.BooleanField(default=True)
    shows_return_terms = models.BooleanField(default=True)
    informs_of_withdrawal = models.BooleanField(default=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "name"]
        verbose_name_plural = "return policies"

    def __str__(self) -> str:
        return self.name


class ReturnDestination(TimeStampedModel):
    """Where returns from a country go: a local hub or partner, or the origin warehouse."""

    class Kind(models.TextChoices):
        LOCAL_HUB = "local_hub", "Local hub"
        PARTNER = "partner", "Partner"
        ORIGIN = "origin", "Origin warehouse"

    policy = models.ForeignKey(ReturnPolicy, on_delete=models.CASCADE, related_name="destinations")
    country = CountryField(blank=True, help_text="Blank: every country of the policy.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=120)
    address = models.TextField(help_text="As printed on the return form, one line per row.")
    cost = money(default=Decimal("0"))

    class Meta(TimeStampedModel.Meta):
        ordering = ["policy", "cost", "id"]

    def __str__(self) -> str:
        return self.name


class ReturnStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"  # waiting for a decision
    APPROVED = "approved", "Approved"  # method still to be chosen
    REJECTED = "rejected", "Rejected"  # final; the reason is on the timeline
    AWAITING_PARCEL = "awaiting_parcel", "Awaiting parcel"  # label or drop-off code issued
    IN_TRANSIT = "in_transit", "In transit"  # the return parcel was scanned
    RECEIVED = "received", "Received"  # at the destination, to be inspected
    INSPECTED = "inspected", "Inspected"  # every item graded
    RESOLVED = "resolved", "Refunded or replaced"  # the money or exchange went out
    CLOSED = "closed", "Closed"


OPEN_RETURN_STATUSES = [
    s for s in ReturnStatus.values if s not in (ReturnStatus.REJECTED, ReturnStatus.CLOSED)
]


class ReturnRequest(TimeStampedModel):
    """An RMA: items of one order going back, with its own timeline (ReturnEvent)."""

    class Method(models.TextChoices):
        LABEL = "label", "Prepaid label"
        DROP_OFF = "drop_off", "Drop-off code"
        KEEP = "keep", "Keep the item"

    class Outcome(models.TextChoices):
        REFUND = "refund", "Refund"
        EXCHANGE = "exchange", "Exchange"
        STORE_CREDIT = "store_credit", "Store credit"

    class Channel(models.TextChoices):
        PORTAL = "portal", "Portal"
        AGENT = "agent", "Agent"
        ASSISTANT = "assistant", "Assistant"

    number = models.CharField(max_length=20, unique=True)
    order = models.ForeignKey("commerce.Order", on_delete=models.PROTECT, related_name="returns")
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="returns"
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="returns",
    )
    policy = models.ForeignKey(
        ReturnPolicy, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=ReturnStatus.choices, default=ReturnStatus.REQUESTED
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.PORTAL)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.REFUND)
    method = models.CharField(max_length=10, choices=Method.choices, blank=True)
    destination = models.ForeignKey(
        ReturnDestination, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    return_shipment = models.ForeignKey(
        "shipping.Shipment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    drop_off_code = models.CharField(max_length=20, blank=True)
    currency = models.CharField(max_length=3)
    rejection_reason = models.TextField(blank=True)
    requested_at = models.DateTimeField()
    received_at = models.DateTimeField(null=True, blank=True)
    refund_due_at = models.DateTimeField(
        null=True, blank=True, help_text="Legal refund deadline, when the law sets one."
    )
    refund_due_source = models.CharField(max_length=200, blank=True)
    refund_warned_at = models.DateTimeField(null=True, blank=True)
    refund_overdue_at = models.DateTimeField(null=True, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["status", "refund_due_at"])]

    def __str__(self) -> str:
        return self.number


class ReturnItem(TimeStampedModel):
    class Grade(models.TextChoices):
        AS_NEW = "as_new", "As new"
        RESELLABLE = "resellable", "Resellable"
        NEEDS_REFURBISHING = "needs_refurbishing", "Needs refurbishing"
        CUSTOMER_DAMAGE = "customer_damage", "Damaged by the customer"
        SCRAP = "scrap", "Scrap"

    class Disposition(models.TextChoices):
        RESTOCK = "restock", "Restock"
        REFURBISH = "refurbish", "Refurbish"
        LIQUIDATE = "liquidate", "Liquidate"
        SCRAP = "scrap", "Scrap"

    rma = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="items")
    order_line = models.ForeignKey(
        "commerce.OrderLine", on_delete=models.PROTECT, related_name="return_items"
    )
    quantity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    case = models.CharField(max_length=20)  # eligibility.Case
    reason = models.TextField(blank=True)
    basis = models.CharField(max_length=24)  # eligibility.Basis at the time of the request
    deadline = models.DateField(null=True, blank=True)
    unsealed = models.BooleanField(default=False)
    grade = models.CharField(max_length=20, choices=Grade.choices, blank=True)
    disposition = models.CharField(max_length=10, choices=Disposition.choices, blank=True)
    inspected_at = models.DateTimeField(null=True, blank=True)
    refunded_amount = money(null=True, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["rma", "id"]

    def __str__(self) -> str:
        return f"{self.quantity} x line {self.order_line_id}"


class Refund(TimeStampedModel):
    """Money (or store credit) that went back for items of one return."""

    rma = models.ForeignKey(ReturnRequest, on_delete=models.PROTECT, related_name="refunds")
    order = models.ForeignKey("commerce.Order", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=ReturnRequest.Outcome.choices)
    amount = money()
    bonus = money(default=Decimal("0"))
    deductions = money(default=Decimal("0"))
    currency = models.CharField(max_length=3)
    agent = models.ForeignKey(
        "accounts.Agent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["rma", "created_at", "id"]


class RefundLedger(models.Model):
    """What was refunded on an order so far: the row every refund updates conditionally, so
    that concurrent refunds never exceed what was paid."""

    order = models.OneToOneField(
        "commerce.Order", on_delete=models.CASCADE, related_name="refund_ledger"
    )
    paid = money()
    refunded = money(default=Decimal("0"))

    class Meta:
        ordering = ["order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(refunded__lte=models.F("paid")), name="refund_within_paid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.refunded} of {self.paid} refunded"


class ReturnEvent(EventRecord):
    """The return's timeline; written only by ``returns.timeline.record``."""

    stream = "return"
    stream_related = ("rma",)

    rma = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="events")
    actor_kind = models.CharField(max_length=16)
    actor_agent = models.ForeignKey(
        "accounts.Agent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["rma", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.rma_id}"


class WarrantyClaim(TimeStampedModel):
    """A defect complaint under the legal guarantee or a commercial warranty."""

    class Outcome(models.TextChoices):
        OPEN = "", "Open"
        REPAIR = "repair", "Repair"
        REPLACE = "replace", "Replace"
        REFUND = "refund", "Refund"
        REJECT = "reject", "Reject"

    number = models.CharField(max_length=20, unique=True)
    order_line = models.ForeignKey(
        "commerce.OrderLine", on_delete=models.PROTECT, related_name="warranty_claims"
    )
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="warranty_claims"
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.TextField()
    photos = models.JSONField(default=list, blank=True, help_text="Stored file names.")
    basis = models.CharField(max_length=24)
    covered_until = models.DateField(null=True, blank=True)
    presumed_until = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True, default="")
    outcome_reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.number
