"""Webhook receivers must be public addresses unless the local network is allowed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aftersail.core.destinations import UnsafeDestination, check_destination
from aftersail.testing.http_receiver import http_receiver
from aftersail.webhooks.delivery import do_deliver
from aftersail.webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_network_refused(settings):
    settings.WEBHOOKS_ALLOW_LOCAL_NETWORK = False


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:6379/", "local or private address (127.0.0.1)"),
        ("http://localhost:8000/hook", "local or private address (127.0.0.1)"),
        ("http://10.1.2.3/hook", "local or private address (10.1.2.3)"),
        ("http://192.168.0.10/hook", "local or private address (192.168.0.10)"),
        ("http://169.254.169.254/latest/meta-data/", "(169.254.169.254)"),
        ("http://[::1]:8080/", "local or private address (::1)"),
        ("http://[::ffff:127.0.0.1]/", "local or private address (127.0.0.1)"),
        ("http://0.0.0.0/", "local or private address (0.0.0.0)"),
        ("http://100.64.0.1/", "(100.64.0.1)"),  # carrier-grade NAT
        ("ftp://93.184.216.34/", "Only http:// and https://"),
        ("file:///etc/passwd", "Only http:// and https://"),
        ("https://user:secret@93.184.216.34/", "not in the address"),
        ("https://erp.example.invalid/hook", "cannot be resolved"),
        ("https://93.184.216.34:99999/", "invalid port"),
    ],
)
def test_local_private_and_odd_destinations_are_refused(local_network_refused, url, reason):
    with pytest.raises(UnsafeDestination, match=reason.replace("(", r"\(").replace(")", r"\)")):
        check_destination(url)


@pytest.mark.parametrize(
    "url", ["https://93.184.216.34/hook", "http://[2606:2800:220:1:248:1893:25c8:1946]/"]
)
def test_public_addresses_are_allowed(local_network_refused, url):
    check_destination(url)  # raises nothing


def test_the_setting_allows_the_local_network(settings):
    settings.WEBHOOKS_ALLOW_LOCAL_NETWORK = True
    check_destination("http://192.168.0.10/hook")
    with pytest.raises(UnsafeDestination):
        check_destination("file:///etc/passwd")  # the scheme rule always holds


def test_the_admin_form_explains_the_refusal(local_network_refused, cast, login):
    client = login(cast.admin.user)
    response = client.post(
        reverse("admin:webhooks_webhookendpoint_add"),
        {
            "store": cast.store.id,
            "url": "http://169.254.169.254/latest/meta-data/",
            "events": ["message.created"],
            "is_active": "on",
            "secret": "whsec_x",
            "description": "",
        },
    )
    assert response.status_code == 200
    assert "local or private address" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()
    endpoint = WebhookEndpoint(store=cast.store, url="http://10.0.0.5/", events=["x"])
    with pytest.raises(ValidationError) as refused:
        endpoint.full_clean()
    assert list(refused.value.message_dict) == ["url"]


def test_a_delivery_to_a_local_address_is_refused_before_any_request(settings, cast):
    with http_receiver() as receiver:
        endpoint = WebhookEndpoint.objects.create(
            store=cast.store, url=receiver.url, events=["message.created"]
        )
        settings.WEBHOOKS_ALLOW_LOCAL_NETWORK = False  # e.g. the DNS answer changed since
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event="message.created", source_event=1, payload={"n": 1}
        )
        result = do_deliver(delivery.id)
        assert receiver.requests == []
    assert result is not None
    assert (result.status, result.response_code) == ("pending", None)
    assert result.error.startswith("refused: 127.0.0.1 is a local or private address")
    assert result.next_attempt_at is not None
