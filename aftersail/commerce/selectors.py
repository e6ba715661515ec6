"""Named reads of stores and orders for other apps."""

from __future__ import annotations

from django.conf import settings

from aftersail.commerce.models import Store


def portal_store() -> Store | None:
    """The store the customer portal speaks for: ``PORTAL_STORE`` (a slug), else the first
    store."""
    stores = Store.objects.order_by("created_at", "id")
    if settings.PORTAL_STORE:
        return stores.filter(slug=settings.PORTAL_STORE).first()
    return stores.first()
