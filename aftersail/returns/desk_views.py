"""Agent pages for returns: the list, one return with its actions, and the customer's
returns section (an include the customer 360 can embed)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from aftersail.accounts.access import agent_required
from aftersail.accounts.actors import Actor
from aftersail.commerce.models import Order
from aftersail.conversations.selectors import visible_customers
from aftersail.returns import claims, reports, services
from aftersail.returns.access import visible_claims, visible_returns
from aftersail.returns.eligibility import Case
from aftersail.returns.models import ReturnItem, ReturnRequest
from aftersail.returns.policies import order_eligibility
from aftersail.returns.selectors import customer_returns_context


@agent_required
def return_list(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    returns = visible_returns(agent).select_related("order", "customer")[:200]
    return render(request, "returns/desk/list.html", {"returns": returns, "agent": agent})


@agent_required
def customer_section(request: HttpRequest, public_id: str) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    customer = get_object_or_404(visible_customers(agent), public_id=public_id)
    return render(request, "returns/desk/customer.html", customer_returns_context(customer, agent))


@agent_required
def return_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    rma = get_object_or_404(
        visible_returns(agent).select_related("order", "customer", "destination", "policy"),
        public_id=public_id,
    )
    language = (agent.languages or ["en"])[0]
    return render(
        request,
        "returns/desk/detail.html",
        {
            "rma": rma,
            "items": rma.items.select_related("order_line"),
            "events": rma.events.select_related("actor_agent__user"),
            "refunds": rma.refunds.all(),
            "eligibility": order_eligibility(rma.order, language=language),
            "grades": ReturnItem.Grade.choices,
            "dispositions": ReturnItem.Disposition.choices,
            "methods": ReturnRequest.Method.choices,
        },
    )


@require_POST
@agent_required
def return_action(request: HttpRequest, public_id: str) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    rma = get_object_or_404(visible_returns(agent), public_id=public_id)
    actor, post, action = Actor.of_agent(agent), request.POST, request.POST.get("action", "")
    try:
        if action == "approve":
            services.do_approve(rma, actor=actor)
        elif action == "reject":
            services.do_reject(rma, post.get("reason", ""), actor=actor)
        elif action == "method":
            services.do_choose_method(rma, post.get("method", ""), actor=actor)
        elif action == "in_transit":
            services.do_mark_in_transit(rma, actor=actor)
        elif action == "receive":
            services.do_receive(rma, actor=actor)
        elif action == "inspect":
            item_id = post.get("item", "")
            if not item_id.isdigit():
                return HttpResponse("unknown item", status=400)
            item = get_object_or_404(rma.items, id=int(item_id))
            services.do_inspect_item(
                item, post.get("grade", ""), post.get("disposition", ""), actor=actor
            )
        elif action == "refund":
            try:
                deduction = Decimal(post.get("deduction") or "0")
            except InvalidOperation:
                raise services.ReturnError("Enter the deduction as a number.") from None
            services.do_refund(rma, actor=actor, deduction=deduction)
        elif action == "close":
            services.do_close(rma, actor=actor)
        else:
            return HttpResponse("unknown action", status=400)
    except services.ReturnError as error:
        messages.error(request, str(error))
    return redirect("returns_desk:detail", public_id=rma.public_id)


@require_POST
@agent_required
def claim_decide(request: HttpRequest, public_id: str) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    claim = get_object_or_404(visible_claims(agent), public_id=public_id)
    try:
        claims.do_decide_claim(
            claim,
            request.POST.get("outcome", ""),
            actor=Actor.of_agent(agent),
            reason=request.POST.get("reason", ""),
        )
    except services.ReturnError as error:
        messages.error(request, str(error))
    return redirect("returns_desk:customer", public_id=claim.customer.public_id)


@agent_required
def report(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    if not (agent.is_admin or agent.is_supervisor):
        raise PermissionDenied("Reports are for supervisors and administrators.")
    returns = visible_returns(agent)
    return render(
        request,
        "returns/desk/report.html",
        {
            "agent": agent,
            "products": reports.product_rates(returns),
            "reasons": reports.reasons_by_market(returns),
            "times": reports.refund_times(returns),
            "dispositions": reports.dispositions(returns),
        },
    )


@require_POST
@agent_required
def start_return(request: HttpRequest, public_id: str) -> HttpResponse:
    """An agent starts a return for the customer (from a phone call or a message)."""
    agent = request.agent  # type: ignore[attr-defined]
    order = get_object_or_404(
        Order.objects.filter(customer__in=visible_customers(agent)), public_id=public_id
    )
    line_id, quantity = request.POST.get("line", ""), request.POST.get("quantity", "1")
    if not line_id.isdigit() or not quantity.isdigit():
        return HttpResponse("choose an item and a quantity", status=400)
    try:
        rma = services.do_request_return(
            order,
            [
                services.Selection(
                    int(line_id),
                    int(quantity),
                    case=request.POST.get("case", Case.CHANGE_OF_MIND),
                    reason=request.POST.get("reason", ""),
                )
            ],
            actor=Actor.of_agent(agent),
            outcome=request.POST.get("outcome", ReturnRequest.Outcome.REFUND),
            channel=ReturnRequest.Channel.AGENT,
        )
    except services.ReturnError as error:
        messages.error(request, str(error))
        return redirect("returns_desk:customer", public_id=order.customer.public_id)
    return redirect("returns_desk:detail", public_id=rma.public_id)
