"""Portal order tracking: lookup by number + email, signed links, no other customer's data,
rate-limited guessing; the unsubscribe link."""

from __future__ import annotations

import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse

from aftersail.shipping import links
from aftersail.shipping.ingest import apply_events
from aftersail.shipping.portal import LOOKUP_LIMIT_PER_IP
from aftersail.shipping.providers import ParsedEvent, parse_time
from aftersail.testing import factories as f


def _scan(shop, status: str, moment: str, text: str = "Processed", location: str = "Leipzig"):
    occurred_at, offset = parse_time(moment)
    apply_events(
        shop.shipment,
        [
            ParsedEvent(
                shop.shipment.tracking_number,
                status,
                occurred_at,
                utc_offset_minutes=offset,
                carrier_text=text,
                location=location,
            )
        ],
        "import",
    )


def _lookup(client, number, email):
    return client.post(reverse("shipping:track"), {"number": number, "email": email})


def test_lookup_by_number_and_email_shows_the_order_in_the_customers_language_and_zone(shop):
    _scan(shop, "in_transit", "2026-11-02T15:20:00+01:00", "Abgangsscan", "Leipzig")
    client = Client()
    response = _lookup(client, "#nl-1001 ", "YUKI@mail.example")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "ご注文 NL-1001" in html
    assert "配送中" in html  # in transit, in Japanese
    assert "2026年11月2日 23:20" in html  # in Tokyo
    assert "15:20 (UTC+01:00)" in html  # the wall clock where the scan happened
    assert "Abgangsscan" in html
    assert "00340434161094042557" in html


def test_wrong_email_or_another_customers_order_is_not_found(shop):
    other = f.make_customer(shop.store, name="Ola Nordmann", email="ola@mail.example")
    f.make_order(other, number="NL-2002")
    client = Client()
    assert _lookup(client, "NL-1001", "ola@mail.example").status_code == 404
    assert _lookup(client, "NL-2002", "yuki@mail.example").status_code == 404
    assert _lookup(client, "NL-9999", "yuki@mail.example").status_code == 404
    response = _lookup(client, "NL-2002", "ola@mail.example")
    assert response.status_code == 302
    assert "NL-1001" not in client.get(response["Location"]).content.decode()


def test_an_order_of_another_store_is_not_found(shop):
    shop_b = f.make_store(slug="other-shop")
    customer_b = f.make_customer(shop_b, email="yuki@mail.example")
    f.make_order(customer_b, number="B-1")
    assert _lookup(Client(), "B-1", "yuki@mail.example").status_code == 404


def test_guessing_is_rate_limited(shop):
    client = Client()
    for attempt in range(LOOKUP_LIMIT_PER_IP):
        assert _lookup(client, f"NL-{attempt}", "yuki@mail.example").status_code == 404
    response = _lookup(client, "NL-1001", "yuki@mail.example")
    assert response.status_code == 429  # even the right answer, once the limit is used
    assert "Too many attempts" in response.content.decode()


def test_one_order_number_cannot_be_guessed_from_many_addresses(shop):
    for attempt in range(5):
        response = Client(REMOTE_ADDR=f"10.0.0.{attempt}").post(
            reverse("shipping:track"), {"number": "NL-1001", "email": f"guess{attempt}@x.example"}
        )
        assert response.status_code == 404
    response = Client(REMOTE_ADDR="10.0.0.99").post(
        reverse("shipping:track"), {"number": "NL-1001", "email": "yuki@mail.example"}
    )
    assert response.status_code == 429


def test_tampered_and_foreign_tokens_are_404(shop):
    token = links.tracking_token(shop.order)
    client = Client()
    assert client.get(reverse("shipping:track_order", args=[token])).status_code == 200
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(reverse("shipping:track_order", args=[tampered])).status_code == 404
    forged = signing.dumps(str(shop.order.public_id), salt="another.salt", compress=True)
    assert client.get(reverse("shipping:track_order", args=[forged])).status_code == 404
    unsubscribe = signing.dumps(str(shop.customer.public_id), salt=links.UNSUBSCRIBE_SALT)
    assert client.get(reverse("shipping:track_order", args=[unsubscribe])).status_code == 404


def test_expired_links_ask_for_number_and_email(shop):
    with time_machine.travel("2026-01-01T00:00:00Z", tick=False):
        token = links.tracking_token(shop.order)
    with time_machine.travel("2026-06-01T00:00:00Z", tick=False):
        response = Client().get(reverse("shipping:track_order", args=[token]))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_agents_see_nothing_more_than_anonymous(cast, login):
    order = f.make_order(cast.customer, number="C-1")
    token = links.tracking_token(order)
    for user in (None, cast.customer_user, cast.agent_b.user, cast.outsourced.user):
        response = login(user).get(reverse("shipping:track_order", args=[token]))
        assert response.status_code == 200
        assert "Oscar Other" not in response.content.decode()


def test_unsubscribe_link_confirms_then_stops_notifications(shop):
    url = links.unsubscribe_url(shop.customer).removeprefix("http://127.0.0.1:8000")
    client = Client()
    page = client.get(url)
    assert page.status_code == 200
    assert "配送通知を停止しますか" in page.content.decode()
    shop.customer.refresh_from_db()
    assert shop.customer.notifications_opt_in is True  # a link scanner's GET changes nothing
    done = client.post(url)
    assert done.status_code == 200
    shop.customer.refresh_from_db()
    assert shop.customer.notifications_opt_in is False
    assert client.get(url[:-3] + "xx/").status_code == 404


def test_lookup_page_renders_for_anonymous_visitors(db):
    response = Client().get(reverse("shipping:track"))
    assert response.status_code == 200
    assert 'name="number"' in response.content.decode()


def test_hostile_lookup_input(shop):
    client = Client()
    for number, email in [("' OR 1=1 --", "yuki@mail.example"), ("N" * 5000, "a@b.example"),
                          ("NL-1001", "x" * 300 + "@mail.example"), ("🙂", "🙂@🙂"),
                          ("NL-1001\x00", "yuki@mail.example")]:  # fmt: skip
        response = _lookup(client, number, email)
        assert response.status_code in (200, 404)
        assert "Yuki" not in response.content.decode()
    for token in ("x", "a:b:c", "." * 3000, "%00"):
        assert client.get(f"/track/o/{token}/").status_code == 404


def test_an_address_with_a_unicode_domain_finds_the_order_stored_in_ascii(shop):
    identity = shop.customer.identities.get()
    identity.value = "yuki@xn--bcher-kva.jp"
    identity.save()
    response = _lookup(Client(), "NL-1001", "Yuki@Bücher.JP")
    assert response.status_code == 302
    assert response["Location"].startswith("/track/o/")
