"""Who a contact form is from: the customer of the address however it is typed, or a new
customer whose name is fitted to the record."""

from __future__ import annotations

from typing import Any

from aftersail.conversations.models import Conversation
from aftersail.customers.models import Customer
from aftersail.testing import factories as f
from aftersail.testing.cast import Cast


def form(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Clara Kunde",
        "email": "customer@mail.example",
        "order_number": "",
        "topic": "return",
        "message": "Ich möchte zurückgeben.",
        "website": "",
    }
    return {**data, **overrides}


def test_a_visitor_with_a_first_name_longer_than_the_field_becomes_a_customer(
    cast: Cast, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    first = "Maximilian" * 15  # 150 characters
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/contact/",
            form(name=f"{first} Nowak", email="Max@Bücher.Example"),
            HTTP_ACCEPT_LANGUAGE="pl",
        )
    assert response.status_code == 302
    customer = Customer.objects.get(identities__value="max@xn--bcher-kva.example")
    assert (customer.name, customer.given_name, customer.language) == (
        f"{first} Nowak",
        first[:100],
        "pl",
    )
    assert customer.identities.get().is_primary
    assert customer.conversations.get().channel == "form"


def test_a_known_customer_typing_their_address_in_capitals_is_recognized(
    cast: Cast, client: Any
) -> None:
    order = f.make_order(cast.customer, number="20001")
    response = client.post("/contact/", form(email="CUSTOMER@Mail.Example", order_number="20001"))
    assert response.status_code == 302
    conversation = Conversation.objects.exclude(id__in=[c.id for c in cast.conversations]).get()
    assert (conversation.customer, conversation.order) == (cast.customer, order)
    assert Customer.objects.filter(identities__value="customer@mail.example").count() == 1


def test_an_address_django_accepts_but_the_customers_refuse_is_a_form_error(
    cast: Cast, client: Any
) -> None:
    before = Customer.objects.count()
    response = client.post(
        "/contact/", form(email='"clara kunde"@mail.example'), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert Customer.objects.count() == before
