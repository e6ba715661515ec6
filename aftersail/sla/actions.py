"""The SLA app's door: what other apps may ask of promises and clocks."""

from __future__ import annotations

from aftersail.sla.backfill import do_backfill
from aftersail.sla.clocks import do_recompute_clocks
from aftersail.sla.promises import do_carry_promise_to_email

__all__ = ["do_backfill", "do_carry_promise_to_email", "do_recompute_clocks"]
