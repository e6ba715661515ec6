"""API keys: hashed, scoped, store- and team-bound, revocable."""

import hashlib
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from aftersail.api.keys import ApiKeyError, do_create_api_key, key_for_token
from aftersail.api.models import ApiKey
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db
BASE = "/api/v1/conversations"


def test_only_the_hash_of_the_token_is_stored(cast):
    key, token = do_create_api_key(name="Sync", store=cast.store, scopes=["search"])
    assert token.startswith("as_") and len(token) > 40
    stored = ApiKey.objects.get(id=key.id)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {stored.prefix, stored.token_hash, stored.name}
    assert stored.prefix == token[:10]


def test_unknown_scopes_and_empty_names_are_refused(cast):
    with pytest.raises(ApiKeyError, match="unknown scope"):
        do_create_api_key(name="Sync", store=cast.store, scopes=["everything"])
    with pytest.raises(ApiKeyError, match="needs a name"):
        do_create_api_key(name=" ", store=cast.store, scopes=[])


def test_last_use_is_stamped_at_most_once_a_minute(cast):
    key, token = do_create_api_key(name="Sync", store=cast.store, scopes=["search"])
    with time_machine.travel("2026-03-02 10:00:00Z", tick=False):
        assert key_for_token(token).id == key.id
    with time_machine.travel("2026-03-02 10:00:30Z", tick=False):
        key_for_token(token)
    key.refresh_from_db()
    assert key.last_used_at.isoformat() == "2026-03-02T10:00:00+00:00"
    with time_machine.travel("2026-03-02 10:01:00Z", tick=False):
        key_for_token(token)
    key.refresh_from_db()
    assert key.last_used_at.isoformat() == "2026-03-02T10:01:00+00:00"


@pytest.mark.parametrize(
    "header",
    ["Bearer as_wrong", "Bearer ", "Basic abc", "Bearer " + "as_" + "x" * 5000, "Bearer as_\x00"],
)
def test_unknown_or_malformed_tokens_get_401(cast, header):
    assert Client(HTTP_AUTHORIZATION=header).get(BASE).status_code == 401


def test_a_revoked_key_gets_401(cast, bearer):
    client = bearer()
    assert client.get(BASE).status_code == 200
    client.key.revoke()
    response = client.get(BASE)
    assert response.status_code == 401


def test_a_key_sees_its_store_and_when_bound_only_its_teams(cast, bearer):
    other_store = f.make_store()
    stranger = f.make_customer(other_store)
    f.make_conversation(stranger, team=cast.team_a)
    everything = bearer().get(BASE).json()
    assert {c["id"] for c in everything["items"]} == {str(c.public_id) for c in cast.conversations}
    bound = bearer(teams=[cast.team_b]).get(BASE).json()
    assert [c["id"] for c in bound["items"]] == [str(cast.conversation_b.public_id)]


def test_key_bearer_needs_no_csrf_token(cast, bearer):
    client = bearer()
    client.handler.enforce_csrf_checks = True
    response = client.post(
        f"{BASE}/{cast.conversation_a.public_id}/messages",
        {"kind": "note", "text": "Checked with the warehouse."},
        content_type="application/json",
    )
    assert response.status_code == 201


def test_ops_endpoints_refuse_api_keys(cast, bearer):
    assert bearer().post("/api/v1/ops/worker-pings").status_code == 403


def test_create_api_key_command_prints_the_token_once(cast):
    out, err = StringIO(), StringIO()
    call_command(
        "create_api_key",
        "Shopify",
        "--store",
        "cast",
        "--scope",
        "search",
        "--team",
        "Team A",
        stdout=out,
        stderr=err,
    )
    token = out.getvalue().strip()
    key = key_for_token(token)
    assert key.scopes == ["search"]
    assert [t.name for t in key.teams.all()] == ["Team A"]
    assert "Token" in err.getvalue()


def test_admin_creates_a_key_and_sees_the_token_once(cast, login):
    client = login(cast.admin.user)
    response = client.post(
        "/admin/api/apikey/add/",
        {
            "name": "Shopify",
            "store": cast.store.id,
            "scopes": ["search", "orders:write"],
            "teams": [cast.team_a.id],
        },
        follow=True,
    )
    assert response.status_code == 200
    key = ApiKey.objects.get()
    assert key.scopes == ["search", "orders:write"]
    assert list(key.teams.all()) == [cast.team_a]
    shown = [str(m) for m in response.context["messages"]]
    (notice,) = [m for m in shown if m.startswith("The token of")]
    token = notice.split(" is ")[1].split(" ")[0]
    assert key_for_token(token) == key
    client.post(
        "/admin/api/apikey/",
        {"action": "revoke", "_selected_action": [key.id]},
    )
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert key_for_token(token) is None
