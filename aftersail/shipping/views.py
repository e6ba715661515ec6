"""Shipping pages: provider webhooks, portal tracking, unsubscribe, the desk report."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from aftersail.accounts.access import agent_required
from aftersail.accounts.actors import Actor
from aftersail.commerce.selectors import portal_store
from aftersail.conversations.selectors import conversations_visible_to, orders_visible_to
from aftersail.core import ratelimit
from aftersail.core.localization import speaking_to, zone_label
from aftersail.shipping import links
from aftersail.shipping.forms import TrackForm
from aftersail.shipping.ingest import do_receive
from aftersail.shipping.models import TrackingAccount
from aftersail.shipping.portal import LookupLimited, check_lookup, order_view
from aftersail.shipping.reports import shipping_report

WEBHOOK_LIMIT_PER_MINUTE = 600


@csrf_exempt
@require_POST
def webhook(request: HttpRequest, provider: str, account: str) -> HttpResponse:
    found = TrackingAccount.objects.filter(
        public_id=account, provider=provider, is_active=True
    ).first()
    if found is None:
        raise Http404
    if not ratelimit.hit("tracking-hook", str(found.id), limit=WEBHOOK_LIMIT_PER_MINUTE,
                         window_seconds=60):  # fmt: skip
        return JsonResponse({"error": "slow down"}, status=429)
    raw = do_receive(found, request.body, dict(request.headers))
    if not raw.signature_valid:
        return JsonResponse({"error": "invalid signature"}, status=401)
    return JsonResponse({"received": str(raw.public_id)})


def _portal_context(request: HttpRequest) -> dict[str, object]:
    return {"store": portal_store()}


def track_lookup(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    status = 200
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            order = check_lookup(
                portal_store(),
                form.cleaned_data["number"],
                form.cleaned_data["email"],
                ratelimit.client_ip(request.META),
            )
        except LookupLimited:
            order, status, error = None, 429, "limited"
        if order is not None:
            return redirect("shipping:track_order", token=links.tracking_token(order))
        if not error:
            error, status = "not_found", 404
    context = {**_portal_context(request), "form": form, "error": error}
    return render(request, "shipping/track_lookup.html", context, status=status)


def track_order(request: HttpRequest, token: str) -> HttpResponse:
    try:
        order = links.order_from_token(token)
    except links.LinkExpired:
        context = {**_portal_context(request), "form": TrackForm(), "error": "expired"}
        return render(request, "shipping/track_lookup.html", context, status=410)
    except links.LinkInvalid as error:
        raise Http404 from error
    language, placed, shipments = order_view(order)
    customer = order.customer
    zone = customer.time_zone or order.store.time_zone
    with translation.override(language):
        context = {
            **_portal_context(request),
            "store": order.store,
            "order": order,
            "placed": placed,
            "shipments": shipments,
            "zone": zone_label(zone, language),
            "current_language": language,
        }
        return render(request, "shipping/track_order.html", context)


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        customer = links.customer_from_unsubscribe_token(token)
    except links.LinkInvalid as error:
        raise Http404 from error

    done = False
    if request.method == "POST":
        customer.notifications_opt_in = False
        customer.consent_updated_at = timezone.now()
        customer.save(update_fields=["notifications_opt_in", "consent_updated_at", "updated_at"])
        done = True
    with speaking_to(customer, customer.store) as language:
        context = {**_portal_context(request), "store": customer.store, "done": done,
                   "current_language": language}  # fmt: skip
        return render(request, "shipping/unsubscribe.html", context)


@agent_required
def report(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    if not (agent.is_admin or agent.is_supervisor):
        raise PermissionDenied("Reports are for supervisors and administrators.")
    try:
        days = max(1, min(int(request.GET.get("days", "30")), 366))
    except ValueError:
        days = 30
    until = timezone.now()
    viewer = Actor.of_agent(agent)
    data = shipping_report(
        until - timedelta(days=days),
        until,
        conversations_visible_to(viewer),
        orders_visible_to(viewer),
    )
    return render(
        request,
        "shipping/report.html",
        {"report": data, "days": days, "agent": agent, "self_url": reverse("shipping_desk:report")},
    )
