"""The agent desk: login and the inbox with its queues, filters and bulk actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersail.accounts.access import agent_required
from aftersail.conversations.models import Category, Channel, Status, Tag
from aftersail.desk.forms import DeskLoginForm
from aftersail.desk.inbox_rows import ROW_FIELDS, inbox_rows
from aftersail.desk.paging import capped_page
from aftersail.desk.queues import (
    QUEUES,
    InboxFilters,
    assignable_agent_choices,
    do_bulk,
    queue_conversations,
)

INBOX_PAGE_SIZE = 50
# The inbox says "1000+" rather than counting every visible conversation.
INBOX_COUNT_CAP = 1000


class LoginView(auth_views.LoginView):
    template_name = "desk/login.html"
    authentication_form = DeskLoginForm
    redirect_authenticated_user = True


@agent_required
def inbox(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    filters = InboxFilters.from_query(request.GET)
    conversations = queue_conversations(agent, filters)
    page = capped_page(
        conversations, request.GET.get("page"), INBOX_PAGE_SIZE, INBOX_COUNT_CAP, ROW_FIELDS
    )
    return render(
        request,
        "desk/inbox.html",
        {
            "page": page,
            "rows": inbox_rows(page.rows),
            "agent": agent,
            "filters": filters,
            "filter_query": filters.as_query(),
            "queues": QUEUES,
            "statuses": Status.choices,
            "channels": Channel.choices,
            "categories": Category.choices,
            "agents": assignable_agent_choices(agent),
            "tags": list(Tag.objects.values_list("name", flat=True)[:200]),
        },
    )


@require_POST
@agent_required
def bulk(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit() and len(v) < 12]
    action, _sep, value = (request.POST.get("action") or "").partition(":")
    if not ids:
        messages.warning(request, _("Select at least one conversation."))
    else:
        result = do_bulk(agent, ids, action, value.strip()[:50])
        messages.success(request, _("%(n)d conversations changed.") % {"n": result.changed})
        for reason in result.refused[:10]:
            messages.error(request, reason)
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/desk/") and "//" not in back else "desk:inbox")
