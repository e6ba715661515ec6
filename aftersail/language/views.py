"""Desk endpoints for translation: a message in the agent's language, a reply sent
translated. Both answer with small HTML fragments (``templates/language/``) that the desk
includes or swaps in with htmx."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from aftersail.accounts.access import agent_required
from aftersail.conversations.models import Message
from aftersail.conversations.selectors import visible_conversations
from aftersail.language.providers import NotConfigured, TranslationError
from aftersail.language.translation import (
    agent_language,
    do_send_translated_reply,
    is_configured,
    translate_for_agent,
)

MAX_REPLY_CHARS = 20_000


@require_POST
@agent_required
def translate_message(request: HttpRequest, public_id: str) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    message = get_object_or_404(
        Message.objects.select_related("conversation__store").exclude(kind=Message.Kind.NOTE),
        public_id=public_id,
        conversation__in=visible_conversations(agent),
    )
    context: dict[str, object] = {"message": message, "target": agent_language(agent)}
    status = 200
    try:
        context["translation"] = translate_for_agent(message, agent)
        context["same_language"] = context["translation"] is None
    except NotConfigured:
        context["not_configured"] = True
    except TranslationError:
        context["failed"] = True
        status = 502
    return render(request, "language/_translation.html", context, status=status)


@require_POST
@agent_required
def reply_translated(request: HttpRequest, number: int) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    conversation = get_object_or_404(visible_conversations(agent), id=number)
    text = request.POST.get("text", "").strip()
    context = {"conversation": conversation, "text": text, "configured": True}
    if not text or len(text) > MAX_REPLY_CHARS:
        context["invalid"] = True
        return render(request, "language/_reply_translated.html", context, status=422)
    if not is_configured(conversation.store):
        context["configured"] = False
        return render(request, "language/_reply_translated.html", context, status=409)
    try:
        do_send_translated_reply(conversation, agent, text)
    except TranslationError:
        context["failed"] = True
        return render(request, "language/_reply_translated.html", context, status=502)
    return redirect("desk:conversation", number=conversation.id)
