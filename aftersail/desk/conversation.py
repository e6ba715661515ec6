"""A conversation page: the whole thread, the customer 360, and every change an agent makes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.contrib import messages
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersail.accounts.access import agent_required
from aftersail.accounts.actors import Actor
from aftersail.accounts.models import Agent, Team
from aftersail.commerce.models import Order
from aftersail.conversations import actions
from aftersail.conversations.models import Category, Conversation, Message, Priority, Status
from aftersail.conversations.selectors import assignable_teams, visible_conversations
from aftersail.core.errors import ActionError
from aftersail.customers.selectors import customer_local_now
from aftersail.desk.queues import assignable_agent_choices
from aftersail.macros.actions import do_apply_macro_actions
from aftersail.macros.selectors import choose_variant, fill, macros_for, placeholder_values

MAX_TEXT = 50_000


def visible_conversation(agent: Agent, number: int) -> Conversation:
    # The page needs only merged_into's id; joining it as well doubled PostgreSQL's
    # planning time for this query (an eighth table in the join search).
    return get_object_or_404(
        visible_conversations(agent).select_related(
            "customer", "team", "assignee__user", "order", "store"
        ),
        id=number,
    )


@agent_required
def conversation_detail(request: HttpRequest, number: int) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    conversation = visible_conversation(agent, number)
    thread = (
        conversation.messages.select_related("author_agent__user")
        .prefetch_related("attachments")
        .order_by("created_at", "id")
    )
    customer = conversation.customer
    orders = list(
        Order.objects.filter(customer=customer)
        .prefetch_related("lines", "shipments")
        .order_by("-placed_at")[:10]
    )
    totals = Order.objects.filter(customer=customer).aggregate(
        count=Count("id"), value=Sum("total")
    )
    past = (
        visible_conversations(agent)
        .filter(customer=customer)
        .exclude(id=conversation.id)
        .order_by("-last_message_at")[:20]
    )
    values = placeholder_values(conversation, agent, recent_orders=orders)
    macro_choices = []
    for macro in macros_for(conversation):
        variant = choose_variant(macro, conversation.language)
        if variant is not None:
            macro_choices.append((macro, variant.language, fill(variant.body, values)))
    return render(
        request,
        "desk/conversation.html",
        {
            "conversation": conversation,
            "messages_list": thread,
            "customer": customer,
            "customer_now": customer_local_now(customer),
            "orders": orders,
            "order_count": totals["count"],
            "lifetime_value": totals["value"],
            "past_conversations": past,
            "tags": [tag.name for tag in conversation.tags.all()],
            "macros": macro_choices,
            "statuses": Status.choices,
            "priorities": Priority.choices,
            "categories": Category.choices,
            "agents": assignable_agent_choices(agent),
            "teams": list(assignable_teams(agent)),
            "message_kinds": Message.Kind,
            "agent": agent,
        },
    )


Action = Callable[[HttpRequest, Agent, Conversation], str | None]


def _reply(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    kind = Message.Kind.NOTE if request.POST.get("kind") == "note" else Message.Kind.REPLY
    text = (request.POST.get("text") or "").replace("\x00", "")[:MAX_TEXT]
    macro = None
    slug = (request.POST.get("macro") or "").replace("\x00", "")
    if slug:
        macro = macros_for(conversation).filter(slug=slug[:80]).first()
        if macro is None:
            raise ActionError(_("Unknown macro."))
        if not text.strip():
            variant = choose_variant(macro, conversation.language)
            text = fill(variant.body, placeholder_values(conversation, agent)) if variant else ""
    uploads = [
        actions.Upload(
            f.name or "attachment", f.read(), f.content_type or "application/octet-stream"
        )
        for f in request.FILES.getlist("attachments")
    ]
    language = ""
    if macro is not None and kind == Message.Kind.REPLY:
        variant = choose_variant(macro, conversation.language)
        language = variant.language if variant else ""
    actions.do_agent_message(
        conversation, agent, kind=kind, text=text, uploads=uploads, language=language
    )
    if macro is not None:
        do_apply_macro_actions(macro, conversation, agent)
    return _("Internal note added.") if kind == Message.Kind.NOTE else _("Reply sent.")


def _status(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    actions.do_change_status(conversation, request.POST.get("status", ""), Actor.of_agent(agent))
    return None


def _priority(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    actions.do_change_priority(
        conversation, request.POST.get("priority", ""), Actor.of_agent(agent)
    )
    return None


def _category(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    actions.do_change_category(
        conversation, request.POST.get("category", ""), Actor.of_agent(agent)
    )
    return None


def _tags(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    add = [t for t in (request.POST.get("add") or "").split(",") if t.strip()][:20]
    remove = request.POST.getlist("remove")[:20]
    actions.do_change_tags(conversation, Actor.of_agent(agent), add=add, remove=remove)
    return None


def _assign(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    """Reads the chosen team and agent; whether this agent may hand the conversation there
    is the action's to decide, as it is for the API."""
    team_id, agent_id = request.POST.get("team", ""), request.POST.get("assignee", "")
    team = Team.objects.filter(id=int(team_id)).first() if team_id.isdigit() else None
    if team_id and team is None:
        raise ActionError(_("Unknown team."))
    if agent_id == "me":
        assignee: Agent | None = agent
        team = team or actions.team_for_assignee(conversation, agent)
    else:
        assignee = (
            Agent.objects.select_related("user").filter(id=int(agent_id)).first()
            if agent_id.isdigit()
            else None
        )
        if agent_id and assignee is None:
            raise ActionError(_("Unknown agent."))
    actions.do_assign(conversation, team=team, agent=assignee, actor=Actor.of_agent(agent))
    return _("Assignment changed.")


