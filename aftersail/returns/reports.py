"""Return reports: rate and reasons by product and market, refund times against the legal
deadlines, and what happened to the items. Scoped to the returns the viewer may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from aftersail.commerce.models import OrderLine
from aftersail.returns.models import ReturnItem, ReturnRequest, ReturnStatus


@dataclass(frozen=True)
class ProductRate:
    sku: str
    name: str
    sold: int
    returned: int

    @property
    def rate(self) -> float:
        return self.returned / self.sold if self.sold else 0.0


@dataclass(frozen=True)
class RefundTimes:
    refunded: int
    on_time: int
    late: int
    open_overdue: int
    average_days: float | None


def product_rates(returns: QuerySet[ReturnRequest], limit: int = 20) -> list[ProductRate]:
    items = ReturnItem.objects.filter(rma__in=returns).exclude(rma__status=ReturnStatus.REJECTED)
    returned = {
        row["order_line__sku"]: row["n"]
        for row in items.values("order_line__sku").annotate(n=Sum("quantity"))
    }
    # the rate is measured against every sale of the product in the same store(s)
    store_ids = returns.values("order__store")
    all_sold = {
        row["sku"]: (row["name"], row["n"])
        for row in OrderLine.objects.filter(sku__in=returned, order__store__in=store_ids)
        .values("sku", "name")
        .annotate(n=Sum("quantity"))
    }
    rows = [
        ProductRate(sku, *all_sold.get(sku, (sku, 0)), returned=n) for sku, n in returned.items()
    ]
    return sorted(rows, key=lambda r: (-r.rate, r.sku))[:limit]


def reasons_by_market(returns: QuerySet[ReturnRequest]) -> list[tuple[str, str, int]]:
    rows = (
        ReturnItem.objects.filter(rma__in=returns)
        .values("rma__order__ship_to_country", "case")
        .annotate(n=Count("id"))
        .order_by("rma__order__ship_to_country", "-n", "case")
    )
    return [(r["rma__order__ship_to_country"], r["case"], r["n"]) for r in rows]


def refund_times(returns: QuerySet[ReturnRequest]) -> RefundTimes:
    refunded = [
        (rma.requested_at, rma.refunded_at, rma.refund_due_at)
        for rma in returns.filter(refunded_at__isnull=False).only(
            "requested_at", "refunded_at", "refund_due_at"
        )
        if rma.refunded_at is not None
    ]
    on_time = len([1 for _r, done, due in refunded if due is None or done <= due])
    durations = [(done - requested) / timedelta(days=1) for requested, done, _due in refunded]
    overdue = returns.filter(
        refunded_at__isnull=True,
        refund_due_at__lt=timezone.now(),
        status__in=[s for s in ReturnStatus.values if s not in ("rejected", "closed")],
    ).count()
    return RefundTimes(
        len(refunded),
        on_time,
        len(refunded) - on_time,
        overdue,
        round(sum(durations) / len(durations), 1) if durations else None,
    )


def dispositions(returns: QuerySet[ReturnRequest]) -> list[tuple[str, str, int]]:
    rows = (
        ReturnItem.objects.filter(rma__in=returns, inspected_at__isnull=False)
        .values("grade", "disposition")
        .annotate(n=Sum("quantity"))
        .order_by("-n", "grade", "disposition")
    )
    return [(r["grade"], r["disposition"], r["n"]) for r in rows]
