"""The agent desk: login, the inbox, a conversation."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from aftersail.accounts.access import agent_required
from aftersail.commerce.models import Order
from aftersail.conversations.models import Message
from aftersail.conversations.visibility import visible_conversations
from aftersail.customers.local_time import customer_local_now
from aftersail.desk.forms import DeskLoginForm

INBOX_PAGE_SIZE = 50


class LoginView(auth_views.LoginView):
    template_name = "desk/login.html"
    authentication_form = DeskLoginForm
    redirect_authenticated_user = True


@agent_required
def inbox(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    conversations = visible_conversations(agent).select_related(
        "customer", "team", "assignee__user"
    )
    page = Paginator(conversations, INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "desk/inbox.html", {"page": page, "agent": agent})


@agent_required
def conversation_detail(request: HttpRequest, number: int) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    conversation = get_object_or_404(
        visible_conversations(agent).select_related(
            "customer", "team", "assignee__user", "order", "store"
        ),
        id=number,
    )
    messages = (
        conversation.messages.select_related("author_agent__user")
        .prefetch_related("attachments")
        .order_by("created_at", "id")
    )
    customer = conversation.customer
    orders = (
        Order.objects.filter(customer=customer)
        .prefetch_related("lines", "shipments")
        .order_by("-placed_at")[:10]
    )
    return render(
        request,
        "desk/conversation.html",
        {
            "conversation": conversation,
            "messages": messages,
            "customer": customer,
            "customer_now": customer_local_now(customer),
            "orders": orders,
            "message_kinds": Message.Kind,
            "agent": agent,
        },
    )
