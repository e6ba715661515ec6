"""A tracked return label moves its return, whatever brings the scans in: a carrier webhook
through the HTTP endpoint, a DHL poll, a tracking file. Each path runs the real ingest, which
publishes the parcel's status change; ``returns.reactions`` moves the return."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from aftersail.accounts.actors import Actor
from aftersail.conversations.models import ConversationEvent
from aftersail.core.events import run_reactions
from aftersail.returns import services as s
from aftersail.returns.models import ReturnEvent, ReturnRequest, ReturnStatus
from aftersail.returns.shipments import do_follow_parcel
from aftersail.shipping.actions import poll_dhl_shipments
from aftersail.shipping.models import Shipment, ShipmentChange, TrackingAccount, TrackingEvent
from aftersail.testing import factories as f
from aftersail.testing import tracking_payloads as payloads
from aftersail.testing.fake_dhl import KEY, base_url, running
from aftersail.testing.returns import delivered_order, make_policy

REQUESTED = datetime(2026, 3, 12, 9, tzinfo=UTC)
CN_REFUND_SOURCE = (
    "Consumer Rights Protection Law art. 25: within 7 days of receiving the returned goods"
)
EU_REFUND_SOURCE = (
    "Directive 2011/83/EU Art. 13(1), 13(3): 14 days from the notice; "
    "may withhold until the goods are back"
)
BEFORE_THE_PARCEL = ["requested", "approved", "method_chosen"]


def label_return(cast, country: str) -> ReturnRequest:
    """A return with a prepaid DHL label, by a customer in ``country`` who wrote to the
    store before (the conversation where agents follow the return)."""
    make_policy(cast.store, markets=["DE", "CN"])
    customer = f.make_customer(cast.store, name="Li Na", language="en", country=country)
    f.make_conversation(customer, subject="Returning the jacket")
    order = delivered_order(customer)
    with time_machine.travel(REQUESTED, tick=False):
        rma = s.do_request_return(
            order, [s.Selection(order.lines.first().id, 1)], actor=Actor.customer()
        )
        rma = s.do_choose_method(rma, ReturnRequest.Method.LABEL, actor=Actor.customer())
    assert rma.status == ReturnStatus.AWAITING_PARCEL
    return rma


def steps(rma: ReturnRequest) -> list[str]:
    return list(ReturnEvent.objects.filter(rma=rma).values_list("kind", flat=True))


def mirrored(rma: ReturnRequest) -> list[tuple[str, str]]:
    """The return's steps as the customer's conversation shows them: (step, status)."""
    entries = ConversationEvent.objects.filter(
        conversation=rma.conversation, kind="return_updated"
    ).order_by("created_at", "id")
    return [(entry.data["step"], entry.data["status"]) for entry in entries]


def counts() -> tuple[int, ...]:
    return (
        TrackingEvent.objects.count(),
        ShipmentChange.objects.count(),
        ReturnEvent.objects.count(),
        ConversationEvent.objects.count(),
    )


@pytest.fixture
def webhook(cast, django_capture_on_commit_callbacks):
    """``webhook(now, number, checkpoints)`` posts a signed AfterShip webhook (the body as
    AfterShip documents it) to the store's endpoint at ``now`` and runs what it queues."""
    account = TrackingAccount.objects.create(
        store=cast.store, provider="aftership", webhook_secret="s3cret"
    )
    url = reverse("shipping_hooks:webhook", args=["aftership", account.public_id])
    sent: list[str] = []

    def post(now: str, number: str, checkpoints: list[dict[str, str]]) -> int:
        body = payloads.aftership(
            number, checkpoints, tag=checkpoints[-1]["tag"], event_id=f"evt-{len(sent)}"
        )
        sent.append(number)
        signature = payloads.aftership_signature(body, "s3cret")
        with time_machine.travel(now, tick=False), django_capture_on_commit_callbacks(execute=True):
            response = Client().post(
                url, body, content_type="application/json", HTTP_AFTERSHIP_HMAC_SHA256=signature
            )
        return response.status_code

    return post


IN_TRANSIT = {"tag": "InTransit", "time": "2026-03-13T18:05:00+08:00", "message": "Picked up"}
DELIVERED = {"tag": "Delivered", "time": "2026-03-16T10:30:00+01:00", "message": "Delivered"}


