"""The law table loads, every rule cites its source, and versions apply by date."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest

from aftersail.returns.law import LawRules, markets, rules_for

ISSUE_MARKETS = {"DE", "FR", "PL", "GB", "US", "AU", "JP", "CA", "BR", "CN", "CH", "NO", "TR", "IN"}


def test_every_market_of_the_issue_is_in_the_table() -> None:
    assert set(markets()) >= ISSUE_MARKETS
    assert (
        len([m for m in markets() if rules_for(m, date(2026, 1, 1)).name == "European Union"]) == 27
    )


@pytest.mark.parametrize("market", sorted(ISSUE_MARKETS | {"ES", "PT"}))
def test_every_rule_cites_its_source(market: str) -> None:
    rules = rules_for(market, date(2026, 1, 1), "CA" if market == "US" else "")
    assert rules.known
    names = {f.name for f in fields(LawRules)}
    for name in names:
        value = getattr(rules, name)
        if (name.endswith("_days") or name.endswith("_months")) and value is not None:
            source = {
                "withdrawal_days": "withdrawal_source",
                "not_informed_extension_months": "not_informed_source",
                "no_terms_days": "no_terms_source",
                "refund_days": "refund_source",
                "short_term_reject_days": "short_term_reject_source",
                "guarantee_months": "guarantee_source",
                "presumption_months": "presumption_source",
                "long_lasting_guarantee_months": "long_lasting_source",
                "non_durable_guarantee_days": "non_durable_source",
            }[name]
            assert getattr(rules, source), f"{market}.{name} has no source"
    assert all(exception.source for exception in rules.exceptions)


def test_versions_apply_by_order_date() -> None:
    before = rules_for("DE", date(2021, 12, 31))
    after = rules_for("DE", date(2022, 1, 1))
    assert (before.presumption_months, before.presumption_source) == (
        6,
        "Directive 1999/44/EC Art. 5(3)",
    )
    assert (after.presumption_months, after.valid_from) == (12, date(2022, 1, 1))
    assert after.withdrawal_days == 14  # inherited from the 2014 version
    assert rules_for("FR", date(2026, 1, 1)).presumption_months == 24
    assert rules_for("ES", date(2026, 1, 1)).guarantee_months == 36
    assert not rules_for("DE", date(2010, 1, 1)).known


def test_regions_and_unknown_markets() -> None:
    assert rules_for("US", date(2026, 1, 1), "CA").no_terms_days == 30
    assert rules_for("US", date(2026, 1, 1), "NY").no_terms_days is None
    unknown = rules_for("ZZ", date(2026, 1, 1))
    assert not unknown.known and unknown.withdrawal_days is None
