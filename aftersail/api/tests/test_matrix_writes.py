"""Permission matrix, part 3: every write of the API, for agents and API keys, and what a
team change does to who can read.

- The matrix covers every write the OpenAPI schema lists, and every form a conversation
  page and the inbox post; a new one fails here until it is placed in the matrix.
- Writes that only the API has (opening a conversation, customers, orders, operations, and
  anything an API key does) are checked against a hand-written table for agents and for a
  team-bound and a store-wide key; the customer profile, which the desk edits too, is
  compared with the desk.
- After an allowed move to another team, the outsourced agents read the conversation only
  if it went to their team.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.api.tests.matrix import extras
from aftersail.conversations.actions import NewMessage, do_add_message, do_snooze
from aftersail.conversations.models import Tag
from aftersail.customers.models import Customer
from aftersail.testing.doors import (
    ALLOWED,
    FORBIDDEN,
    HIDDEN,
    INVALID,
    Door,
    as_the_desk_sees_it,
    call_api,
    rehearse,
    state_of,
)

pytestmark = pytest.mark.django_db

# Allowed, Forbidden (403), Unprocessable (422), Hidden (404).
A, F, U, H = ALLOWED, FORBIDDEN, INVALID, HIDDEN

# Every write of the API, and where the matrix decides it.
API_WRITES = {
    "POST /api/v1/conversations": "API_ONLY['open_*']",
    "PATCH /api/v1/conversations/{conversation_id}": "test_matrix_assign, test_matrix_status, KEYS",
    "POST /api/v1/conversations/{conversation_id}/messages": "test_matrix_status, KEYS",
    "POST /api/v1/customers": "API_ONLY['create_customer']",
    "PATCH /api/v1/customers/{customer_id}": "API_ONLY['customer_profile'], "
    "test_customer_profile_desk_and_api_decide_alike",
    "PUT /api/v1/orders/{external_id}": "API_ONLY['push_order']",
    "POST /api/v1/ops/worker-pings": "API_ONLY['worker_ping']",
}

# Every form a conversation page and the inbox post, by path (N: a number, K: a key).
DESK_WRITES = {
    "/desk/conversations/N/assign/": "test_matrix_assign",
    "/desk/conversations/N/status/": "test_matrix_status",
    "/desk/conversations/N/reply/": "test_matrix_status (with and without a macro)",
    "/desk/conversations/N/snooze/": "test_matrix_status (status pending)",
    "/desk/conversations/N/wake/": "test_matrix_status (status open)",
    "/desk/conversations/N/split/": "test_matrix_status (opens a conversation)",
    "/desk/conversations/N/merge/": "test_matrix_status (closes the source)",
    "/desk/conversations/N/priority/": "test_matrix_status",
    "/desk/conversations/N/category/": "test_matrix_status",
    "/desk/bulk/": "test_matrix_assign (assign:*, status:*)",
    # Not a change of team, assignee or status:
    "/desk/conversations/N/tags/": "tags only (check_may_change, as priority)",
    "/desk/language/conversations/N/reply-translated/": "a reply only, no macro",
    "/desk/language/messages/K/translation/": "reads a translation",
    "/desk/customers/K/merge/": "customer records (desk permission matrix)",
    "/desk/logout/": "-",
}
BULK_ACTIONS = {"assign", "status", "category", "tag"}  # category and tag: not in scope


def test_the_matrix_covers_every_write_of_the_api(client):
    schema = client.get("/api/v1/openapi.json").json()
    writes = {
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    }
    assert writes == set(API_WRITES)


def test_the_matrix_covers_every_form_of_the_desk(cast):
    conversation = cast.conversation_a
    do_add_message(conversation, NewMessage(kind="inbound", author_kind="customer", text="Und?"))
    do_snooze(conversation, timezone.now() + timedelta(days=1), Actor.system())
    Tag.objects.create(name="vip")  # the inbox offers "Tag: vip" only when the tag exists
    door = Door(cast.admin)
    html = "".join(
        door.client.get(page).content.decode()
        for page in (f"/desk/conversations/{conversation.id}/", "/desk/")
    )
    posted = set(re.findall(r'<form[^>]*method="post"[^>]*action="([^"?]+)', html))
    posted |= set(re.findall(r'<form[^>]*action="([^"?]+)"[^>]*method="post"', html))
    posted |= set(re.findall(r'hx-post="([^"?]+)"', html))
    normal = {re.sub(r"/[0-9a-f-]{36}/", "/K/", re.sub(r"/\d+/", "/N/", p)) for p in posted}
    assert normal <= set(DESK_WRITES), normal - set(DESK_WRITES)
    assert "/desk/conversations/N/wake/" in normal  # the page was seen in full
    bulk = {v.split(":")[0] for v in re.findall(r'<option value="(\w+):', html)}
    assert bulk == BULK_ACTIONS


CALLERS = ("agent_a", "supervisor_a", "outsourced", "agent_b", "admin", "key_team_a", "key_store")


def _client(cast: Any, bearer: Any, caller: str) -> tuple[Client, dict[str, str]]:
    if caller == "key_team_a":
        return bearer(teams=[cast.team_a]), {}
    if caller == "key_store":
        return bearer(), {}
    door = Door(getattr(cast, caller))
    return door.client, {"HTTP_X_CSRFTOKEN": door.csrf}


def _order() -> dict[str, Any]:
    return {
        "number": "NL-2002",
        "customer": {"email": "new.buyer@mail.example", "name": "Nina Neu"},
        "placed_at": "2026-03-01T10:00:00Z",
        "currency": "EUR",
        "store": "cast",
        "lines": [{"sku": "TENT-2", "name": "Tent", "quantity": 1, "unit_price": "199.00"}],
    }


def _api_only(cast: Any, write: str) -> tuple[str, str, dict[str, Any]]:
    clara = str(cast.customer.public_id)
    return {
        "open_own_team": ("post", "", {"customer": clara, "text": "Hallo?", "team": "Team A"}),
        "open_other_team": ("post", "", {"customer": clara, "text": "Hallo?", "team": "Team B"}),
        "open_no_team": ("post", "", {"customer": clara, "text": "Hallo?"}),
        "create_customer": (
            "post",
            "/api/v1/customers",
            {"name": "Nina Neu", "email": "nina@mail.example", "store": "cast"},
        ),
        "customer_profile": ("patch", f"/api/v1/customers/{clara}", {"name": "Clara K."}),
        "push_order": ("put", "/api/v1/orders/shop-2", _order()),
        "worker_ping": ("post", "/api/v1/ops/worker-pings", {}),
    }[write]


# Decision for agent_a, supervisor_a, outsourced, agent_b, admin, a key of team A, a
# store-wide key. Clara is the customer of Team A's conversation: the others cannot see her.
API_ONLY = {
    # Agents other than admins, and team-bound keys, open conversations only for their own
    # teams (or they could not see what they opened); a customer one cannot see is 404.
    "open_own_team": (A, A, H, H, A, A, A),
    "open_other_team": (F, F, H, H, A, F, A),
    "open_no_team": (F, F, H, H, A, F, A),
    # Only administrators and store-wide keys create customers and push orders.
    "create_customer": (F, F, F, F, A, F, A),
    "push_order": (F, F, F, F, A, F, A),
    # A customer's profile: whoever may see the customer.
    "customer_profile": (A, A, H, H, A, A, A),
    # Operations: administrators only, never a key.
    "worker_ping": (F, F, F, F, A, F, F),
}


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("write", list(API_ONLY))
def test_api_only_writes(cast, bearer, caller, write):
    client, headers = _client(cast, bearer, caller)
    method, path, body = _api_only(cast, write)
    path = path or "/api/v1/conversations"
    count = Customer.objects.count()
    outcome = call_api(client, method, path, body, cast.conversation_a.id, **headers)
    assert outcome.decision == API_ONLY[write][CALLERS.index(caller)], outcome.detail
    if write.startswith("open_"):
        assert outcome.conversations == 3 + (outcome.decision == ALLOWED)
    if write == "create_customer":
        assert Customer.objects.count() == count + (outcome.decision == ALLOWED)
    if write == "customer_profile":
        cast.customer.refresh_from_db()
        assert (cast.customer.name == "Clara K.") is (outcome.decision == ALLOWED)


@pytest.mark.parametrize("role", ["agent_a", "supervisor_a", "outsourced", "agent_b"])
def test_customer_profile_desk_and_api_decide_alike(cast, role):
    door = Door(getattr(cast, role))
    clara = cast.customer
    form = {
        "name": "Clara K.",
        "given_name": clara.given_name,
        "language": clara.language,
        "country": clara.country,
        "time_zone": clara.time_zone,
    }

    def name_after(change: Any) -> tuple[str, str]:
        outcome = change()
        return outcome.decision, Customer.objects.get(id=clara.id).name

    watch = cast.conversation_a.id
    desk = rehearse(
        lambda: name_after(lambda: door.desk(f"/desk/customers/{clara.public_id}/", form, watch))
    )
    api = rehearse(
        lambda: name_after(
            lambda: door.api(
                "patch", f"/api/v1/customers/{clara.public_id}", {"name": "Clara K."}, watch
            )
        )
    )
    sees = role in ("agent_a", "supervisor_a")  # Clara has a conversation of Team A only
    assert api == ((A, "Clara K.") if sees else (H, "Clara Kunde"))
    assert desk == (as_the_desk_sees_it(api[0]), api[1])


# What an API key may do to a conversation (keys have no desk). Team A's conversation and
# Team B's; decision for a key of Team A and a store-wide key.
KEYS = {
    # A team-bound key sees and changes only its teams' conversations ...
    ("team_a", "status"): (A, A),
    ("team_a", "note"): (A, A),
    ("team_a", "agent_a_in_a"): (A, A),
    # ... hands them only to its own teams, and never takes one out of its team.
    ("team_a", "to_team_b"): (F, A),
    ("team_a", "to_team_out"): (F, A),
    ("team_a", "remove_team"): (F, A),
    ("team_a", "agent_b_in_b"): (F, A),
    # The assignee must be a member of the team, whoever asks.
    ("team_a", "agent_b_in_a"): (U, U),
    # Another team's conversation: 404 for the team-bound key; the store-wide key may all.
    ("team_b", "status"): (H, A),
    ("team_b", "note"): (H, A),
    ("team_b", "agent_a_in_a"): (H, A),
    ("team_b", "to_team_out"): (H, A),
    ("team_b", "remove_team"): (H, A),
    ("team_b", "agent_b_in_a"): (H, U),
}


def _key_change(cast: Any, change: str) -> tuple[str, str, dict[str, Any]]:
    a, b = str(cast.agent_a.public_id), str(cast.agent_b.public_id)
    return {
        "status": ("patch", "", {"status": "solved"}),
        "note": ("post", "/messages", {"kind": "note", "text": "From the shop system."}),
        "agent_a_in_a": ("patch", "", {"team": "Team A", "assignee": a}),
        "to_team_b": ("patch", "", {"team": "Team B", "unassign": True}),
        "to_team_out": ("patch", "", {"team": "Team Outsourced", "unassign": True}),
        "remove_team": ("patch", "", {"team": "", "unassign": True}),
        "agent_b_in_b": ("patch", "", {"team": "Team B", "assignee": b}),
        "agent_b_in_a": ("patch", "", {"team": "Team A", "assignee": b}),
    }[change]


@pytest.mark.parametrize("key", ["key_team_a", "key_store"])
@pytest.mark.parametrize(("team", "change"), list(KEYS))
def test_api_keys(cast, bearer, key, team, change):
    client, _headers = _client(cast, bearer, key)
    conversation = cast.conversation_a if team == "team_a" else cast.conversation_b
    method, suffix, body = _key_change(cast, change)
    path = f"/api/v1/conversations/{conversation.public_id}{suffix}"
    before = state_of(conversation.id)
    outcome = call_api(client, method, path, body, conversation.id)
    expected = KEYS[team, change][("key_team_a", "key_store").index(key)]
    assert outcome.decision == expected, outcome.detail
    if expected != ALLOWED:
        assert (outcome.state, outcome.kinds) == (before, ())
    else:
        assert outcome.kinds and set(outcome.kinds) <= {
            "status_changed",
            "message_added",
            "assigned",
        }


# Team A's conversation moved by someone, and whether the outsourced agents read it then.
MOVES = [
    # (who, door, team it goes to, allowed, outsourced read it afterwards)
    ("supervisor_a", "desk", "team_b", True, False),
    ("supervisor_a", "api", "team_b", True, False),
    ("supervisor_a", "desk", None, True, False),
    ("supervisor_a", "desk", "team_out", True, True),
    ("supervisor_a", "api", "team_out", True, True),
    ("key_store", "api", "team_b", True, False),
    ("key_store", "api", "team_out", True, True),
    ("agent_a", "desk", "team_out", False, False),  # the outside check's case
    ("agent_a", "api", "team_out", False, False),
    ("key_team_a", "api", "team_out", False, False),
]


def _reads(agent: Any, conversation: Any) -> set[int]:
    door = Door(agent)
    api = f"/api/v1/conversations/{conversation.public_id}"
    return {
        door.client.get(api).status_code,
        door.client.get(api + "/messages").status_code,
        door.client.get(f"/desk/conversations/{conversation.id}/").status_code,
    }


@pytest.mark.parametrize(("who", "door", "team", "allowed", "readable"), MOVES)
def test_outsourced_agents_read_only_what_reaches_their_team(
    cast, bearer, who, door, team, allowed, readable
):
    conversation = cast.conversation_a
    outsourced = [cast.outsourced, extras(cast)["outsourced_2"]]
    target = getattr(cast, team) if team else None
    if door == "desk":
        mover = Door(getattr(cast, who))
        form = {"team": target.id if target else "", "assignee": ""}
        outcome = mover.desk(
            f"/desk/conversations/{conversation.id}/assign/", form, conversation.id
        )
    else:
        client, headers = _client(cast, bearer, who)
        body = {"team": target.name if target else "", "unassign": True}
        path = f"/api/v1/conversations/{conversation.public_id}"
        outcome = call_api(client, "patch", path, body, conversation.id, **headers)
    assert (outcome.decision == ALLOWED) is allowed, outcome.detail
    moved_to = target.name if target else None
    assert outcome.state.team == (moved_to if allowed else "Team A")
    for agent in outsourced:
        assert _reads(agent, conversation) == ({200} if readable else {404})


def test_the_api_refuses_a_session_write_without_the_csrf_token(cast):
    door = Door(cast.supervisor_a)
    path = f"/api/v1/conversations/{cast.conversation_a.public_id}"
    outcome = call_api(door.client, "patch", path, {"team": "Team B"}, cast.conversation_a.id)
    assert (outcome.decision, outcome.state.team, outcome.kinds) == (FORBIDDEN, "Team A", ())
    assert "CSRF" in outcome.detail
