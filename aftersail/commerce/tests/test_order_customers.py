"""The customer of an order pushed through the API: found or created by email address."""

from __future__ import annotations

from typing import Any

import pytest

from aftersail.commerce.models import Order
from aftersail.customers.models import Customer
from aftersail.testing.cast import Cast

pytestmark = pytest.mark.django_db


def order(number: str, email: str, name: str = "") -> dict[str, Any]:
    return {
        "number": number,
        "customer": {"email": email, "name": name},
        "placed_at": "2026-03-01T10:00:00Z",
        "currency": "EUR",
        "lines": [{"sku": "TENT-2", "name": "Tent", "quantity": 1, "unit_price": "199.00"}],
    }


def put(client: Any, external_id: str, body: dict[str, Any]) -> Any:
    return client.put(f"/api/v1/orders/{external_id}", body, content_type="application/json")


def test_a_new_buyer_with_a_long_first_name_is_created_once(cast: Cast, bearer: Any) -> None:
    client = bearer()
    first = "Bartholomew" * 10  # 110 characters
    created = put(client, "gid-1", order("NL-1", "Bart@Bücher.Example", f"{first} Buyer"))
    assert created.status_code == 201, created.content
    again = put(client, "gid-2", order("NL-2", "bart@xn--bcher-kva.example", "B. Buyer"))
    assert again.status_code == 201, again.content
    customer = Customer.objects.get(identities__value="bart@xn--bcher-kva.example")
    assert (customer.name, customer.given_name, customer.store) == (
        f"{first} Buyer",
        first[:100],
        cast.store,
    )
    assert sorted(Order.objects.filter(customer=customer).values_list("number", flat=True)) == [
        "NL-1",
        "NL-2",
    ]
    assert created.json()["customer"] == again.json()["customer"]


def test_a_buyer_without_a_name_is_named_after_the_address(cast: Cast, bearer: Any) -> None:
    response = put(bearer(), "gid-3", order("NL-3", " Quiet@Mail.Example "))
    assert response.status_code == 201, response.content
    customer = Customer.objects.get(identities__value="quiet@mail.example")
    assert (customer.name, customer.given_name) == ("quiet@mail.example", "quiet@mail.example")


def test_an_existing_customer_is_found_by_their_address(cast: Cast, bearer: Any) -> None:
    response = put(bearer(), "gid-4", order("NL-4", "CUSTOMER@mail.example", "Someone"))
    assert response.status_code == 201, response.content
    assert Order.objects.get(external_id="gid-4").customer == cast.customer
    cast.customer.refresh_from_db()
    assert cast.customer.name == "Clara Kunde"


@pytest.mark.parametrize(
    ("email", "detail"),
    [
        ("not-an-address", "'not-an-address' is not an email address"),
        ("bea@xn--zz.example", "'xn--zz.example' is not a domain name"),
    ],
)
def test_an_address_that_is_not_one_is_422_with_the_reason(
    cast: Cast, bearer: Any, email: str, detail: str
) -> None:
    before = Customer.objects.count()
    response = put(bearer(), "gid-5", order("NL-5", email, "Bea"))
    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)
    assert (Customer.objects.count(), Order.objects.filter(external_id="gid-5").count()) == (
        before,
        0,
    )
