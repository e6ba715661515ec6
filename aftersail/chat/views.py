"""HTTP side of the chat: the widget script, file uploads from the widget, and the agent's
availability switch and live include in the desk."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aftersail.accounts.access import agent_required
from aftersail.chat import services
from aftersail.chat.live import desk_group, push
from aftersail.chat.models import AgentPresence
from aftersail.chat.sessions import check_origin, normalize_origin, session_from_token
from aftersail.chat.strings import widget_strings
from aftersail.chat.uploads import do_upload
from aftersail.commerce.models import Store
from aftersail.commerce.selectors import portal_store
from aftersail.conversations.selectors import visible_conversations

WIDGET_JS = Path(__file__).parent / "static" / "chat" / "widget.js"


@require_GET
def widget_js(request: HttpRequest) -> HttpResponse:
    """The widget with its texts in every shipped language, so that the button speaks the
    visitor's language before any connection is opened."""
    catalog = {code: widget_strings(code) for code, _name in settings.LANGUAGES}
    # Escape "<" so that no text can ever close a surrounding <script> element.
    table = json.dumps(catalog, ensure_ascii=False).replace("<", "\\u003c")
    source = WIDGET_JS.read_text(encoding="utf-8").replace("/*STRINGS*/", f"{table} || ", 1)
    response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def demo_shop(request: HttpRequest) -> HttpResponse:
    """A stand-in for a shop's page with the widget, to try the chat without a shop."""
    store = portal_store()
    if store is None:
        raise Http404("no store")
    widget_url = settings.SITE_URL.rstrip("/") + reverse("chat:widget")
    return render(request, "chat/demo_shop.html", {"store": store, "widget_url": widget_url})


def _cors(response: HttpResponse, origin: str) -> HttpResponse:
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Vary"] = "Origin"
    return response


@csrf_exempt  # authenticated by the signed session token, not a cookie
@require_http_methods(["POST", "OPTIONS"])
def upload(request: HttpRequest, store: str) -> HttpResponse:
    shop = get_object_or_404(Store, slug=store)
    origin = request.headers.get("Origin", "")
    if origin and not check_origin(shop, origin):
        return HttpResponse(status=403)
    allowed_origin = normalize_origin(origin) if origin else ""
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = "POST"
        return _cors(response, allowed_origin)
    session = session_from_token(request.POST.get("token"), shop)
    file = request.FILES.get("file")
    if session is None or file is None:
        return _cors(JsonResponse({"error": "bad_request"}, status=400), allowed_origin)
    try:
        message = do_upload(session, file)
    except services.ChatError as error:
        status = {"too_fast": 429, "too_large": 413, "file_type": 415}.get(error.code, 400)
        return _cors(JsonResponse({"error": error.code}, status=status), allowed_origin)
    push(desk_group(message.conversation_id), {"type": "chat.flush"})
    wire = services.wire_messages(message.conversation_id, message.id - 1)[0]
    return _cors(JsonResponse(wire.payload, status=201), allowed_origin)


@agent_required
@require_POST
def presence(request: HttpRequest) -> HttpResponse:
    """The agent's "available for chat" switch."""
    available = request.POST.get("available") == "1"
    services.do_set_presence(request.agent, available)  # type: ignore[attr-defined]
    return render(request, "chat/presence.html", {"available": available})


@agent_required
@require_GET
def presence_switch(request: HttpRequest) -> HttpResponse:
    found = AgentPresence.objects.filter(agent=request.agent).first()  # type: ignore[attr-defined]
    return render(request, "chat/presence.html", {"available": bool(found and found.available)})


@agent_required
@require_GET
def live(request: HttpRequest, number: int) -> HttpResponse:
    """The include for a chat conversation's page: live messages, typing, a quick reply."""
    conversation = get_object_or_404(
        visible_conversations(request.agent),  # type: ignore[attr-defined]
        id=number,
    )
    return render(request, "chat/desk_live.html", {"conversation": conversation})
