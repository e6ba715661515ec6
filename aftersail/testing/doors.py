"""Two doors to the same room, for the permission-matrix tests.

The desk (its forms, posted with the session and CSRF token a browser has) and the REST API
(the same session with the CSRF header, or an API key) are driven black-box by URL, each on
a fresh copy of the same state (:func:`rehearse` rolls every change back), and their answers
are reduced to one :class:`Outcome` so that a test can say "both doors decide the same".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.db import transaction
from django.http import HttpResponse
from django.test import Client

from aftersail.accounts.models import Agent
from aftersail.conversations.models import Conversation, ConversationEvent

T = TypeVar("T")

# What a door decided. The desk shows every refusal as an error message on the page it
# redirects to, so it cannot tell FORBIDDEN from INVALID by its status code; the API can.
ALLOWED = "allowed"  # desk: redirect without an error; API: 200 or 201
FORBIDDEN = "forbidden"  # the action's NotAllowed: desk error message; API 403
INVALID = "invalid"  # the action's ActionError: desk error message; API 422
HIDDEN = "hidden"  # the caller may not see the conversation: 404 on both doors
REFUSED = "refused"  # the desk's word for FORBIDDEN and INVALID

CHANGED = re.compile(r"^(\d+) conversations changed")
BULK_PREFIX = re.compile(r"^#\d+: ")
API_DECISIONS = {200: ALLOWED, 201: ALLOWED, 403: FORBIDDEN, 404: HIDDEN, 422: INVALID}


def as_the_desk_sees_it(decision: str) -> str:
    return REFUSED if decision in (FORBIDDEN, INVALID) else decision


@dataclass(frozen=True)
class State:
    """What the matrix compares after a change: who has the conversation, and where it is."""

    team: str | None
    assignee: str | None
    status: str
    snoozed: bool
    merged: bool
    messages: int


@dataclass(frozen=True)
class Outcome:
    decision: str
    detail: str  # the desk's error message(s), or the API's "detail"
    state: State
    kinds: tuple[str, ...]  # kinds of the timeline entries the change wrote, in order
    conversations: int  # how many conversations exist afterwards (split opens one)


def state_of(conversation_id: int) -> State:
    conversation = Conversation.objects.select_related("team", "assignee__user").get(
        id=conversation_id
    )
    return State(
        team=conversation.team.name if conversation.team else None,
        assignee=conversation.assignee.user.email if conversation.assignee else None,
        status=conversation.status,
        snoozed=conversation.snoozed_until is not None,
        merged=conversation.merged_into_id is not None,
        messages=conversation.messages.count(),
    )


def rehearse(change: Callable[[], T]) -> T:
    """Runs ``change`` and undoes everything it wrote, so the next door starts from the
    same state."""
    with transaction.atomic():
        outcome = change()
        transaction.set_rollback(True)
    return outcome


def chain(*steps: Callable[[], Outcome]) -> Outcome:
    """Several requests as one change: stops at the first that is not allowed; the kinds
    are those of every step taken."""
    kinds: tuple[str, ...] = ()
    outcome = None
    for step in steps:
        outcome = step()
        kinds += outcome.kinds
        if outcome.decision != ALLOWED:
            break
    assert outcome is not None
    return replace(outcome, kinds=kinds)


class Door:
    """One person's browser: a logged-in session with its CSRF token, which posts the desk's
    forms and calls the API the way the desk's own pages do."""

    def __init__(self, agent: Agent) -> None:
        self.agent = agent
        self.client = Client(enforce_csrf_checks=True)
        self.client.force_login(agent.user)
        page = self.client.get("/desk/")
        assert page.status_code == 200, page.status_code
        self.csrf = self.client.cookies["csrftoken"].value

    def desk(self, path: str, data: dict[str, Any], watch: int) -> Outcome:
        """POSTs a form of a conversation page; ``watch`` is the conversation whose state
        is compared. 404: the agent may not see it; an error message: refused."""
        events = _last_event_id()
        response, errors, _changed = self._post(path, data)
        if response.status_code == 404:
            return _outcome(HIDDEN, "", watch, events)
        return _outcome(REFUSED if errors else ALLOWED, errors, watch, events)

    def bulk(self, ids: list[int], action: str, watch: int) -> Outcome:
        """The inbox's bulk form. It skips conversations the agent may not see (nothing
        changed, no error: HIDDEN) and reports each refusal as an error message."""
        events = _last_event_id()
        _response, errors, changed = self._post("/desk/bulk/", {"ids": ids, "action": action})
        if errors:  # "#12: <the action's reason>"
            return _outcome(REFUSED, BULK_PREFIX.sub("", errors), watch, events)
        return _outcome(ALLOWED if changed else HIDDEN, "", watch, events)

    def _post(self, path: str, data: dict[str, Any]) -> tuple[HttpResponse, str, int]:
        """The response, its error messages, and the number in "N conversations changed"."""
        self.client.cookies.pop("messages", None)  # only this request's messages count
        response = self.client.post(path, {**data, "csrfmiddlewaretoken": self.csrf})
        assert response.status_code in (302, 404), (response.status_code, response.content)
        shown = list(get_messages(response.wsgi_request))  # type: ignore[attr-defined]
        errors = " | ".join(str(m) for m in shown if m.level == message_levels.ERROR)
        counts = [CHANGED.match(str(m)) for m in shown if m.level == message_levels.SUCCESS]
        changed = sum(int(match.group(1)) for match in counts if match)
        return response, errors, changed

    def api(self, method: str, path: str, body: dict[str, Any] | None, watch: int) -> Outcome:
        return call_api(self.client, method, path, body, watch, HTTP_X_CSRFTOKEN=self.csrf)


def call_api(
    client: Client,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    watch: int,
    **headers: str,
) -> Outcome:
    """Calls the API with ``client`` (a session or a bearer client)."""
    events = _last_event_id()
    response = getattr(client, method)(
        path, json.dumps(body) if body is not None else None, "application/json", **headers
    )
    assert response.status_code in API_DECISIONS, (response.status_code, response.content)
    detail = response.json().get("detail", "") if response.status_code >= 400 else ""
    return _outcome(API_DECISIONS[response.status_code], str(detail), watch, events)


def _last_event_id() -> int:
    return ConversationEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _outcome(decision: str, detail: str, watch: int, events: int) -> Outcome:
    kinds = ConversationEvent.objects.filter(id__gt=events).order_by("id")
    return Outcome(
        decision=decision,
        detail=detail,
        state=state_of(watch),
        kinds=tuple(kinds.values_list("kind", flat=True)),
        conversations=Conversation.objects.count(),
    )
