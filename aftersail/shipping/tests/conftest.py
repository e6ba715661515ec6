from __future__ import annotations

from typing import Any

import pytest

from aftersail.shipping.models import NotificationSettings, TrackingAccount
from aftersail.testing import factories as f


@pytest.fixture
def shop(db: None) -> Any:
    """A store with one customer in Tokyo (Japanese) and an order with a DHL parcel."""
    store = f.make_store(name="Nordlicht", slug="nordlicht", time_zone="Europe/Berlin")
    customer = f.make_customer(
        store,
        name="Yuki Tanaka",
        email="yuki@mail.example",
        language="ja",
        country="JP",
        time_zone="Asia/Tokyo",
    )
    order = f.make_order(customer, number="NL-1001")
    shipment = f.make_shipment(order, tracking_number="00340434161094042557", status="no_info")
    NotificationSettings.objects.create(store=store)

    class Shop:
        pass

    shop = Shop()
    shop.store, shop.customer, shop.order, shop.shipment = store, customer, order, shipment
    shop.account = lambda provider, **kw: TrackingAccount.objects.create(
        store=store, provider=provider, webhook_secret=kw.pop("secret", "s3cret"), **kw
    )
    return shop
