"""Signed links in customer mail: the order's tracking page and the unsubscribe link.
Neither needs an account; both break when tampered with, tracking links expire."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from aftersail.commerce.models import Order
from aftersail.customers.models import Customer

TRACK_SALT = "aftersail.shipping.track"
UNSUBSCRIBE_SALT = "aftersail.shipping.unsubscribe"
TRACK_LINK_MAX_AGE = 60 * 60 * 24 * 90  # long enough for a parcel and its return


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def tracking_token(order: Order) -> str:
    return signing.dumps(str(order.public_id), salt=TRACK_SALT, compress=True)


def tracking_url(order: Order) -> str:
    return absolute(reverse("shipping:track_order", args=[tracking_token(order)]))


def order_from_token(token: str) -> Order:
    try:
        public_id = signing.loads(token, salt=TRACK_SALT, max_age=TRACK_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    order = Order.objects.filter(public_id=public_id).first()
    if order is None:
        raise LinkInvalid
    return order


def unsubscribe_url(customer: Customer) -> str:
    token = signing.dumps(str(customer.public_id), salt=UNSUBSCRIBE_SALT, compress=True)
    return absolute(reverse("shipping:unsubscribe", args=[token]))


def customer_from_unsubscribe_token(token: str) -> Customer:
    try:
        public_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise LinkInvalid from error
    customer = Customer.objects.filter(public_id=public_id).first()
    if customer is None:
        raise LinkInvalid
    return customer
