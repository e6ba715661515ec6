"""The consumer-law table: one TOML file per market under ``data/law/``, loaded into
:class:`LawRules`.

Each file holds ``[[versions]]`` with a ``valid_from`` date (a later version may ``inherit``
the earlier one and change a few rules); a version may override rules for a member state
(``states.FR``) or a region (``regions.CA``). Every rule carries its source in the data.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

LAW_DIR = Path(__file__).parent / "data" / "law"


@dataclass(frozen=True)
class LegalException:
    """Goods outside the change-of-mind right (e.g. CRD Art. 16)."""

    tag: str
    source: str
    unsealed_only: bool = False


@dataclass(frozen=True)
class LawRules:
    """What the law of one market grants a consumer, on one date."""

    market: str
    name: str = ""
    valid_from: date | None = None
    known: bool = True
    withdrawal_days: int | None = None
    withdrawal_source: str = ""
    split_delivery: str = "last_item"  # or "each_item"
    not_informed_extension_months: int | None = None
    not_informed_source: str = ""
    extend_to_working_day: bool = False
    extend_source: str = ""
    no_terms_days: int | None = None  # a right that exists only if no return policy is shown
    no_terms_source: str = ""
    no_terms_from: str = "delivery"  # or "order" (California counts from the purchase)
    no_terms_counts_first_day: bool = False  # Japan counts the day of receipt as day 1
    refund_days: int | None = None
    refund_from: str = "notice"  # or "goods_received"
    refund_source: str = ""
    return_cost: str = ""  # consumer_if_informed | consumer | merchant
    return_cost_source: str = ""
    restocking_fee_allowed: bool = True
    restocking_fee_source: str = ""
    short_term_reject_days: int | None = None
    short_term_reject_source: str = ""
    guarantee_months: int | None = None
    guarantee_source: str = ""
    guarantee_reasonable_time: bool = False
    presumption_months: int | None = None
    presumption_source: str = ""
    long_lasting_guarantee_months: int | None = None
    long_lasting_source: str = ""
    non_durable_guarantee_days: int | None = None
    non_durable_source: str = ""
    defect_return_required: bool = False
    defect_source: str = ""
    notes: str = ""
    exceptions: tuple[LegalException, ...] = field(default_factory=tuple)

    def exception_for(self, tags: frozenset[str], unsealed: bool) -> LegalException | None:
        for exception in self.exceptions:
            if exception.tag in tags and (unsealed or not exception.unsealed_only):
                return exception
        return None


_FIELDS = {f.name for f in fields(LawRules)} - {"market", "name", "valid_from", "known"}


class LawTableError(ValueError):
    """A law file that does not follow the schema (caught by the tests, never at run time)."""


def _rules_from(raw: dict[str, Any]) -> dict[str, Any]:
    unknown = set(raw) - _FIELDS - {"valid_from", "inherit", "states", "regions"}
    if unknown:
        raise LawTableError(f"unknown law rule(s): {sorted(unknown)}")
    values = {k: v for k, v in raw.items() if k in _FIELDS}
    if "exceptions" in values:
        values["exceptions"] = tuple(LegalException(**e) for e in values["exceptions"])
    return values


@cache
def _load_files() -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """market code -> (name, versions in file order)."""
    table: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for path in sorted(LAW_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for market in data["markets"]:
            if market in table:
                raise LawTableError(f"{market} appears in two law files")
            table[market] = (data["name"], data["versions"])
    return table


def markets() -> list[str]:
    return sorted(_load_files())


@cache
def rules_for(market: str, on: date, region: str = "") -> LawRules:
    """The rules of ``market`` (ISO country) valid on ``on`` (the order date), with the
    overrides of the member state or ``region`` (e.g. US state ``CA``)."""
    market = (market or "").upper()
    entry = _load_files().get(market)
    if entry is None:
        return LawRules(market=market, known=False)
    name, versions = entry
    merged: dict[str, Any] = {}
    valid_from: date | None = None
    for version in versions:
        if version["valid_from"] > on:
            break
        if not version.get("inherit"):
            merged = {}
        merged.update(_rules_from(version))
        merged.update(_rules_from(version.get("states", {}).get(market, {})))
        if region:
            merged.update(_rules_from(version.get("regions", {}).get(region.upper(), {})))
        valid_from = version["valid_from"]
    if valid_from is None:
        return LawRules(market=market, name=name, known=False)
    return LawRules(market=market, name=name, valid_from=valid_from, **merged)