def test_a_webhook_moves_the_return_then_delivers_it_and_starts_the_refund_deadline(
    cast, webhook
) -> None:
    rma = label_return(cast, "CN")
    number = rma.return_shipment.tracking_number
    assert rma.refund_due_at is None  # China counts from the receipt of the goods

    assert webhook("2026-03-13T10:10:00Z", number, [IN_TRANSIT]) == 200
    rma.refresh_from_db()
    assert (rma.status, rma.received_at, rma.refund_due_at) == ("in_transit", None, None)
    assert steps(rma) == [*BEFORE_THE_PARCEL, "in_transit"]

    assert webhook("2026-03-16T09:40:00Z", number, [IN_TRANSIT, DELIVERED]) == 200
    rma.refresh_from_db()
    delivered = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
    assert rma.status == ReturnStatus.RECEIVED
    assert rma.received_at == delivered
    assert rma.refund_due_at == delivered + timedelta(days=7)
    assert rma.refund_due_source == CN_REFUND_SOURCE
    assert steps(rma) == [*BEFORE_THE_PARCEL, "in_transit", "received"]
    assert mirrored(rma)[-2:] == [("in_transit", "in_transit"), ("received", "received")]
    assert list(
        ShipmentChange.objects.filter(shipment=rma.return_shipment).values_list("kind", "data")
    ) == [
        (
            "status_changed",
            {
                "status": "in_transit",
                "previous": "label_created",
                "occurred_at": "2026-03-13T10:05:00+00:00",
                "provider": "aftership",
            },
        ),
        (
            "status_changed",
            {
                "status": "delivered",
                "previous": "in_transit",
                "occurred_at": "2026-03-16T09:30:00+00:00",
                "provider": "aftership",
            },
        ),
    ]

    # The carrier sends the same webhook again: nothing moves, nothing is recorded twice.
    before = counts()
    assert webhook("2026-03-16T09:45:00Z", number, [IN_TRANSIT, DELIVERED]) == 200
    assert counts() == before
    again = ReturnRequest.objects.get(id=rma.id)
    assert (again.status, again.received_at, again.refund_due_at) == (
        "received",
        delivered,
        delivered + timedelta(days=7),
    )


