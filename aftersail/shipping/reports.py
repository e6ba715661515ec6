"""Shipping reports for supervisors: where-is-my-order share, notifications per status."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, QuerySet

from aftersail.commerce.models import Order
from aftersail.conversations.models import Conversation
from aftersail.shipping.models import ShipmentNotification, ShipmentStatus

# Until triage classifies intents, a where-is-my-order conversation is one whose subject
# asks for a parcel in one of the shipped languages.
WISMO = re.compile(
    r"where is my (order|parcel|package)|tracking|not (arrived|received)|"
    r"wo (ist|bleibt) mein|sendungsverfolgung|nicht angekommen|paket|"
    r"où est ma commande|colis|suivi|"
    r"dónde está mi (pedido|paquete)|seguimiento|no (ha )?llega|"
    r"gdzie jest (moje|moja)|paczk|przesyłk|"
    r"届かない|届いていない|配送状況|荷物",
    re.IGNORECASE,
)


@dataclass
class ShippingReport:
    conversations: int
    wismo: int
    notifications: list[tuple[str, dict[str, int]]]

    @property
    def wismo_share(self) -> float:
        return self.wismo / self.conversations if self.conversations else 0.0


def is_wismo(subject: str) -> bool:
    return bool(WISMO.search(subject or ""))


def shipping_report(
    since: datetime,
    until: datetime,
    conversations: QuerySet[Conversation],
    orders: QuerySet[Order],
) -> ShippingReport:
    """Over the conversations and orders the viewer may see (``conversations.selectors``)."""
    subjects = conversations.filter(created_at__gte=since, created_at__lt=until)
    subjects_list = list(
        subjects.exclude(shipment_incidents__isnull=False).values_list("subject", flat=True)
    )
    counts: dict[str, dict[str, int]] = {}
    rows = (
        ShipmentNotification.objects.filter(
            created_at__gte=since, created_at__lt=until, shipment__order__in=orders
        )
        .values("status", "state")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts.setdefault(row["status"], {})[row["state"]] = row["n"]
    ordered = [(label, counts[value]) for value, label in ShipmentStatus.choices if value in counts]
    return ShippingReport(
        conversations=len(subjects_list),
        wismo=sum(1 for subject in subjects_list if is_wismo(subject)),
        notifications=ordered,
    )
