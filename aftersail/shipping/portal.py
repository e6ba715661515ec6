"""Self-service tracking: finding an order by number and email, and what the page shows."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date
from django.utils import translation

from aftersail.commerce.models import Order, Store
from aftersail.core import ratelimit
from aftersail.core.localization import customer_language, format_local
from aftersail.customers.models import CustomerIdentity
from aftersail.customers.selectors import stored_email
from aftersail.shipping.models import Shipment, TrackingEvent
from aftersail.shipping.texts import STATUS_LABELS

# Guessing order numbers: per client address and per order number, per quarter hour.
LOOKUP_LIMIT_PER_IP = 10
LOOKUP_LIMIT_PER_ORDER = 5
LOOKUP_WINDOW_SECONDS = 15 * 60


# CLDR patterns for a scan's time, natural per language (Babel's "medium" adds seconds).
EVENT_PATTERNS = {"ja": "y年M月d日 HH:mm", "de": "d. MMM y, HH:mm"}


class LookupLimited(Exception):
    pass


def check_lookup(store: Store | None, number: str, email: str, client: str) -> Order | None:
    """The order with this number whose customer has this email, or None. Counts the
    attempt against the client and the order number; raises LookupLimited when used up."""
    number = number.strip().lstrip("#")[:40]
    email = email.strip().lower()[:254]
    allowed_ip = ratelimit.hit(
        "track-ip", client, limit=LOOKUP_LIMIT_PER_IP, window_seconds=LOOKUP_WINDOW_SECONDS
    )
    allowed_order = ratelimit.hit(
        "track-order", number.lower(), limit=LOOKUP_LIMIT_PER_ORDER,
        window_seconds=LOOKUP_WINDOW_SECONDS,
    )  # fmt: skip
    if not (allowed_ip and allowed_order):
        raise LookupLimited
    if store is None or not number or "@" not in email:
        return None
    order = Order.objects.filter(store=store, number__iexact=number).first()
    if order is None:
        return None
    owns = CustomerIdentity.objects.filter(
        customer_id=order.customer_id,
        kind=CustomerIdentity.Kind.EMAIL,
        value=stored_email(email) or email,
    ).exists()
    return order if owns else None


@dataclass
class EventRow:
    when: str
    where_when: str
    status: str
    text: str
    location: str


@dataclass
class ShipmentView:
    shipment: Shipment
    status: str
    estimate: str
    events: list[EventRow]


def order_view(order: Order) -> tuple[str, str, list[ShipmentView]]:
    """(language, placed-at text, shipments) for the page, in the customer's language and
    zone; each event also shows the wall-clock time where it happened when known."""
    customer = order.customer
    language = customer_language(customer, order.store)
    zone = customer.time_zone or order.store.time_zone
    with translation.override(language):
        shipments = _shipments(order, language, zone)
    placed = format_local(order.placed_at, zone, language, "d MMMM y")
    return language, placed, shipments


def _shipments(order: Order, language: str, zone: str) -> list[ShipmentView]:
    shipments = []
    for shipment in order.shipments.filter(is_return=False).prefetch_related("events"):
        rows = []
        pattern = EVENT_PATTERNS.get(language, "d MMM y, HH:mm")
        for event in sorted(shipment.events.all(), key=_newest_first):
            rows.append(
                EventRow(
                    when=format_local(event.occurred_at, zone, language, pattern),
                    where_when=_carrier_clock(event, language),
                    status=str(STATUS_LABELS.get(event.status, event.status)),
                    text=event.carrier_text,
                    location=event.location,
                )
            )
        estimate = ""
        if shipment.estimated_delivery:
            estimate = format_date(shipment.estimated_delivery, "full", locale=language)
        shipments.append(
            ShipmentView(
                shipment=shipment,
                status=str(STATUS_LABELS.get(shipment.status, shipment.status)),
                estimate=estimate,
                events=rows,
            )
        )
    return shipments


def _newest_first(event: TrackingEvent) -> tuple[float, int]:
    return (-event.occurred_at.timestamp(), -(event.id or 0))


def _carrier_clock(event: TrackingEvent, language: str) -> str:
    if event.utc_offset_minutes is None:
        return ""
    hours, minutes = divmod(abs(event.utc_offset_minutes), 60)
    sign = "+" if event.utc_offset_minutes >= 0 else "-"
    zone = f"Etc/GMT{'-' if sign == '+' else '+'}{hours}" if not minutes else "UTC"
    local = format_local(event.occurred_at, zone, language, "HH:mm")
    return f"{local} (UTC{sign}{hours:02d}:{minutes:02d})"
