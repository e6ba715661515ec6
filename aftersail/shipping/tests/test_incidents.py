"""The shipment's own timeline, and the incident conversations its delays open: routed by
the assignment app's team rules to the team that serves the customer's market."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from aftersail.assignment.models import TeamRule
from aftersail.conversations.models import ConversationEvent
from aftersail.shipping.delays import scan_for_delays
from aftersail.shipping.ingest import apply_events
from aftersail.shipping.models import ShipmentChange, ShipmentIncident
from aftersail.shipping.providers import ParsedEvent, parse_time
from aftersail.testing import factories as f

NOW = datetime(2026, 11, 5, 14, 30, tzinfo=UTC)


def delayed_parcel(cast, country: str, language: str, django_capture_on_commit_callbacks):
    """A parcel of a customer in ``country`` without a scan for 100 hours, past the store's
    72-hour limit, found by the delay scan: returns its incident."""
    customer = f.make_customer(
        cast.store, name="Camille Martin", language=language, country=country
    )
    order = f.make_order(customer)
    f.make_shipment(order, status="in_transit", last_event_at=NOW - timedelta(hours=100))
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert scan_for_delays() == 1
    return ShipmentIncident.objects.select_related("conversation").get(shipment__order=order)


def inbox_ids(login, agent) -> set[int]:
    response = login(agent.user).get(reverse("desk:inbox"))
    assert response.status_code == 200
    return {row["id"] for row in response.context["rows"]}


@pytest.fixture
def rules(cast):
    TeamRule.objects.create(name="France", position=10, team=cast.team_b, countries=["FR"])
    TeamRule.objects.create(name="German speakers", position=20, team=cast.team_a, languages=["de"])


def test_a_delay_of_a_french_customer_goes_to_the_team_serving_france(
    cast, rules, login, django_capture_on_commit_callbacks
) -> None:
    incident = delayed_parcel(cast, "FR", "fr", django_capture_on_commit_callbacks)
    conversation = incident.conversation
    assert (incident.reason, conversation.team, conversation.assignee) == (
        "no_scan",
        cast.team_b,
        None,  # team B routes by hand (the default): the team's queue
    )
    assigned = ConversationEvent.objects.get(conversation=conversation, kind="assigned")
    assert (assigned.actor_kind, assigned.data["team"]) == ("system", "Team B")
    assert conversation.id in inbox_ids(login, cast.agent_b)
    assert conversation.id not in inbox_ids(login, cast.agent_a)
    url = reverse("desk:conversation", args=[conversation.id])
    assert login(cast.agent_b.user).get(url).status_code == 200
    assert login(cast.agent_a.user).get(url).status_code == 404


def test_the_customers_language_can_choose_the_team(
    cast, rules, login, django_capture_on_commit_callbacks
) -> None:
    incident = delayed_parcel(cast, "AT", "de", django_capture_on_commit_callbacks)
    assert incident.conversation.team == cast.team_a
    assert incident.conversation.id in inbox_ids(login, cast.agent_a)
    assert incident.conversation.id not in inbox_ids(login, cast.agent_b)


def test_without_a_matching_rule_only_administrators_see_the_incident(
    cast, rules, login, django_capture_on_commit_callbacks
) -> None:
    incident = delayed_parcel(cast, "JP", "ja", django_capture_on_commit_callbacks)
    conversation = incident.conversation
    assert (conversation.team, conversation.assignee) == (None, None)
    assert not ConversationEvent.objects.filter(conversation=conversation, kind="assigned")
    assert conversation.id in inbox_ids(login, cast.admin)
    for agent in (cast.agent_a, cast.agent_b, cast.supervisor_a, cast.outsourced):
        assert conversation.id not in inbox_ids(login, agent)
    # A catch-all rule (no conditions) gives such incidents a default team.
    TeamRule.objects.create(name="Everyone else", position=999, team=cast.team_out)
    later = delayed_parcel(cast, "JP", "ja", django_capture_on_commit_callbacks)
    assert later.conversation.team == cast.team_out


def _scan(shop, status: str, moment: str) -> None:
    occurred_at, offset = parse_time(moment)
    number = shop.shipment.tracking_number
    event = ParsedEvent(number, status, occurred_at, utc_offset_minutes=offset)
    apply_events(shop.shipment, [event], "import")


def test_the_shipment_timeline_records_changes_and_delays(
    shop, cast, login, django_capture_on_commit_callbacks
) -> None:
    with time_machine.travel("2026-11-02T03:00:00Z", tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            _scan(shop, "in_transit", "2026-11-02T02:00:00+01:00")
        with django_capture_on_commit_callbacks(execute=True):
            _scan(shop, "in_transit", "2026-11-01T22:00:00+01:00")  # older: no change
    with (
        time_machine.travel("2026-11-05T14:30:00Z", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert scan_for_delays() == 1
    with (
        time_machine.travel("2026-11-06T08:00:00Z", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _scan(shop, "in_transit", "2026-11-06T08:50:00+09:00")  # a new scan ends the delay
        _scan(shop, "delivered", "2026-11-06T14:10:00+09:00")
    changes = ShipmentChange.objects.filter(shipment=shop.shipment)
    assert [(c.kind, c.kind_label, c.data, c.created_at.isoformat()) for c in changes] == [
        (
            "status_changed",
            "Parcel status changed",
            {
                "status": "in_transit",
                "previous": "no_info",
                "occurred_at": "2026-11-02T01:00:00+00:00",
                "provider": "import",
            },
            "2026-11-02T03:00:00+00:00",
        ),
        ("delayed", "Parcel marked delayed", {"reason": "no_scan"}, "2026-11-05T14:30:00+00:00"),
        (
            "delay_over",
            "Parcel no longer delayed",
            {"reason": "no_scan"},
            "2026-11-06T08:00:00+00:00",
        ),
        (
            "status_changed",
            "Parcel status changed",
            {
                "status": "delivered",
                "previous": "in_transit",
                "occurred_at": "2026-11-06T05:10:00+00:00",
                "provider": "import",
            },
            "2026-11-06T08:00:00+00:00",
        ),
    ]
    # The delay was followed as before: one incident, the "delayed" notification.
    assert list(ShipmentIncident.objects.values_list("reason", flat=True)) == ["no_scan"]
    assert set(shop.shipment.notifications.values_list("status", flat=True)) == {
        "in_transit",
        "delayed",
        "delivered",
    }
    # Operators read it on the shipment in the admin.
    page = login(cast.admin.user).get(
        reverse("admin:shipping_shipment_change", args=[shop.shipment.id])
    )
    assert page.status_code == 200
    assert page.content.decode().count("Parcel status changed") == 2
    assert "Parcel no longer delayed" in page.content.decode()
