import pytest

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import do_merge_customers
from aftersail.customers.actions import CustomerError
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


def test_merge_moves_everything_and_records_it(cast):
    duplicate = f.make_customer(
        cast.store, name="C. Kunde", email="clara.work@firm.example", language="", country="AT"
    )
    order = f.make_order(duplicate, number="NL-77")
    conversation = f.make_conversation(duplicate, team=cast.team_a)
    target = do_merge_customers(duplicate, cast.customer, Actor.of_agent(cast.agent_a))
    assert not Customer.objects.filter(id=duplicate.id).exists()
    order.refresh_from_db()
    conversation.refresh_from_db()
    assert order.customer == target and conversation.customer == target
    assert sorted(target.identities.values_list("value", flat=True)) == [
        "clara.work@firm.example",
        "customer@mail.example",
    ]
    assert target.identities.get(is_primary=True).value == "customer@mail.example"
    assert target.country == "DE"  # the target's own values win
    event = conversation.events.get(kind="customer_changed")
    assert event.data == {"old": str(duplicate.public_id), "new": str(target.public_id)}


def test_merge_drops_identities_the_target_has_already(cast):
    twin = Customer.objects.create(store=cast.store, name="Clara K")
    CustomerIdentity.objects.create(
        store=f.make_store(), customer=twin, kind="email", value="customer@mail.example"
    )
    do_merge_customers(twin, cast.customer, Actor.system())
    assert cast.customer.identities.count() == 1


def test_merge_refusals(cast):
    other_store = f.make_customer(f.make_store())
    with pytest.raises(CustomerError):
        do_merge_customers(other_store, cast.customer, Actor.system())
    with pytest.raises(CustomerError):
        do_merge_customers(cast.customer, cast.customer, Actor.system())
    login = f.make_customer(cast.store, user=f.make_user("other@mail.example"))
    with pytest.raises(CustomerError):
        do_merge_customers(login, cast.customer, Actor.system())
