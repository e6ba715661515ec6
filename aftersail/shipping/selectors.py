"""Named reads of the shipping app for other apps: which parcel statuses customers are told
about unless the store chose otherwise."""

from __future__ import annotations

from aftersail.shipping.notifications import DEFAULT_STATUSES

__all__ = ["DEFAULT_STATUSES"]
