"""Named reads of the SLA app for other apps: how a reply-by time is worded for a customer."""

from __future__ import annotations

from aftersail.sla.promises import reply_by_values

__all__ = ["reply_by_values"]
