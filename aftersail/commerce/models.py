"""Stores (brands) and what they sell: products, orders and order lines."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

from aftersail.core.fields import CountryField, LanguageField, TimeZoneField
from aftersail.core.models import TimeStampedModel

currency_code = RegexValidator(r"^[A-Z]{3}$", "Use an ISO 4217 code such as EUR or JPY.")


class Store(TimeStampedModel):
    """A brand the desk answers for. One install may serve several."""

    name = models.CharField(max_length=120, help_text="Brand name shown to customers.")
    slug = models.SlugField(max_length=60, unique=True)
    default_language = LanguageField(default="en")
    currency = models.CharField(max_length=3, default="EUR", validators=[currency_code])
    country = CountryField(help_text="Where the store ships from.")
    time_zone = TimeZoneField(default="UTC")
    website = models.URLField(blank=True)
    sender_name = models.CharField(max_length=120, help_text="Display name on outbound mail.")
    sender_email = models.EmailField(help_text="From address of outbound mail.")

    class Meta(TimeStampedModel.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Product(TimeStampedModel):
    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="products")
    sku = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=80, blank=True)
    price = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "sku"]
        constraints = [
            models.UniqueConstraint(fields=["store", "sku"], name="product_sku_unique_per_store")
        ]

    def __str__(self) -> str:
        return f"{self.sku} {self.name}"


class Order(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", "Open"  # placed, nothing shipped yet
        PARTIALLY_SHIPPED = "partially_shipped", "Partially shipped"  # split delivery under way
        SHIPPED = "shipped", "Shipped"  # every line has left the warehouse
        DELIVERED = "delivered", "Delivered"  # every shipment reached the customer
        CANCELLED = "cancelled", "Cancelled"

    class PaymentStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        PAID = "paid", "Paid"
        PARTIALLY_REFUNDED = "partially_refunded", "Partially refunded"
        REFUNDED = "refunded", "Refunded"

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="orders")
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="orders"
    )
    number = models.CharField(max_length=40, help_text="The order number the customer sees.")
    external_id = models.CharField(max_length=100, blank=True, help_text="Id in the shop.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    payment_status = models.CharField(
        max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.PAID
    )
    currency = models.CharField(max_length=3, validators=[currency_code])
    subtotal = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    shipping_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    tax_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    placed_at = models.DateTimeField()
    ship_to_name = models.CharField(max_length=200, blank=True)
    ship_to_line1 = models.CharField(max_length=200, blank=True)
    ship_to_line2 = models.CharField(max_length=200, blank=True)
    ship_to_postcode = models.CharField(max_length=20, blank=True)
    ship_to_city = models.CharField(max_length=100, blank=True)
    ship_to_region = models.CharField(max_length=100, blank=True)
    ship_to_country = CountryField()

    class Meta(TimeStampedModel.Meta):
        ordering = ["-placed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "number"], name="order_number_unique_per_store"
            )
        ]
        indexes = [models.Index(fields=["customer", "-placed_at"])]

    def __str__(self) -> str:
        return f"#{self.number}"


class OrderLine(TimeStampedModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(
        Product, on_delete=models.SET_NULL, null=True, blank=True, related_name="order_lines"
    )
    sku = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=80, blank=True)
    quantity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    total = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta(TimeStampedModel.Meta):
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.name}"
