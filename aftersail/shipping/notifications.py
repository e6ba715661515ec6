"""Proactive notifications: once per status change, in the customer's language, never in
their quiet hours (held until the next allowed time and sent by a periodic task).

``ShipmentNotification`` has one row per (shipment, status); its unique constraint makes
the notification exactly-once even when two workers see the same change.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from babel.dates import format_date
from django.db import IntegrityError, transaction
from django.utils import timezone
from huey.contrib.djhuey import db_task

from aftersail.core.localization import speaking_to, zone_or_utc
from aftersail.core.queue import enqueue_on_commit
from aftersail.customers.models import CustomerIdentity
from aftersail.messaging.actions import send_customer_email
from aftersail.shipping import links, texts
from aftersail.shipping.models import NotificationSettings, Shipment, ShipmentNotification
from aftersail.shipping.models import ShipmentStatus as S

log = logging.getLogger(__name__)
N = ShipmentNotification.State

# Practice of AfterShip, Shopify, Shipup, Sendcloud (shared/domain/tracking.md).
DEFAULT_STATUSES = (S.IN_TRANSIT, S.OUT_FOR_DELIVERY, S.READY_FOR_PICKUP, S.DELIVERED,
                    S.ATTEMPT_FAILED, S.EXCEPTION, S.DELAYED, S.RETURNING)  # fmt: skip


def settings_for(store_id: int) -> NotificationSettings:
    found = NotificationSettings.objects.filter(store_id=store_id).first()
    return found or NotificationSettings(store_id=store_id)


def next_allowed_time(now: datetime, zone_name: str, quiet_start: int, quiet_end: int) -> datetime:
    """``now`` when it is outside the quiet hours on the customer's clock, else the end of
    the quiet hours (``quiet_start`` to ``quiet_end``, e.g. 21 to 8, may wrap midnight)."""
    if quiet_start == quiet_end:
        return now
    local = now.astimezone(zone_or_utc(zone_name))
    hour = local.hour
    if quiet_start > quiet_end:
        quiet = hour >= quiet_start or hour < quiet_end
    else:
        quiet = quiet_start <= hour < quiet_end
    if not quiet:
        return now
    end = local.replace(hour=quiet_end, minute=0, second=0, microsecond=0)
    if end <= local:
        end = (end + timedelta(days=1)).replace(hour=quiet_end)
    return end.astimezone(now.tzinfo)


def do_queue_notification(shipment_id: int, status: str) -> ShipmentNotification | None:
    """Records the notification for this status (once) and sends it now or holds it."""
    shipment = Shipment.objects.select_related("order__customer", "order__store").get(
        id=shipment_id
    )
    config = settings_for(shipment.order.store_id)
    wanted = config.statuses or list(DEFAULT_STATUSES)
    if status not in wanted or shipment.is_return:
        return None
    customer = shipment.order.customer
    now = timezone.now()
    email = (
        CustomerIdentity.objects.filter(customer=customer, kind=CustomerIdentity.Kind.EMAIL)
        .order_by("-is_primary", "id")
        .values_list("value", flat=True)
        .first()
    )
    skip = ""
    if not config.enabled:
        skip = "notifications are off for this store"
    elif not customer.notifications_opt_in:
        skip = "the customer unsubscribed"
    elif not email:
        skip = "no email address"
    send_after = next_allowed_time(
        now, customer.time_zone, config.quiet_start_hour, config.quiet_end_hour
    )
    try:
        with transaction.atomic():
            notification = ShipmentNotification.objects.create(
                shipment=shipment,
                status=status,
                state=N.SKIPPED if skip else N.HELD,
                reason=skip,
                recipient=email or "",
                send_after=send_after,
            )
    except IntegrityError:
        return None  # already notified for this status
    if not skip and send_after <= now:
        enqueue_on_commit(send_shipment_notification, notification.id)
    return notification


def send_notification(notification_id: int) -> bool:
    """Sends one held notification whose time has come; True when it went out."""
    now = timezone.now()
    claimed = ShipmentNotification.objects.filter(
        id=notification_id, state=N.HELD, send_after__lte=now
    ).update(state=N.SENDING, updated_at=now)
    if not claimed:
        return False
    notification = ShipmentNotification.objects.select_related(
        "shipment__order__customer", "shipment__order__store"
    ).get(id=notification_id)
    shipment = notification.shipment
    if _superseded(notification.status, shipment):
        _finish(notification, N.SKIPPED, reason=f"superseded by {shipment.status}")
        return False
    try:
        language, subject, body = render(notification)
        message_id = send_customer_email(
            store=shipment.order.store,
            to=notification.recipient,
            subject=subject,
            text=body,
            headers={"List-Unsubscribe": f"<{links.unsubscribe_url(shipment.order.customer)}>"},
        )
    except Exception as error:  # the mail server's refusal must not kill the worker
        log.exception("shipment notification %s failed", notification.public_id)
        _finish(notification, N.FAILED, reason=str(error)[:300])
        return False
    _finish(notification, N.SENT, language=language, message_id=message_id, sent_at=now)
    return True


@db_task()
def send_shipment_notification(notification_id: int) -> None:
    send_notification(notification_id)


def _superseded(status: str, shipment: Shipment) -> bool:
    """A status held overnight is stale once the parcel moved on (delayed stays true while
    the shipment is marked delayed)."""
    if status == S.DELAYED:
        return not shipment.delay_reason
    return shipment.status != status and not (
        status == S.IN_TRANSIT and shipment.status in (S.CUSTOMS_HOLD, S.DELAYED)
    )


def _finish(notification: ShipmentNotification, state: str, **fields: object) -> None:
    ShipmentNotification.objects.filter(id=notification.id).update(
        state=state, updated_at=timezone.now(), **fields
    )


def render(notification: ShipmentNotification) -> tuple[str, str, str]:
    """(language, subject, text) of the mail, in the customer's language."""
    shipment = notification.shipment
    order, status = shipment.order, notification.status
    customer, store = order.customer, order.store
    with speaking_to(customer, store) as language:
        subject = str(texts.SUBJECTS[status]) % {"order": order.number}
        lines = [
            str(texts.GREETING) % {"name": customer.address_name},
            "",
            str(texts.BODIES[status]),
            "",
            str(texts.PARCEL_LINE)
            % {"carrier": shipment.carrier.upper(), "number": shipment.tracking_number},
        ]
        if shipment.estimated_delivery and status not in (S.DELIVERED, S.RETURNING):
            when = format_date(shipment.estimated_delivery, "full", locale=language)
            lines.append(str(texts.ESTIMATE_LINE) % {"date": when})
        lines += [
            str(texts.FOLLOW_LINE) % {"url": links.tracking_url(order)},
            "",
            str(texts.SIGNATURE) % {"store": store.name},
            "",
            "-- ",
            str(texts.UNSUBSCRIBE_LINE)
            % {"store": store.name, "url": links.unsubscribe_url(customer)},
        ]
    return language, subject, "\n".join(lines)
