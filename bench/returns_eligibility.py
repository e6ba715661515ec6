"""How fast the eligibility engine decides, per order line (pure Python, no database).

    DJANGO_SETTINGS_MODULE=aftersail.settings .venv/bin/python bench/returns_eligibility.py

Prints evaluations per second for every market of the law table and every case, with a
policy and a split delivery, so that a portal page with many lines stays cheap.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")
django.setup()

from aftersail.returns.eligibility import Case, Context, LineFacts, Terms, evaluate  # noqa: E402
from aftersail.returns.explain import explain  # noqa: E402
from aftersail.returns.law import markets  # noqa: E402

ROUNDS = 200


def main() -> None:
    ordered = datetime(2026, 3, 1, 10, tzinfo=UTC)
    line = LineFacts(
        sku="JKT-1",
        category="clothing",
        ordered_at=ordered,
        shipped_at=ordered + timedelta(days=1),
        delivered_at=ordered + timedelta(days=4),
        last_delivered_at=ordered + timedelta(days=6),
    )
    terms = Terms(window_days=30, warranty_months=24)
    contexts = [
        Context(country=m, zone="Europe/Berlin", now=ordered + timedelta(days=8)) for m in markets()
    ]
    cases = list(Case)
    evaluate(Case.CHANGE_OF_MIND, line, terms, contexts[0])  # warm the law and holiday caches
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for ctx in contexts:
            for case in cases:
                evaluate(case, line, terms, ctx)
    elapsed = time.perf_counter() - start
    count = ROUNDS * len(contexts) * len(cases)
    print(f"evaluate: {count} decisions in {elapsed:.2f} s = {count / elapsed:,.0f} per second")
    result = evaluate(Case.CHANGE_OF_MIND, line, terms, contexts[0])
    start = time.perf_counter()
    for _ in range(2000):
        explain(result, "Europe/Berlin", "de")
    elapsed = time.perf_counter() - start
    print(f"explain (de): 2000 sentences in {elapsed:.2f} s = {2000 / elapsed:,.0f} per second")


if __name__ == "__main__":
    main()
