"""The customer portal: what a shopper sees, in their language, without an account."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from aftersail.commerce.selectors import portal_store


def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/landing.html", {"store": portal_store()})
