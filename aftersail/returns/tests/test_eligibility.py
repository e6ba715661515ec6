"""Exact deadlines for every market of the law table (table-driven).

Dates were worked out by hand from the rules cited in ``returns/data/law/*.toml``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from aftersail.returns.eligibility import (
    NO_POLICY,
    Basis,
    Case,
    Context,
    LineFacts,
    Refusal,
    Terms,
    evaluate,
)

ZONES = {
    "DE": "Europe/Berlin", "FR": "Europe/Paris", "PL": "Europe/Warsaw", "GB": "Europe/London",
    "US": "America/Los_Angeles", "AU": "Australia/Sydney", "JP": "Asia/Tokyo",
    "CA": "America/Toronto", "BR": "America/Sao_Paulo", "CN": "Asia/Shanghai",
    "CH": "Europe/Zurich", "NO": "Europe/Oslo", "TR": "Europe/Istanbul", "IN": "Asia/Kolkata",
}  # fmt: skip

ORDERED = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
DELIVERED = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, daytime everywhere above
SOON = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
POLICY_30 = Terms(window_days=30)


def line(**kw: object) -> LineFacts:
    values: dict[str, object] = {
        "sku": "JKT-1",
        "category": "Jackets",
        "ordered_at": ORDERED,
        "shipped_at": datetime(2026, 3, 2, 15, 0, tzinfo=UTC),
        "delivered_at": DELIVERED,
        "last_delivered_at": DELIVERED,
    }
    values.update(kw)
    return LineFacts(**values)  # type: ignore[arg-type]


def run(market: str, case: Case = Case.CHANGE_OF_MIND, terms: Terms = NO_POLICY,
        now: datetime = SOON, region: str = "", **kw: object):  # fmt: skip
    ctx = Context(country=market, zone=ZONES.get(market, "UTC"), region=region, now=now)
    return evaluate(case, line(**kw), terms, ctx)


# market, case, terms, extra line facts, (eligible, basis, deadline or None)
TABLE = [
    # EU: 14 days from delivery (CRD Art. 9); Reg. 1182/71 moves a weekend end to Monday
    ("DE", Case.CHANGE_OF_MIND, NO_POLICY, {}, (True, Basis.WITHDRAWAL, date(2026, 3, 24))),
    ("PL", Case.CHANGE_OF_MIND, NO_POLICY, {}, (True, Basis.WITHDRAWAL, date(2026, 3, 24))),
    ("FR", Case.CHANGE_OF_MIND, NO_POLICY,
     {"delivered_at": datetime(2026, 4, 30, 9, tzinfo=UTC),
      "last_delivered_at": datetime(2026, 4, 30, 9, tzinfo=UTC)},
     (True, Basis.WITHDRAWAL, date(2026, 5, 15))),  # 14 May is Ascension Day
    ("DE", Case.CHANGE_OF_MIND, NO_POLICY,
     {"delivered_at": datetime(2026, 3, 14, 9, tzinfo=UTC),
      "last_delivered_at": datetime(2026, 3, 14, 9, tzinfo=UTC)},
     (True, Basis.WITHDRAWAL, date(2026, 3, 30))),  # day 14 is Saturday 28 March
    # EU legal guarantee 24 months, SGD presumption 12 months (FR: 24)
    ("DE", Case.DEFECT, NO_POLICY, {}, (True, Basis.LEGAL_GUARANTEE, date(2028, 3, 10))),
    ("DE", Case.DAMAGED_IN_TRANSIT, NO_POLICY, {}, (True, Basis.DELIVERY_FAULT, date(2028, 3, 10))),
    # UK: 14 days without weekend extension; 30-day short-term right to reject
    ("GB", Case.CHANGE_OF_MIND, NO_POLICY, {}, (True, Basis.WITHDRAWAL, date(2026, 3, 24))),
    ("GB", Case.DEFECT, NO_POLICY, {}, (True, Basis.SHORT_TERM_REJECT, date(2026, 4, 9))),
    # US: nothing federal; California when no policy is posted: 30 days from purchase
    ("US", Case.CHANGE_OF_MIND, NO_POLICY, {}, (False, Basis.NONE, None)),
    ("US", Case.CHANGE_OF_MIND, POLICY_30, {}, (True, Basis.POLICY, date(2026, 4, 9))),
    # Australia: no change of mind; consumer guarantees for a reasonable time
    ("AU", Case.CHANGE_OF_MIND, NO_POLICY, {}, (False, Basis.NONE, None)),
    ("AU", Case.DEFECT, NO_POLICY, {}, (True, Basis.CONSUMER_GUARANTEE, None)),
    # Japan: 8 days counting the day of receipt when no return terms are shown
    ("JP", Case.CHANGE_OF_MIND, NO_POLICY, {}, (True, Basis.NO_TERMS, date(2026, 3, 17))),
    ("JP", Case.CHANGE_OF_MIND, Terms(window_days=0), {}, (False, Basis.NONE, None)),
    # Canada: no general right
    ("CA", Case.CHANGE_OF_MIND, NO_POLICY, {}, (False, Basis.NONE, None)),
    # Brazil: 7 days; 90 days for defects in durable goods, 30 for non-durable
    ("BR", Case.CHANGE_OF_MIND, NO_POLICY, {}, (True, Basis.WITHDRAWAL, date(2026, 3, 17))),
    ("BR", Case.DEFECT, NO_POLICY, {}, (True, Basis.LEGAL_GUARANTEE, date(2026, 6, 10))),
    ("BR", Case.DEFECT, NO_POLICY, {"tags": frozenset({"non_durable"})},
     (True, Basis.LEGAL_GUARANTEE, date(2026, 4, 9))),
    # China: 7 days without reason
    ("CN", Case.CHANGE_OF_MIND, NO_POLICY, {}, (True, Basis.WITHDRAWAL, date(2026, 3, 17))),
    # Switzerland: no withdrawal; 2-year warranty
    ("CH", Case.CHANGE_OF_MIND, NO_POLICY, {}, (False, Basis.NONE, None)),
    ("CH", Case.DEFECT, NO_POLICY, {}, (True, Basis.LEGAL_GUARANTEE, date(2028, 3, 10))),
    # Norway: 14 days; 5 years for goods meant to last considerably longer
    ("NO", Case.CHANGE_OF_MIND, NO_POLICY, {}, (True, Basis.WITHDRAWAL, date(2026, 3, 24))),
    ("NO", Case.DEFECT, NO_POLICY, {"tags": frozenset({"long_lasting"})},
     (True, Basis.LEGAL_GUARANTEE, date(2031, 3, 10))),
    # Turkey: 14 days
    ("TR", Case.CHANGE_OF_MIND, NO_POLICY, {}, (True, Basis.WITHDRAWAL, date(2026, 3, 24))),
    ("TR", Case.DEFECT, NO_POLICY, {}, (True, Basis.LEGAL_GUARANTEE, date(2028, 3, 10))),
    # India: no change-of-mind right; defective goods may not be refused
    ("IN", Case.CHANGE_OF_MIND, NO_POLICY, {}, (False, Basis.NONE, None)),
    ("IN", Case.DEFECT, NO_POLICY, {}, (True, Basis.CONSUMER_GUARANTEE, None)),
    ("IN", Case.WRONG_OR_MISSING, Terms(damage_report_days=10), {},
     (True, Basis.DELIVERY_FAULT, None)),
    # elsewhere without a legal guarantee: the policy's report window
    ("US", Case.WRONG_OR_MISSING, Terms(damage_report_days=10), {},
     (True, Basis.DELIVERY_FAULT, date(2026, 3, 20))),
]  # fmt: skip


@pytest.mark.parametrize(("market", "case", "terms", "facts", "expected"), TABLE)
def test_deadline_per_market(market, case, terms, facts, expected) -> None:
    result = run(market, case, terms, **facts)
    assert (result.eligible, result.basis, result.deadline) == expected


def test_deadline_is_the_end_of_the_day_in_the_customer_zone() -> None:
    result = run("DE")
    assert result.deadline_at is not None
    assert result.deadline_at.astimezone(UTC) == datetime(
        2026, 3, 24, 22, 59, 59, 999999, tzinfo=UTC
    )


def test_delivery_next_to_a_dst_change_counts_the_local_day() -> None:
    # 30 March 2026 22:30 UTC is already 31 March 00:30 in Berlin (CEST since 29 March):
    # the period counts from 31 March, so it ends on Tuesday 14 April, 23:59 CEST.
    moment = datetime(2026, 3, 30, 22, 30, tzinfo=UTC)
    result = run("DE", delivered_at=moment, last_delivered_at=moment, now=moment)
    assert result.deadline == date(2026, 4, 14)
    assert result.deadline_at is not None
    assert result.deadline_at.astimezone(UTC) == datetime(
        2026, 4, 14, 21, 59, 59, 999999, tzinfo=UTC
    )
    # The same instant for a customer in London (still 30 March) ends a day earlier.
    uk = evaluate(
        Case.CHANGE_OF_MIND,
        line(delivered_at=moment, last_delivered_at=moment),
        NO_POLICY,
        Context(country="GB", zone="Europe/London", now=moment),
    )
    assert uk.deadline == date(2026, 4, 13)


def test_split_delivery_starts_at_the_last_item() -> None:
    first = datetime(2026, 3, 5, 9, tzinfo=UTC)
    last = datetime(2026, 3, 12, 9, tzinfo=UTC)
    early = run("DE", delivered_at=first, last_delivered_at=last, now=last)
    assert (early.basis, early.deadline) == (Basis.WITHDRAWAL, date(2026, 3, 26))
    waiting = run("DE", delivered_at=first, last_delivered_at=None, now=first)
    assert (waiting.eligible, waiting.pending_delivery, waiting.deadline) == (True, True, None)
    # Brazil and China count each item from its own receipt.
    assert run("CN", delivered_at=first, last_delivered_at=last, now=last).deadline == date(
        2026, 3, 12
    )


def test_not_informed_of_the_right_extends_by_twelve_months() -> None:
    uninformed = Terms(window_days=0, shows_return_terms=False, informs_of_withdrawal=False)
    result = run("DE", terms=uninformed, now=datetime(2026, 12, 1, tzinfo=UTC))
    assert (result.basis, result.deadline) == (Basis.WITHDRAWAL, date(2027, 3, 24))
    assert result.source.startswith("Directive 2011/83/EU Art. 10")
    assert run("TR", terms=uninformed).deadline == date(2027, 3, 24)


@pytest.mark.parametrize(
    ("tags", "unsealed", "eligible"),
    [
        ({"personalised"}, False, False),
        ({"perishable"}, False, False),
        ({"newspaper"}, False, False),
        ({"sealed_hygiene"}, False, True),  # still sealed: the right stays
        ({"sealed_hygiene"}, True, False),
        ({"sealed_media"}, True, False),
        ({"inseparably_mixed"}, False, False),
    ],
)
def test_eu_exceptions(tags: set[str], unsealed: bool, eligible: bool) -> None:
    result = run("DE", tags=frozenset(tags), unsealed=unsealed)
    assert result.eligible is eligible
    if not eligible:
        assert result.refusal == Refusal.LEGAL_EXCEPTION
        assert result.source.startswith("Directive 2011/83/EU Art. 16")


@pytest.mark.parametrize(
    ("tags", "unsealed"),
    [
        ({"personalised"}, False),
        ({"perishable"}, False),
        ({"sealed_media"}, True),
        ({"newspaper"}, False),
        ({"confirmed_non_returnable"}, False),
    ],
)
def test_china_exclusions(tags: set[str], unsealed: bool) -> None:
    result = run("CN", tags=frozenset(tags), unsealed=unsealed)
    assert (result.eligible, result.refusal) == (False, Refusal.LEGAL_EXCEPTION)
    assert result.source.startswith("Consumer Rights Protection Law art. 25")
    assert run("CN", tags=frozenset({"sealed_media"})).eligible  # still sealed


def test_generous_policy_overrides_the_law() -> None:
    hundred = run("DE", terms=Terms(window_days=100))
    assert (hundred.basis, hundred.deadline) == (Basis.POLICY, date(2026, 6, 18))
    unlimited = run("DE", terms=Terms(window_days=None), now=datetime(2029, 1, 1, tzinfo=UTC))
    assert (unlimited.eligible, unlimited.basis, unlimited.deadline) == (True, Basis.POLICY, None)
    from_order = run("DE", terms=Terms(window_days=30, window_start="order"))
    assert (from_order.basis, from_order.deadline) == (Basis.POLICY, date(2026, 3, 31))
    # a stingier policy never cuts the legal right
    stingy = run("DE", terms=Terms(window_days=7))
    assert (stingy.basis, stingy.deadline) == (Basis.WITHDRAWAL, date(2026, 3, 24))
    # the policy can be generous about items the law excepts
    custom = run("DE", terms=Terms(window_days=30), tags=frozenset({"personalised"}))
    assert (custom.basis, custom.deadline) == (Basis.POLICY, date(2026, 4, 9))


def test_policy_exclusions_and_final_sale_only_narrow_the_policy() -> None:
    terms = Terms(
        window_days=60,
        excluded_categories=frozenset({"Jackets"}),
        final_sale_skus=frozenset({"SALE-1"}),
    )
    assert run("US", terms=terms).refusal == Refusal.EXCLUDED
    assert run("US", terms=terms, sku="SALE-1", category="Sale").refusal == Refusal.FINAL_SALE
    # in the EU the legal right stays for a final-sale item
    assert run("DE", terms=terms, sku="SALE-1").basis == Basis.WITHDRAWAL


def test_expired_period_gives_the_day_it_ended() -> None:
    result = run("DE", now=datetime(2026, 3, 25, 8, tzinfo=UTC))
    assert (result.eligible, result.refusal, result.deadline) == (
        False,
        Refusal.EXPIRED,
        date(2026, 3, 24),
    )
    still = run("DE", now=datetime(2026, 3, 24, 22, 30, tzinfo=UTC))  # 23:30 in Berlin
    assert still.eligible


def test_california_without_posted_policy() -> None:
    result = run("US", terms=NO_POLICY, region="CA")
    assert (result.basis, result.deadline) == (Basis.NO_TERMS, date(2026, 3, 31))


def test_defect_presumption_and_uk_after_thirty_days() -> None:
    later = datetime(2026, 6, 1, tzinfo=UTC)
    assert run("DE", Case.DEFECT).presumed_until == date(2027, 3, 10)
    assert run("FR", Case.DEFECT).presumed_until == date(2028, 3, 10)
    uk = run("GB", Case.DEFECT, now=later)
    assert (uk.basis, uk.deadline, uk.presumed_until) == (
        Basis.LEGAL_GUARANTEE,
        date(2032, 3, 10),
        date(2026, 9, 10),
    )
    in_2020 = datetime(2020, 1, 8, tzinfo=UTC)
    old = run("DE", Case.DEFECT, ordered_at=in_2020, delivered_at=in_2020, now=in_2020)
    assert old.presumed_until == date(2020, 7, 8)  # Directive 1999/44 still applied


def test_commercial_warranty_longer_than_the_law() -> None:
    result = run("DE", Case.DEFECT, terms=Terms(warranty_months=60))
    assert (result.basis, result.deadline) == (Basis.COMMERCIAL_WARRANTY, date(2031, 3, 10))
    us = run("US", Case.DEFECT, terms=Terms(warranty_months=12))
    assert (us.basis, us.deadline) == (Basis.COMMERCIAL_WARRANTY, date(2027, 3, 10))
    assert run("US", Case.DEFECT).refusal == Refusal.NO_BASIS
