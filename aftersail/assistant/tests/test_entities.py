import pytest

from aftersail.assistant.entities import GENERIC_ORDER_RE, extract, order_number_pattern
from aftersail.assistant.models import AssistantSettings
from aftersail.testing import factories as f


def test_recognizes_order_number_email_and_tracking_numbers():
    found = extract(
        "Bestellung #N104821, Mail Anna.S@Mail.example. Pakete 1Z999AA10123456784, "
        "LX123456789DE und 00340434161094042557",
        r"N\d{6}",
    )
    assert found.order_numbers == ["N104821"]
    assert found.emails == ["anna.s@mail.example"]
    assert found.tracking_numbers == [
        ("ups", "1Z999AA10123456784"),
        ("postal", "LX123456789DE"),
        ("dhl", "00340434161094042557"),
    ]


def test_a_tracking_number_is_not_taken_for_an_order_number():
    found = extract("tracking 00340434161094042557 order 48213", GENERIC_ORDER_RE)
    assert found.order_numbers == ["48213"]


def test_an_order_number_inside_japanese_text():
    found = extract("注文番号はN100482、メールはanna@mail.example です。", r"N\d{6}")
    assert (found.order_numbers, found.emails) == (["N100482"], ["anna@mail.example"])
    assert extract("XN100482 N1004821", r"N\d{6}").order_numbers == []


@pytest.mark.parametrize("text", ["", "@@@", "a@" * 10_000, "\x00" * 100, "#" * 9000])
def test_hostile_input(text):
    found = extract(text)
    assert isinstance(found.order_numbers, list)


@pytest.mark.django_db
def test_the_order_number_pattern_is_learnt_from_the_stores_orders(cast):
    customer = f.make_customer(cast.store, name="X", email="x@mail.example")
    f.make_order(customer, number="AB-10001")
    f.make_order(customer, number="AB-10002")
    assert order_number_pattern(cast.store) == r"AB\-\d{5}"
    assert extract("order ab-10002 please", order_number_pattern(cast.store)).order_numbers == [
        "AB-10002"
    ]


@pytest.mark.django_db
def test_a_configured_pattern_wins(cast):
    AssistantSettings.objects.create(store=cast.store, order_number_pattern=r"SO\d{4}")
    assert order_number_pattern(cast.store) == r"SO\d{4}"


@pytest.mark.django_db
def test_a_store_without_orders_uses_the_generic_pattern():
    store = f.make_store(name="Empty", slug="empty")
    assert order_number_pattern(store) == GENERIC_ORDER_RE
