"""The conversations API, for every member of the cast."""

import pytest

pytestmark = pytest.mark.django_db
BASE = "/api/v1/conversations"


def _ids(response):
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("member", [None, "customer_user"])
def test_callers_without_an_agent_profile_are_refused(cast, login, member):
    client = login(getattr(cast, member) if member else None)
    assert client.get(BASE).status_code == 401
    assert client.get(f"{BASE}/{cast.conversation_a.public_id}").status_code == 401


@pytest.mark.parametrize(
    ("member", "visible"),
    [
        ("admin", {"a", "b", "out"}),
        ("agent_a", {"a"}),
        ("agent_b", {"b"}),
        ("outsourced", {"out"}),
        ("supervisor_a", {"a"}),
    ],
)
def test_list_detail_and_messages_follow_visibility(cast, login, member, visible):
    client = login(getattr(cast, member).user)
    by_name = {"a": cast.conversation_a, "b": cast.conversation_b, "out": cast.conversation_out}
    listed = client.get(BASE)
    assert listed.status_code == 200
    assert _ids(listed) == {str(by_name[n].public_id) for n in visible}
    assert listed.json()["count"] == len(visible)
    for name, conversation in by_name.items():
        expected = 200 if name in visible else 404
        assert client.get(f"{BASE}/{conversation.public_id}").status_code == expected
        assert client.get(f"{BASE}/{conversation.public_id}/messages").status_code == expected


def test_conversation_shape(cast, login):
    client = login(cast.agent_a.user)
    body = client.get(f"{BASE}/{cast.conversation_a.public_id}").json()
    assert body["number"] == cast.conversation_a.id
    assert body["store"] == "cast"
    assert body["customer"] == str(cast.customer.public_id)
    assert body["team"] == "Team A"
    assert body["assignee"] is None
    assert body["order_number"] is None
    assert (body["status"], body["channel"], body["language"]) == ("new", "email", "de")
    messages = client.get(f"{BASE}/{cast.conversation_a.public_id}/messages").json()
    assert [m["body_text"] for m in messages["items"]] == ["Wo ist mein Paket?"]


def test_filters(cast, login):
    client = login(cast.admin.user)
    cast.conversation_b.status = "pending"
    cast.conversation_b.save()
    assert _ids(client.get(BASE, {"status": "pending"})) == {str(cast.conversation_b.public_id)}
    assert _ids(client.get(BASE, {"language": "DE"})) == {str(cast.conversation_a.public_id)}
    assert client.get(BASE, {"channel": "chat"}).json()["count"] == 0


@pytest.mark.parametrize(
    "query",
    [
        {"status": "lost"},
        {"channel": "pigeon"},
        {"limit": "-5"},
        {"offset": "abc"},
        {"language": "x" * 100},
        {"limit": "100000"},
    ],
)
def test_bad_queries_get_422(cast, login, query):
    client = login(cast.admin.user)
    response = client.get(BASE, query)
    assert response.status_code == 422
    assert "detail" in response.json()


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "1", "' OR 1=1 --"])
def test_bad_ids_get_422(cast, login, bad_id):
    client = login(cast.admin.user)
    assert client.get(f"{BASE}/{bad_id}").status_code == 422


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "Aftersail API"
    assert "/api/v1/conversations" in schema.json()["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in docs.content.decode()  # no CDN needed
