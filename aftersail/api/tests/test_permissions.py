"""Who may call which endpoint: the cast, API keys with and without the scope, revoked keys."""

import pytest
from django.test import Client

from aftersail.api.models import Scope
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db

MEMBERS = [
    "admin",
    "supervisor_a",
    "agent_a",
    "agent_b",
    "outsourced",
    "customer",
    "anonymous",
    "key",
    "key_team_b",
    "key_without_scope",
    "revoked_key",
]


def client_for(cast, bearer, member):
    if member == "anonymous":
        return Client()
    if member == "customer":
        client = Client()
        client.force_login(cast.customer_user)
        return client
    if member == "key":
        return bearer()
    if member == "key_team_b":
        return bearer(teams=[cast.team_b])
    if member == "key_without_scope":
        return bearer(scopes=[Scope.SEARCH])
    if member == "revoked_key":
        client = bearer()
        client.key.revoke()
        return client
    client = Client()
    client.force_login(getattr(cast, member).user)
    return client


def _call(client, method, path, body=None):
    return getattr(client, method)(path, body, content_type="application/json")


def _order(cast):
    order = f.make_order(cast.customer, number="NL-1001", external_id="shop-1")
    f.make_shipment(order, tracking_number="00340434161094042557")
    return order


ORDER_BODY = {
    "number": "NL-2002",
    "customer": {"email": "new.buyer@mail.example", "name": "Nina Neu"},
    "placed_at": "2026-03-01T10:00:00Z",
    "currency": "EUR",
    "store": "cast",
    "lines": [{"sku": "TENT-2", "name": "Tent", "quantity": 1, "unit_price": "199.00"}],
}

# Expected status per member, in the order of MEMBERS.
SEES_TEAM_A = [200, 200, 200, 404, 404, 401, 401, 200, 404, 403, 401]
CREATES_FOR_A = [201, 201, 201, 404, 404, 401, 401, 201, 404, 403, 401]
STORE_WIDE_WRITE = [201, 403, 403, 403, 403, 401, 401, 201, 403, 403, 401]
SEARCH = [200, 200, 200, 200, 200, 401, 401, 200, 200, 200, 401]


def _cases(cast):
    a = cast.conversation_a.public_id
    clara = cast.customer.public_id
    return [
        ("get", "/api/v1/conversations", None, [200] * 5 + [401, 401, 200, 200, 403, 401]),
        ("get", f"/api/v1/conversations/{a}", None, SEES_TEAM_A),
        ("patch", f"/api/v1/conversations/{a}", {"priority": "high"}, SEES_TEAM_A),
        ("get", f"/api/v1/conversations/{a}/messages", None, SEES_TEAM_A),
        (
            "post",
            f"/api/v1/conversations/{a}/messages",
            {"kind": "note", "text": "Asked the warehouse."},
            [s if s != 200 else 201 for s in SEES_TEAM_A],
        ),
        (
            "post",
            "/api/v1/conversations",
            {"customer": str(clara), "text": "Hallo?", "team": "Team A"},
            CREATES_FOR_A,
        ),
        ("get", "/api/v1/customers", None, [200] * 5 + [401, 401, 200, 200, 403, 401]),
        ("get", f"/api/v1/customers/{clara}", None, SEES_TEAM_A),
        ("patch", f"/api/v1/customers/{clara}", {"language": "de"}, SEES_TEAM_A),
        (
            "post",
            "/api/v1/customers",
            {"name": "Nina Neu", "email": "nina@mail.example", "store": "cast"},
            STORE_WIDE_WRITE,
        ),
        ("get", "/api/v1/orders", None, [200] * 5 + [401, 401, 200, 200, 403, 401]),
        ("get", "/api/v1/orders/shop-1", None, SEES_TEAM_A),
        ("put", "/api/v1/orders/shop-2", ORDER_BODY, STORE_WIDE_WRITE),
    ]


@pytest.mark.parametrize("member", MEMBERS)
def test_permission_matrix(cast, bearer, member):
    _order(cast)
    index = MEMBERS.index(member)
    for method, path, body, expected in _cases(cast):
        client = client_for(cast, bearer, member)
        response = _call(client, method, path, body)
        assert response.status_code == expected[index], (method, path, response.content)
        assert "detail" in response.json() or response.status_code < 400
