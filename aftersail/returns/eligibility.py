"""Which order line may go back, on what basis and until when: a pure function of the facts.

``evaluate(case, line, terms, context)`` looks at every basis that could apply (the legal
withdrawal right, a right that exists only when no return terms are shown, the merchant's
policy, the legal guarantee, a commercial warranty, the seller's responsibility for transit
damage and wrong items) and returns the most generous one: the latest deadline wins, no
deadline (unlimited) beats any date. Dates are computed on the customer's wall clock, and
the deadline is the end of the last day in the customer's zone.
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache

import holidays

from aftersail.core.localization import zone_or_utc
from aftersail.returns.law import LawRules, rules_for


class Case(enum.StrEnum):
    CHANGE_OF_MIND = "change_of_mind"
    DEFECT = "defect"
    DAMAGED_IN_TRANSIT = "damaged_in_transit"
    WRONG_OR_MISSING = "wrong_or_missing"


class Basis(enum.StrEnum):
    WITHDRAWAL = "withdrawal"  # statutory change-of-mind right (CRD, CCR, CDC, CRPL, ...)
    NO_TERMS = "no_terms"  # statutory right because no return terms were shown (JP, US-CA)
    POLICY = "policy"  # the merchant's own return policy
    SHORT_TERM_REJECT = "short_term_reject"  # UK CRA s22: reject a faulty item for a refund
    LEGAL_GUARANTEE = "legal_guarantee"  # statutory liability for defects
    CONSUMER_GUARANTEE = "consumer_guarantee"  # Australia: a "reasonable time", no fixed date
    COMMERCIAL_WARRANTY = "commercial_warranty"  # the merchant's own warranty
    DELIVERY_FAULT = "delivery_fault"  # transit damage, wrong or missing item
    NONE = "none"


class Refusal(enum.StrEnum):
    EXPIRED = "expired"
    LEGAL_EXCEPTION = "legal_exception"
    EXCLUDED = "excluded"
    FINAL_SALE = "final_sale"
    NO_BASIS = "no_basis"


# Risk passes to the consumer only on physical possession: CRD Art. 20
# (CELEX:32011L0083), UK Consumer Rights Act 2015 s29; elsewhere the policy's report window.
DELIVERY_FAULT_SOURCES = {
    "EU": "Directive 2011/83/EU Art. 20",
    "GB": "Consumer Rights Act 2015 s29",
}


@dataclass(frozen=True)
class Terms:
    """The merchant's policy for the customer's market (a snapshot of ReturnPolicy)."""

    window_days: int | None = 30  # None: unlimited
    window_start: str = "delivery"  # order | shipment | delivery
    excluded_categories: frozenset[str] = frozenset()
    excluded_skus: frozenset[str] = frozenset()
    final_sale_skus: frozenset[str] = frozenset()
    warranty_months: int | None = None
    damage_report_days: int = 30
    shows_return_terms: bool = True
    informs_of_withdrawal: bool = True


NO_POLICY = Terms(window_days=0, shows_return_terms=False)


@dataclass(frozen=True)
class LineFacts:
    sku: str
    category: str = ""
    ordered_at: datetime | None = None
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None  # this line's parcel
    last_delivered_at: datetime | None = None  # the order's last parcel; None until all arrived
    tags: frozenset[str] = frozenset()  # personalised, perishable, sealed_hygiene, ...
    unsealed: bool = False
    unit_price: Decimal = Decimal("0")


@dataclass(frozen=True)
class Context:
    country: str
    zone: str = "UTC"
    region: str = ""
    now: datetime | None = None


@dataclass(frozen=True)
class Eligibility:
    case: Case
    eligible: bool
    basis: Basis
    deadline: date | None = None  # last day, on the customer's calendar
    deadline_at: datetime | None = None  # end of that day in the customer's zone (aware)
    pending_delivery: bool = False  # the period starts at a delivery that has not happened
    refusal: Refusal | None = None
    source: str = ""
    presumed_until: date | None = None  # defects before this day are presumed present
    days: int | None = None
    considered: tuple[tuple[Basis, date | None], ...] = field(default_factory=tuple)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@cache
def _holidays(country: str, year: int) -> frozenset[date]:
    try:
        return frozenset(holidays.country_holidays(country, years=[year, year + 1]).keys())
    except NotImplementedError:
        return frozenset()


def next_working_day(day: date, country: str) -> date:
    """Regulation 1182/71 Art. 3(4): a period ending on a Saturday, Sunday or public holiday
    ends at the end of the following working day."""
    while day.weekday() >= 5 or day in _holidays(country, day.year):
        day += timedelta(days=1)
    return day


def _local_day(moment: datetime | None, zone: str) -> date | None:
    return moment.astimezone(zone_or_utc(zone)).date() if moment else None


def end_of_day(day: date, zone: str) -> datetime:
    tz = zone_or_utc(zone)
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz) - timedelta(microseconds=1)


@dataclass(frozen=True)
class _Candidate:
    basis: Basis
    deadline: date | None  # None: no end
    source: str
    pending: bool = False
    days: int | None = None


def _withdrawal(rules: LawRules, line: LineFacts, terms: Terms, ctx: Context) -> _Candidate:
    days = rules.withdrawal_days or 0
    start_moment = line.delivered_at
    if rules.split_delivery == "last_item":
        start_moment = line.last_delivered_at
    start = _local_day(start_moment, ctx.zone)
    if start is None:
        return _Candidate(Basis.WITHDRAWAL, None, rules.withdrawal_source, pending=True)
    end = start + timedelta(days=days)
    if rules.extend_to_working_day:
        end = next_working_day(end, ctx.country)
    source = rules.withdrawal_source
    if not terms.informs_of_withdrawal and rules.not_informed_extension_months:
        end = add_months(end, rules.not_informed_extension_months)
        if rules.extend_to_working_day:
            end = next_working_day(end, ctx.country)
        source = rules.not_informed_source
    return _Candidate(Basis.WITHDRAWAL, end, source, days=rules.withdrawal_days)


def _no_terms(rules: LawRules, line: LineFacts, ctx: Context) -> _Candidate:
    moment = line.ordered_at if rules.no_terms_from == "order" else line.delivered_at
    start = _local_day(moment, ctx.zone)
    if start is None:
        return _Candidate(Basis.NO_TERMS, None, rules.no_terms_source, pending=True)
    days = (rules.no_terms_days or 0) - (1 if rules.no_terms_counts_first_day else 0)
    return _Candidate(
        Basis.NO_TERMS,
        start + timedelta(days=days),
        rules.no_terms_source,
        days=rules.no_terms_days,
    )


def _policy(line: LineFacts, terms: Terms, ctx: Context) -> _Candidate:
    moment = {
        "order": line.ordered_at,
        "shipment": line.shipped_at,
        "delivery": line.delivered_at,
    }.get(terms.window_start, line.delivered_at)
    if terms.window_days is None:
        return _Candidate(Basis.POLICY, None, "")
    start = _local_day(moment, ctx.zone)
    if start is None:
        return _Candidate(Basis.POLICY, None, "", pending=True)
    return _Candidate(
        Basis.POLICY, start + timedelta(days=terms.window_days), "", days=terms.window_days
    )


def _guarantee(rules: LawRules, line: LineFacts, ctx: Context) -> _Candidate | None:
    delivered = _local_day(line.delivered_at, ctx.zone)
    if rules.guarantee_reasonable_time or rules.defect_return_required:
        source = rules.guarantee_source or rules.defect_source
        return _Candidate(Basis.CONSUMER_GUARANTEE, None, source)
    if delivered is None or rules.guarantee_months is None:
        return None
    if "non_durable" in line.tags and rules.non_durable_guarantee_days is not None:
        end = delivered + timedelta(days=rules.non_durable_guarantee_days)
        return _Candidate(Basis.LEGAL_GUARANTEE, end, rules.non_durable_source)
    if "long_lasting" in line.tags and rules.long_lasting_guarantee_months is not None:
        end = add_months(delivered, rules.long_lasting_guarantee_months)
        return _Candidate(Basis.LEGAL_GUARANTEE, end, rules.long_lasting_source)
    end = add_months(delivered, rules.guarantee_months)
    return _Candidate(Basis.LEGAL_GUARANTEE, end, rules.guarantee_source)


def _best(candidates: list[_Candidate], today: date) -> _Candidate | None:
    """The most generous open candidate: pending or unlimited first, then the latest date."""
    open_ = [c for c in candidates if c.pending or c.deadline is None or c.deadline >= today]
    if not open_:
        return None
    return max(open_, key=lambda c: (c.pending or c.deadline is None, c.deadline or date.min))


def evaluate(case: Case, line: LineFacts, terms: Terms, ctx: Context) -> Eligibility:
    now = ctx.now or datetime.now(tz=zone_or_utc("UTC"))
    today = now.astimezone(zone_or_utc(ctx.zone)).date()
    order_day = (line.ordered_at or now).date()
    rules = rules_for(ctx.country, order_day, ctx.region)
    candidates: list[_Candidate] = []
    refusal = Refusal.NO_BASIS
    refusal_source = ""
    presumed_until = None

    if case == Case.CHANGE_OF_MIND:
        exception = rules.exception_for(line.tags, line.unsealed)
        if rules.withdrawal_days is not None:
            if exception is None:
                candidates.append(_withdrawal(rules, line, terms, ctx))
            else:
                refusal, refusal_source = Refusal.LEGAL_EXCEPTION, exception.source
        if rules.no_terms_days is not None and not terms.shows_return_terms:
            candidates.append(_no_terms(rules, line, ctx))
        policy_excluded = (
            line.category in terms.excluded_categories or line.sku in terms.excluded_skus
        )
        if line.sku in terms.final_sale_skus:
            if not candidates:
                refusal = Refusal.FINAL_SALE
        elif policy_excluded:
            if not candidates and refusal != Refusal.LEGAL_EXCEPTION:
                refusal = Refusal.EXCLUDED
        elif terms.window_days != 0:
            candidates.append(_policy(line, terms, ctx))
    else:
        guarantee = _guarantee(rules, line, ctx)
        delivered = _local_day(line.delivered_at, ctx.zone)
        if case == Case.DEFECT:
            if rules.short_term_reject_days and delivered is not None:
                end = delivered + timedelta(days=rules.short_term_reject_days)
                if end >= today:
                    # the remedy (a full refund) beats a later date for repair or replacement
                    candidates = [
                        _Candidate(Basis.SHORT_TERM_REJECT, end, rules.short_term_reject_source)
                    ]
            if not candidates:
                if guarantee is not None:
                    candidates.append(guarantee)
                if terms.warranty_months and delivered is not None:
                    end = add_months(delivered, terms.warranty_months)
                    candidates.append(_Candidate(Basis.COMMERCIAL_WARRANTY, end, ""))
            if delivered is not None and rules.presumption_months:
                presumed_until = add_months(delivered, rules.presumption_months)
            if not candidates:
                refusal = Refusal.NO_BASIS
        else:
            region = "EU" if rules.name == "European Union" else ctx.country
            source = DELIVERY_FAULT_SOURCES.get(region, "")
            anchor = delivered or _local_day(line.shipped_at, ctx.zone) or today
            end = anchor + timedelta(days=terms.damage_report_days)
            candidates.append(_Candidate(Basis.DELIVERY_FAULT, end, source))
            if guarantee is not None:
                candidates.append(
                    _Candidate(Basis.DELIVERY_FAULT, guarantee.deadline, guarantee.source)
                )

    best = _best(candidates, today)
    considered = tuple((c.basis, c.deadline) for c in candidates)
    if best is None:
        last = max((c.deadline for c in candidates if c.deadline), default=None)
        if candidates:
            refusal = Refusal.EXPIRED
        return Eligibility(
            case,
            False,
            Basis.NONE,
            deadline=last,
            deadline_at=end_of_day(last, ctx.zone) if last else None,
            refusal=refusal,
            source=refusal_source,
            presumed_until=presumed_until,
            considered=considered,
        )
    return Eligibility(
        case,
        True,
        best.basis,
        deadline=best.deadline,
        deadline_at=end_of_day(best.deadline, ctx.zone) if best.deadline else None,
        pending_delivery=best.pending,
        source=best.source,
        presumed_until=presumed_until,
        days=best.days,
        considered=considered,
    )
