"""Writing through the API: conversations, messages, customers and orders."""

import pytest

from aftersail.commerce.models import Order
from aftersail.conversations.models import ConversationEvent, Message
from aftersail.customers.models import Customer
from aftersail.shipping.models import Shipment
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


def _json(client, method, path, body):
    return getattr(client, method)(path, body, content_type="application/json")


def test_open_a_conversation_with_a_first_message(cast, bearer, django_capture_on_commit_callbacks):
    client = bearer()
    with django_capture_on_commit_callbacks(execute=True):
        response = _json(
            client,
            "post",
            "/api/v1/conversations",
            {
                "customer": str(cast.customer.public_id),
                "text": "Mein Zelt ist gerissen.",
                "subject": "Zelt",
                "team": "Team A",
                "language": "DE",
            },
        )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["channel"], body["team"], body["language"], body["subject"]) == (
        "api",
        "Team A",
        "de",
        "Zelt",
    )
    message = Message.objects.get(conversation__public_id=body["id"])
    assert (message.kind, message.body_text) == ("inbound", "Mein Zelt ist gerissen.")
    assert message.processed_at is not None  # the inbound pipeline ran
    created = ConversationEvent.objects.get(conversation__public_id=body["id"], kind="created")
    assert created.actor_kind == "api"


def test_patch_records_each_change_on_the_timeline(cast, login):
    client = login(cast.supervisor_a.user)
    a = cast.conversation_a
    response = _json(
        client,
        "patch",
        f"/api/v1/conversations/{a.public_id}",
        {
            "status": "pending",
            "priority": "urgent",
            "category": "return",
            "assignee": str(cast.agent_a.public_id),
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["priority"], body["category"], body["assignee"]) == (
        "pending",
        "urgent",
        "return",
        str(cast.agent_a.public_id),
    )
    kinds = list(a.events.order_by("id").values_list("kind", "actor_kind"))[-4:]
    assert kinds == [
        ("status_changed", "agent"),
        ("priority_changed", "agent"),
        ("category_changed", "agent"),
        ("assigned", "agent"),
    ]
    again = _json(client, "patch", f"/api/v1/conversations/{a.public_id}", {"status": "pending"})
    assert again.status_code == 200
    assert a.events.count() == 6  # nothing new


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"assignee": str(__import__("uuid").UUID(int=7))}, "No agent"),
        ({"team": "Team Nowhere"}, "No team"),
    ],
)
def test_patch_with_unknown_people_is_422(cast, login, body, message):
    client = login(cast.admin.user)
    response = _json(
        client, "patch", f"/api/v1/conversations/{cast.conversation_a.public_id}", body
    )
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_assigning_outside_the_team_is_422(cast, login):
    client = login(cast.admin.user)
    response = _json(
        client,
        "patch",
        f"/api/v1/conversations/{cast.conversation_a.public_id}",
        {"assignee": str(cast.agent_b.public_id)},
    )
    assert response.status_code == 422
    assert "not a member" in response.json()["detail"]


def test_reply_is_queued_for_delivery_and_note_is_not(cast, login):
    client = login(cast.agent_a.user)
    path = f"/api/v1/conversations/{cast.conversation_a.public_id}/messages"
    reply = _json(
        client, "post", path, {"kind": "reply", "html": "<p>Ist unterwegs.</p><script>x</script>"}
    )
    note = _json(client, "post", path, {"kind": "note", "text": "DHL angefragt"})
    assert (reply.status_code, note.status_code) == (201, 201)
    stored = Message.objects.get(public_id=reply.json()["id"])
    assert (stored.author_agent, stored.body_text, stored.delivery) == (
        cast.agent_a,
        "Ist unterwegs.",
        "pending",
    )
    assert "<script>" not in stored.body_html
    assert Message.objects.get(public_id=note.json()["id"]).delivery == ""
    empty = _json(client, "post", path, {"kind": "reply", "text": "  "})
    assert empty.status_code == 422
    assert _json(client, "post", path, {"kind": "inbound", "text": "x"}).status_code == 422


