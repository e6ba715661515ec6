"""The customer portal: what a shopper sees, in their language, without an account."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from aftersail.commerce.models import Store
from aftersail.core.geo import language_name


def portal_store() -> Store | None:
    """The store the portal speaks for: ``PORTAL_STORE`` (a slug), else the first store."""
    stores = Store.objects.order_by("created_at", "id")
    if settings.PORTAL_STORE:
        return stores.filter(slug=settings.PORTAL_STORE).first()
    return stores.first()


def landing(request: HttpRequest) -> HttpResponse:
    current = get_language() or settings.LANGUAGE_CODE
    languages = [
        {"code": code, "name": language_name(code, code)} for code, _name in settings.LANGUAGES
    ]
    return render(
        request,
        "portal/landing.html",
        {"store": portal_store(), "languages": languages, "current_language": current},
    )
