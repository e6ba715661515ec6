"""Periodic and legacy background work of the shipping app; every task is idempotent.

The tasks that follow a single change live beside it (``ingest.process_tracking_payload``,
``notifications.send_shipment_notification``); the customer's notification and the incident
conversation are reactions to the shipment's events (``shipping.reactions``).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from aftersail.shipping.delays import scan_for_delays
from aftersail.shipping.incidents import do_open_incident
from aftersail.shipping.ingest import process_payload
from aftersail.shipping.models import RawTrackingPayload, ShipmentNotification, ShipmentStatus
from aftersail.shipping.notifications import do_queue_notification, send_notification
from aftersail.shipping.polling import poll_dhl_shipments

log = logging.getLogger(__name__)


# These three tasks only finish what was queued under their old names before the upgrade
# (the work now happens in ingest, notifications and shipping.reactions); they can go in
# the release after.
@db_task()
def process_tracking_payload(raw_id: int) -> None:
    process_payload(raw_id)


@db_task()
def notify_status_change(shipment_id: int, status: str) -> None:
    with transaction.atomic():
        do_queue_notification(shipment_id, status)
    if status == ShipmentStatus.EXCEPTION:
        do_open_incident(shipment_id, status)


@db_task()
def send_shipment_notification(notification_id: int) -> None:
    send_notification(notification_id)


@db_task()
def open_shipment_incident(shipment_id: int, reason: str) -> None:
    do_open_incident(shipment_id, reason)


def send_due_notifications() -> int:
    """Sends every held notification whose quiet hours are over; returns how many went."""
    due = ShipmentNotification.objects.filter(
        state=ShipmentNotification.State.HELD, send_after__lte=timezone.now()
    ).values_list("id", flat=True)
    return sum(send_notification(notification_id) for notification_id in list(due))


def reprocess_received_payloads() -> int:
    """Re-runs payloads a crashed worker left unprocessed (older than a minute)."""
    cutoff = timezone.now() - timedelta(minutes=1)
    stuck = RawTrackingPayload.objects.filter(
        state=RawTrackingPayload.State.RECEIVED, created_at__lt=cutoff
    ).values_list("id", flat=True)[:500]
    for raw_id in list(stuck):
        process_payload(raw_id)
    return len(stuck)


@db_periodic_task(crontab(minute="*/5"))
def send_held_notifications() -> None:
    send_due_notifications()


@db_periodic_task(crontab(minute="7"))
def detect_delays() -> None:
    scan_for_delays()


@db_periodic_task(crontab(minute="*/10"))
def reconcile_tracking_payloads() -> None:
    reprocess_received_payloads()


@db_periodic_task(crontab(minute="*/30"))
def poll_dhl() -> None:
    poll_dhl_shipments()
