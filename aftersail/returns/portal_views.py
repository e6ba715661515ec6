"""Customer pages: find the order, see what can go back until when, start a return, get the
form. Every page checks that the visitor proved the order (number + email) or owns it."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as django_render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersail.accounts.actors import Actor
from aftersail.commerce.models import Order
from aftersail.commerce.selectors import portal_store
from aftersail.core import ratelimit
from aftersail.core.localization import supported_language
from aftersail.returns import services
from aftersail.returns.access import (
    customer_may_see,
    find_order,
    order_from_token,
    remember_order,
    return_from_token,
)
from aftersail.returns.eligibility import Case
from aftersail.returns.models import ReturnRequest
from aftersail.returns.pdf import render_return_form
from aftersail.returns.policies import order_eligibility, policy_for


def render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return django_render(request, template, context, status=status)


def _language() -> str:
    return supported_language(get_language()) or "en"


def _order_for(request: HttpRequest, public_id: str) -> Order:
    order = get_object_or_404(
        Order.objects.select_related("store", "customer"), public_id=public_id
    )
    if not customer_may_see(request, order):
        raise Http404
    return order


def _return_for(request: HttpRequest, public_id: str) -> ReturnRequest:
    rma = get_object_or_404(
        ReturnRequest.objects.select_related("order__store", "customer", "destination"),
        public_id=public_id,
    )
    if not customer_may_see(request, rma.order):
        raise Http404
    return rma


def start(request: HttpRequest) -> HttpResponse:
    store = portal_store()
    error = ""
    if request.method == "POST":
        ip = ratelimit.client_ip(request.META)
        if not ratelimit.hit("returns-lookup", ip, limit=20, window_seconds=600):
            error = _("Too many attempts. Please try again in a few minutes.")
        else:
            order = find_order(store, request.POST.get("number", ""), request.POST.get("email", ""))
            if order is not None:
                remember_order(request, order)
                return redirect("returns_portal:order", public_id=order.public_id)
            error = _("We found no order with this number and email address.")
    own_orders = []
    customer = getattr(request.user, "customer", None) if request.user.is_authenticated else None
    if customer is not None:
        own_orders = list(Order.objects.filter(customer=customer).order_by("-placed_at")[:20])
    return render(
        request,
        "returns/portal/start.html",
        {"store": store, "error": error, "own_orders": own_orders},
        status=400 if error else 200,
    )


def order_page(request: HttpRequest, public_id: str) -> HttpResponse:
    order = _order_for(request, public_id)
    language = _language()
    error = ""
    if request.method == "POST":
        selections = []
        for line in order.lines.all():
            if request.POST.get(f"line_{line.id}") != "on":
                continue
            try:
                quantity = int(request.POST.get(f"quantity_{line.id}", "1"))
            except ValueError:
                quantity = 0
            selections.append(
                services.Selection(
                    line.id,
                    quantity,
                    case=request.POST.get(f"case_{line.id}", Case.CHANGE_OF_MIND),
                    reason=request.POST.get(f"reason_{line.id}", ""),
                    unsealed=request.POST.get(f"unsealed_{line.id}") == "on",
                )
            )
        try:
            rma = services.do_request_return(
                order,
                selections,
                actor=Actor.customer(),
                outcome=request.POST.get("outcome", ReturnRequest.Outcome.REFUND),
            )
        except services.ReturnError:
            error = _("Some of the chosen items cannot be returned this way. Please check them.")
        else:
            return redirect("returns_portal:return", public_id=rma.public_id)
    rows = order_eligibility(order, language=language)
    policy = policy_for(order.store, order.ship_to_country)
    outcomes = [
        (ReturnRequest.Outcome.REFUND, _("Refund"), policy is None or policy.offers_refund),
        (
            ReturnRequest.Outcome.EXCHANGE,
            _("Exchange"),
            policy is not None and policy.offers_exchange,
        ),
        (
            ReturnRequest.Outcome.STORE_CREDIT,
            _("Store credit"),
            policy is not None and policy.offers_store_credit,
        ),
    ]
    return render(
        request,
        "returns/portal/order.html",
        {
            "store": order.store,
            "order": order,
            "rows": rows,
            "error": error,
            "outcomes": [(v, label) for v, label, offered in outcomes if offered],
            "bonus": policy.store_credit_bonus_percent if policy else 0,
            "cases": [(value, label) for value, label in _case_labels()],
            "returns": order.returns.all(),
        },
        status=400 if error else 200,
    )


def _case_labels() -> list[tuple[str, str]]:
    return [
        (Case.CHANGE_OF_MIND, _("I changed my mind")),
        (Case.DEFECT, _("It is faulty")),
        (Case.DAMAGED_IN_TRANSIT, _("It arrived damaged")),
        (Case.WRONG_OR_MISSING, _("Wrong or missing item")),
    ]


def return_page(request: HttpRequest, public_id: str) -> HttpResponse:
    rma = _return_for(request, public_id)
    return render(
        request,
        "returns/portal/return.html",
        {
            "store": rma.order.store,
            "rma": rma,
            "items": rma.items.select_related("order_line"),
            "methods": [
                (ReturnRequest.Method.LABEL, _("Prepaid label")),
                (ReturnRequest.Method.DROP_OFF, _("Drop-off code (no printer needed)")),
            ],
        },
    )


@require_POST
def choose_method(request: HttpRequest, public_id: str) -> HttpResponse:
    rma = _return_for(request, public_id)
    method = request.POST.get("method", "")
    if method not in (ReturnRequest.Method.LABEL, ReturnRequest.Method.DROP_OFF):
        return HttpResponse(status=400)
    try:
        services.do_choose_method(rma, method, actor=Actor.customer())
    except services.ReturnError:
        return HttpResponse(status=409)
    return redirect("returns_portal:return", public_id=rma.public_id)


def return_form_pdf(request: HttpRequest, public_id: str) -> HttpResponse:
    rma = _return_for(request, public_id)
    link = request.build_absolute_uri(rma_url(rma))
    response = HttpResponse(render_return_form(rma, link=link), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{rma.number}.pdf"'
    return response


def rma_url(rma: ReturnRequest) -> str:
    from django.urls import reverse

    return reverse("returns_portal:return", kwargs={"public_id": rma.public_id})


def signed_link(request: HttpRequest, token: str) -> HttpResponse:
    order = order_from_token(token[:500])
    if order is None:
        raise Http404
    remember_order(request, order)
    return redirect("returns_portal:order", public_id=order.public_id)


def signed_return_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link sent with a return started for the customer (by the assistant): proves the
    order for this browser session, like the lookup, and opens the return."""
    rma = return_from_token(token[:500])
    if rma is None:
        raise Http404
    remember_order(request, rma.order)
    return redirect("returns_portal:return", public_id=rma.public_id)