def test_a_dhl_poll_delivers_the_return(cast, django_capture_on_commit_callbacks) -> None:
    rma = label_return(cast, "DE")
    number = rma.return_shipment.tracking_number
    # The EU counts the refund deadline from the notice: it runs since the request.
    assert rma.refund_due_at == REQUESTED + timedelta(days=14)
    events = [
        {"time": "2026-03-13T11:00:00+01:00", "code": "pre-transit"},
        {"time": "2026-03-13T17:20:00+01:00", "code": "transit"},
        {"time": "2026-03-16T10:02:00+01:00", "code": "delivered", "city": "Leipzig"},
    ]
    with running() as dhl:
        dhl.answers[number] = (200, payloads.dhl(number, events))
        TrackingAccount.objects.create(
            store=cast.store, provider="dhl", api_key=KEY, api_base_url=base_url(dhl)
        )
        with (
            time_machine.travel("2026-03-16T12:00:00Z", tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert poll_dhl_shipments() == 1
        assert dhl.requests == [("/track/shipments", number)]
    rma.refresh_from_db()
    assert rma.status == ReturnStatus.RECEIVED
    assert rma.received_at == datetime(2026, 3, 16, 9, 2, tzinfo=UTC)
    assert rma.refund_due_at == REQUESTED + timedelta(days=14)
    assert rma.refund_due_source == EU_REFUND_SOURCE
    # One poll brought both scans: the latest status (delivered) is the one change.
    assert steps(rma) == [*BEFORE_THE_PARCEL, "received"]
    assert mirrored(rma)[-1] == ("received", "received")


def test_a_dhl_return_label_sent_back_to_the_customer_is_not_received(
    cast, django_capture_on_commit_callbacks
) -> None:
    rma = label_return(cast, "DE")
    number = rma.return_shipment.tracking_number
    events = [
        {"time": "2026-03-13T17:20:00+01:00", "code": "transit"},
        {"time": "2026-03-18T11:40:00+01:00", "code": "delivered", "city": "Berlin"},
    ]
    with running() as dhl:
        # DHL flags a parcel going back to its sender: "delivered" is back at the customer.
        dhl.answers[number] = (200, payloads.dhl(number, events, top_return_flag=True))
        TrackingAccount.objects.create(
            store=cast.store, provider="dhl", api_key=KEY, api_base_url=base_url(dhl)
        )
        with (
            time_machine.travel("2026-03-18T12:00:00Z", tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert poll_dhl_shipments() == 1
    rma.refresh_from_db()
    assert (rma.status, rma.received_at) == (ReturnStatus.AWAITING_PARCEL, None)
    assert rma.refund_due_at == REQUESTED + timedelta(days=14)  # from the notice, unchanged
    assert steps(rma) == [*BEFORE_THE_PARCEL, "parcel_returned"]
    assert mirrored(rma)[-1] == ("parcel_returned", "awaiting_parcel")


def test_a_tracking_file_delivers_the_return(
    cast, tmp_path, django_capture_on_commit_callbacks
) -> None:
    rma = label_return(cast, "CN")
    number = rma.return_shipment.tracking_number
    path = tmp_path / "returns.csv"
    path.write_text(
        "tracking_number,status,occurred_at,carrier_text\n"
        f"{number},in_transit,2026-03-13T18:05:00+08:00,Picked up\n"
        f"{number},delivered,2026-03-17T08:15:00+01:00,Delivered to the warehouse\n",
        encoding="utf-8",
    )
    with (
        time_machine.travel("2026-03-17T12:00:00Z", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("import_tracking", str(path), "--store", cast.store.slug)
    rma.refresh_from_db()
    delivered = datetime(2026, 3, 17, 7, 15, tzinfo=UTC)
    assert (rma.status, rma.received_at) == (ReturnStatus.RECEIVED, delivered)
    assert rma.refund_due_at == delivered + timedelta(days=7)
    assert steps(rma) == [*BEFORE_THE_PARCEL, "received"]
    assert mirrored(rma)[-1] == ("received", "received")


RETURNING = {
    "tag": "Exception",
    "subtag": "Exception_010",
    "time": "2026-03-15T09:00:00+01:00",
    "message": "Refused by the recipient, returning to sender",
}
RETURNED = {
    "tag": "Exception",
    "subtag": "Exception_011",
    "time": "2026-03-18T14:00:00+08:00",
    "message": "Returned to sender",
}


def test_a_parcel_sent_back_to_the_customer_leaves_the_return_waiting_for_the_goods(
    cast, webhook
) -> None:
    rma = label_return(cast, "CN")
    number = rma.return_shipment.tracking_number
    webhook("2026-03-13T10:10:00Z", number, [IN_TRANSIT])
    webhook("2026-03-15T08:10:00Z", number, [IN_TRANSIT, RETURNING])
    rma.refresh_from_db()
    assert rma.status == ReturnStatus.IN_TRANSIT  # on its way back: nothing decided yet

    webhook("2026-03-18T06:10:00Z", number, [IN_TRANSIT, RETURNING, RETURNED])
    rma.refresh_from_db()
    assert (rma.status, rma.received_at, rma.refund_due_at) == ("awaiting_parcel", None, None)
    assert steps(rma) == [*BEFORE_THE_PARCEL, "in_transit", "parcel_returned"]
    entry = ReturnEvent.objects.get(rma=rma, kind="parcel_returned")
    assert entry.actor_kind == "system"
    change = ShipmentChange.objects.get(shipment=rma.return_shipment, data__status="returned")
    assert entry.data == {
        "change": change.id,
        "carrier": "dhl",
        "tracking_number": number,
        "occurred_at": "2026-03-18T06:00:00+00:00",
    }
    assert mirrored(rma)[-1] == ("parcel_returned", "awaiting_parcel")
    # The same bounce again (a replay, or the reaction retried) records nothing new, and
    # the earlier "in transit" change, run again late, was overtaken: it moves nothing.
    before = counts()
    webhook("2026-03-18T06:20:00Z", number, [IN_TRANSIT, RETURNING, RETURNED])
    assert run_reactions("shipment", change.id) == []
    moved = ShipmentChange.objects.get(shipment=rma.return_shipment, data__status="in_transit")
    assert run_reactions("shipment", moved.id) == []
    assert counts() == before
    assert ReturnRequest.objects.get(id=rma.id).status == ReturnStatus.AWAITING_PARCEL


def test_late_and_repeated_changes_never_move_a_return_back(
    cast, webhook, django_capture_on_commit_callbacks
) -> None:
    rma = label_return(cast, "CN")
    number = rma.return_shipment.tracking_number
    webhook("2026-03-13T10:10:00Z", number, [IN_TRANSIT])
    webhook("2026-03-16T09:40:00Z", number, [IN_TRANSIT, DELIVERED])
    received = ReturnRequest.objects.get(id=rma.id)
    before = counts()
    # A scan from before the delivery arrives late: the parcel stays delivered.
    late = {"tag": "OutForDelivery", "time": "2026-03-16T08:00:00+01:00"}
    webhook("2026-03-16T10:00:00Z", number, [IN_TRANSIT, late, DELIVERED])
    assert Shipment.objects.get(id=rma.return_shipment_id).status == "delivered"
    # The first change's reaction runs again after the delivery (a retry): it was overtaken.
    moved = ShipmentChange.objects.filter(shipment=rma.return_shipment).first()
    assert moved.data["status"] == "in_transit"
    with django_capture_on_commit_callbacks(execute=True):
        assert run_reactions("shipment", moved.id) == []
        do_follow_parcel(moved)
    assert counts() == (before[0] + 1, *before[1:])  # only the late scan was stored
    after = ReturnRequest.objects.get(id=rma.id)
    assert (after.status, after.received_at, after.refund_due_at) == (
        received.status,
        received.received_at,
        received.refund_due_at,
    )
    assert steps(rma) == [*BEFORE_THE_PARCEL, "in_transit", "received"]


def test_other_parcels_of_the_order_move_no_return(cast, webhook) -> None:
    rma = label_return(cast, "CN")
    replacement = f.make_shipment(rma.order, tracking_number="JJD0099", status="label_created")
    assert webhook("2026-03-16T09:40:00Z", replacement.tracking_number, [DELIVERED]) == 200
    change = ShipmentChange.objects.get(shipment=replacement)
    assert change.data["status"] == "delivered"
    assert do_follow_parcel(change) is None
    rma.refresh_from_db()
    assert rma.status == ReturnStatus.AWAITING_PARCEL
    assert steps(rma) == BEFORE_THE_PARCEL