def _merge(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    into = request.POST.get("into", "").lstrip("#")
    target = visible_conversations(agent).filter(id=int(into)).first() if into.isdigit() else None
    if target is None:
        raise ActionError(_("Choose a conversation you can see."))
    actions.do_merge(conversation, target, Actor.of_agent(agent))
    return _("Merged into #%(n)d.") % {"n": target.id}


def _split(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    message = conversation.messages.filter(public_id=_uuid(request.POST.get("message"))).first()
    if message is None:
        raise ActionError(_("Unknown message."))
    new = actions.do_split(message, Actor.of_agent(agent))
    return _("Split into #%(n)d.") % {"n": new.id}


def _snooze(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    raw = (request.POST.get("until") or "")[:32]
    try:
        until = datetime.fromisoformat(raw)
    except ValueError as error:
        raise ActionError(_("Give a date and time.")) from error
    if until.tzinfo is None:  # the form gives the agent's wall clock
        until = timezone.make_aware(until, timezone.get_current_timezone())
    actions.do_snooze(conversation, until, Actor.of_agent(agent))
    return _("Snoozed.")


def _wake(request: HttpRequest, agent: Agent, conversation: Conversation) -> str | None:
    actions.do_wake(conversation, Actor.of_agent(agent), reason="agent")
    return None


def _uuid(value: str | None) -> str:
    import uuid

    try:
        return str(uuid.UUID((value or "")[:64]))
    except ValueError:
        return "00000000-0000-0000-0000-000000000000"


ACTIONS: dict[str, Action] = {
    "reply": _reply,
    "status": _status,
    "priority": _priority,
    "category": _category,
    "tags": _tags,
    "assign": _assign,
    "merge": _merge,
    "split": _split,
    "snooze": _snooze,
    "wake": _wake,
}


@require_POST
@agent_required
def conversation_action(request: HttpRequest, number: int, action: str) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    handler = ACTIONS.get(action)
    if handler is None:
        raise Http404("unknown action")
    conversation = visible_conversation(agent, number)
    try:
        notice = handler(request, agent, conversation)
    except ActionError as error:
        messages.error(request, str(error))
        return redirect("desk:conversation", conversation.id)
    if notice:
        messages.success(request, notice)
    return redirect("desk:conversation", conversation.id)