def test_customers_create_update_and_filter(cast, bearer):
    client = bearer()
    created = _json(
        client,
        "post",
        "/api/v1/customers",
        {
            "name": "Émile Durand",
            "email": " Emile@Mail.example ",
            "language": "FR",
            "country": "fr",
            "time_zone": "Europe/Paris",
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["email"], body["language"], body["country"], body["given_name"]) == (
        "emile@mail.example",
        "fr",
        "FR",
        "Émile",
    )
    twice = _json(client, "post", "/api/v1/customers", {"name": "E", "email": "emile@mail.example"})
    assert twice.status_code == 422
    assert "exists already" in twice.json()["detail"]
    bad_zone = _json(client, "patch", f"/api/v1/customers/{body['id']}", {"time_zone": "Mars/Base"})
    assert bad_zone.status_code == 422
    changed = _json(client, "patch", f"/api/v1/customers/{body['id']}", {"given_name": "Émile D."})
    assert changed.json()["given_name"] == "Émile D."
    found = client.get("/api/v1/customers", {"email": "EMILE@mail.example"}).json()
    assert [c["id"] for c in found["items"]] == [body["id"]]
    assert (
        _json(client, "post", "/api/v1/customers", {"name": "X", "email": "no"}).status_code == 422
    )


ORDER = {
    "number": "NL-5001",
    "customer": {"email": "buyer@mail.example", "name": "Bea Buyer"},
    "placed_at": "2026-03-01T10:00:00Z",
    "currency": "eur",
    "shipping_total": "4.90",
    "ship_to": {"name": "Bea Buyer", "city": "Lyon", "country": "FR"},
    "lines": [
        {"sku": "TENT-2", "name": "Tent", "quantity": 1, "unit_price": "199.00"},
        {"sku": "PEG-10", "name": "Pegs", "quantity": 2, "unit_price": "5.50"},
    ],
    "shipments": [
        {
            "carrier": "dhl",
            "tracking_number": "JJD000390007",
            "status": "in_transit",
            "items": {"TENT-2": 1},
        },
    ],
}


def test_orders_are_idempotent_by_the_shops_id(cast, bearer):
    client = bearer()
    first = _json(client, "put", "/api/v1/orders/gid-77", ORDER)
    assert first.status_code == 201, first.content
    body = first.json()
    assert (body["number"], body["currency"], body["subtotal"], body["total"]) == (
        "NL-5001",
        "EUR",
        "210.00",
        "214.90",
    )
    assert [s["tracking_number"] for s in body["shipments"]] == ["JJD000390007"]
    second = _json(client, "put", "/api/v1/orders/gid-77", ORDER)
    assert second.status_code == 200
    assert second.json()["id"] == body["id"]
    assert (Order.objects.count(), Customer.objects.filter(name="Bea Buyer").count()) == (1, 1)
    line_ids = set(Order.objects.get().lines.values_list("id", flat=True))
    _json(client, "put", "/api/v1/orders/gid-77", ORDER)
    assert set(Order.objects.get().lines.values_list("id", flat=True)) == line_ids
    shipped = {
        **ORDER,
        "status": "delivered",
        "shipments": [
            {**ORDER["shipments"][0], "status": "delivered"},
            {"carrier": "dhl", "tracking_number": "JJD000390008", "items": {"PEG-10": 2}},
        ],
    }
    updated = _json(client, "put", "/api/v1/orders/gid-77", shipped).json()
    assert updated["status"] == "delivered"
    assert sorted((s["tracking_number"], s["status"]) for s in updated["shipments"]) == [
        ("JJD000390007", "delivered"),
        ("JJD000390008", "no_info"),
    ]
    assert Shipment.objects.get(tracking_number="JJD000390008").items.get().quantity == 2
    assert client.get("/api/v1/orders/gid-77").json()["number"] == "NL-5001"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"shipments": [{"carrier": "dhl", "tracking_number": "X1", "items": {"NOPE": 1}}]},
            "unknown sku",
        ),
        ({"ship_to": {"country": "ZZ"}}, "ship_to_country"),
        ({"number": "TAKEN"}, "another order has the number"),
    ],
)
def test_bad_orders_are_422(cast, bearer, change, message):

    f.make_order(cast.customer, number="TAKEN")
    response = _json(bearer(), "put", "/api/v1/orders/gid-9", {**ORDER, **change})
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not Order.objects.filter(external_id="gid-9").exists()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/v1/conversations", "{not json"),
        ("post", "/api/v1/conversations", "[]"),
        ("post", "/api/v1/customers", '{"name": "\\u0000", "email": "a@b.example", "store": 5}'),
        ("put", "/api/v1/orders/x", '{"number": 1e309}'),
        ("put", "/api/v1/orders/" + "x" * 101, "{}"),
        ("post", "/api/v1/customers", '{"name": "' + "n" * 10_000 + '"}'),
    ],
)
def test_hostile_bodies_get_4xx_not_5xx(cast, bearer, method, path, body):
    response = getattr(bearer(), method)(path, body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


def test_null_bytes_in_names_are_refused(cast, bearer):
    response = _json(
        bearer(), "post", "/api/v1/customers", {"name": "Eve\x00", "email": "eve@x.example"}
    )
    assert response.status_code == 422
