"""The email channel's door: storing a raw inbound mail (then processing it, idempotently)
as every way in does — IMAP, provider webhooks, an import."""

from __future__ import annotations

from aftersail.mail.ingest import do_process_inbound, do_reprocess, do_store_inbound

__all__ = ["do_process_inbound", "do_reprocess", "do_store_inbound"]
