"""Portal and desk pages: who may and who may not, and what they show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from aftersail.accounts.actors import Actor
from aftersail.returns import reports
from aftersail.returns import services as s
from aftersail.returns.access import order_link_token, visible_returns
from aftersail.returns.models import ReturnRequest, ReturnStatus
from aftersail.testing import factories as f
from aftersail.testing.returns import delivered_order, make_policy

NOW = datetime(2026, 3, 12, 9, tzinfo=UTC)


@pytest.fixture
def order(cast):
    make_policy(cast.store)
    return delivered_order(cast.customer)


@pytest.fixture
def rma(order):
    with time_machine.travel(NOW, tick=False):
        return s.do_request_return(
            order, [s.Selection(order.lines.first().id, 1)], actor=Actor.customer()
        )


def test_portal_finds_the_order_by_number_and_email(order, login) -> None:
    client = login(None)
    url = reverse("returns_portal:start")
    assert client.get(url).status_code == 200
    wrong = client.post(url, {"number": order.number, "email": "someone@else.example"})
    assert wrong.status_code == 400
    page = client.get(reverse("returns_portal:order", args=[order.public_id]))
    assert page.status_code == 404  # not proven yet
    found = client.post(url, {"number": f"#{order.number}", "email": "Customer@Mail.example"})
    assert found.status_code == 302
    with time_machine.travel(NOW, tick=False):
        page = client.get(found["Location"], HTTP_ACCEPT_LANGUAGE="de")
    assert page.status_code == 200
    text = page.content.decode()
    # CRD 14 days end 24 March; the policy's 30 days from delivery run to 9 April (Berlin)
    assert "9. April 2026" in text


@pytest.mark.parametrize("hostile", ["' OR 1=1 --", "x" * 5000, "\x00", "<script>"])
def test_portal_lookup_survives_hostile_input(order, login, hostile) -> None:
    response = login(None).post(
        reverse("returns_portal:start"), {"number": hostile, "email": hostile}
    )
    assert response.status_code == 400


def test_portal_lookup_is_rate_limited(order, login) -> None:
    client = login(None)
    for _ in range(20):
        client.post(reverse("returns_portal:start"), {"number": "x", "email": "a@b.example"})
    found = client.post(
        reverse("returns_portal:start"), {"number": order.number, "email": "customer@mail.example"}
    )
    assert found.status_code == 400


def test_customer_login_sees_own_orders_and_starts_a_return(order, cast, login) -> None:
    client = login(cast.customer_user)
    assert f"#{order.number}" in client.get(reverse("returns_portal:start")).content.decode()
    line = order.lines.first()
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            reverse("returns_portal:order", args=[order.public_id]),
            {f"line_{line.id}": "on", f"quantity_{line.id}": "1",
             f"case_{line.id}": "change_of_mind", "outcome": "refund"},
        )  # fmt: skip
    assert response.status_code == 302
    rma = ReturnRequest.objects.get()
    assert rma.status == ReturnStatus.APPROVED
    assert (
        client.post(
            reverse("returns_portal:method", args=[rma.public_id]), {"method": "drop_off"}
        ).status_code
        == 302
    )
    rma.refresh_from_db()
    assert rma.status == ReturnStatus.AWAITING_PARCEL
    pdf = client.get(reverse("returns_portal:pdf", args=[rma.public_id]))
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")


def test_portal_form_rejects_bad_selections(order, cast, login) -> None:
    client = login(cast.customer_user)
    line = order.lines.first()
    picked = {f"line_{line.id}": "on"}
    bad_forms = [{}, {**picked, f"quantity_{line.id}": "abc"}, {**picked, "outcome": "cash"}]
    for data in bad_forms:
        with time_machine.travel(NOW, tick=False):
            response = client.post(reverse("returns_portal:order", args=[order.public_id]), data)
        assert response.status_code == 400
    assert not ReturnRequest.objects.exists()


def test_other_customers_and_anonymous_cannot_see_a_return(rma, cast, login) -> None:
    stranger = f.make_user("stranger@mail.example")
    f.make_customer(cast.store, email="stranger@mail.example", user=stranger)
    for name in ("returns_portal:return", "returns_portal:pdf", "returns_portal:order"):
        target = rma.order.public_id if name.endswith("order") else rma.public_id
        url = reverse(name, args=[target])
        assert login(None).get(url).status_code == 404
        assert login(stranger).get(url).status_code == 404
        assert login(cast.customer_user).get(url).status_code == 200
    assert (
        login(stranger)
        .post(reverse("returns_portal:method", args=[rma.public_id]), {"method": "label"})
        .status_code
        == 404
    )


def test_desk_pages_follow_conversation_visibility(rma, cast, login) -> None:
    pages = [
        reverse("returns_desk:list"),
        reverse("returns_desk:detail", args=[rma.public_id]),
        reverse("returns_desk:customer", args=[rma.customer.public_id]),
    ]
    for who in (cast.admin, cast.supervisor_a, cast.agent_a):
        for url in pages:
            assert login(who.user).get(url).status_code == 200, (who, url)
        assert rma.number in login(who.user).get(pages[0]).content.decode()
    for who in (cast.agent_b, cast.outsourced):
        assert rma.number not in login(who.user).get(pages[0]).content.decode()
        for url in pages[1:]:
            assert login(who.user).get(url).status_code == 404
        action = reverse("returns_desk:action", args=[rma.public_id])
        assert login(who.user).post(action, {"action": "receive"}).status_code == 404
    assert login(cast.customer_user).get(pages[0]).status_code == 403
    assert login(None).get(pages[1]).status_code == 302


def test_desk_actions_run_the_return_to_the_refund(rma, cast, login) -> None:
    client = login(cast.agent_a.user)
    action = reverse("returns_desk:action", args=[rma.public_id])
    assert client.post(action, {"action": "bogus"}).status_code == 400
    client.post(action, {"action": "method", "method": "label"})
    client.post(action, {"action": "in_transit"})
    client.post(action, {"action": "receive"})
    item = rma.items.get()
    client.post(
        action,
        {"action": "inspect", "item": item.id, "grade": "resellable", "disposition": "restock"},
    )
    client.post(action, {"action": "refund", "deduction": "not a number"})
    rma.refresh_from_db()
    assert rma.status == ReturnStatus.INSPECTED
    client.post(action, {"action": "refund", "deduction": "0"})
    rma.refresh_from_db()
    assert rma.status == ReturnStatus.RESOLVED
    page = client.get(reverse("returns_desk:detail", args=[rma.public_id])).content.decode()
    assert "120.00 EUR" in page


@pytest.mark.parametrize(
    "data",
    [
        {"action": "inspect", "item": "abc"},
        {"action": "inspect", "item": "999999"},
        {"action": "inspect", "item": "1", "grade": "shiny"},
        {"action": "method", "method": "teleport"},
        {"action": "refund", "deduction": "1e999999"},
        {"action": "reject", "reason": ""},
        {"action": "\x00"},
    ],
)
def test_desk_actions_survive_hostile_input(rma, cast, login, data) -> None:
    response = login(cast.agent_a.user).post(
        reverse("returns_desk:action", args=[rma.public_id]), data
    )
    assert response.status_code in (302, 400, 404)
    rma.refresh_from_db()
    assert rma.status == ReturnStatus.APPROVED


def test_reports_count_rates_reasons_times_and_dispositions(rma, order, cast, login) -> None:
    agent = Actor.of_agent(cast.agent_a)
    rma = s.do_choose_method(rma, "label", actor=agent)
    rma = s.do_receive(rma, actor=agent)
    s.do_inspect_item(rma.items.get(), "needs_refurbishing", "refurbish", actor=agent)
    with time_machine.travel(datetime(2026, 3, 20, 9, tzinfo=UTC), tick=False):
        s.do_refund(rma, actor=agent)
    url = reverse("returns_desk:report")
    for who in (cast.agent_a, cast.agent_b, cast.outsourced):
        assert login(who.user).get(url).status_code == 403
    assert login(cast.customer_user).get(url).status_code == 403
    assert login(None).get(url).status_code == 302
    assert login(cast.agent_b.user).get(reverse("returns_desk:list")).status_code == 200
    page = login(cast.supervisor_a.user).get(url)
    assert page.status_code == 200

    returns = visible_returns(cast.supervisor_a)
    (rate,) = reports.product_rates(returns)
    assert (rate.sku, rate.sold, rate.returned, rate.rate) == ("JKT-1", 1, 1, 1.0)
    assert reports.reasons_by_market(returns) == [("DE", "change_of_mind", 1)]
    times = reports.refund_times(returns)
    assert (times.refunded, times.on_time, times.late, times.average_days) == (1, 1, 0, 8.0)
    assert reports.dispositions(returns) == [("needs_refurbishing", "refurbish", 1)]
    assert reports.product_rates(visible_returns(cast.agent_b)) == []


def test_signed_link_opens_the_order_and_nothing_else(order, cast, login) -> None:

    token = order_link_token(order)
    client = login(None)
    response = client.get(reverse("returns_portal:link", args=[token]))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    for bad in (token[:-2] + "xx", "x" * 600, "%00"):
        assert login(None).get(reverse("returns_portal:link", args=[bad])).status_code == 404
    with time_machine.travel(datetime.now(tz=UTC) + timedelta(days=61)):
        assert login(None).get(reverse("returns_portal:link", args=[token])).status_code == 404


def test_agent_starts_a_return_for_the_customer(order, cast, login) -> None:
    url = reverse("returns_desk:start", args=[order.public_id])
    line = order.lines.first()
    data = {"line": str(line.id), "quantity": "1", "case": "defect", "outcome": "refund"}
    for who in (cast.agent_b, cast.outsourced):
        assert login(who.user).post(url, data).status_code == 404
    assert login(cast.customer_user).post(url, data).status_code == 403
    for bad in ({**data, "line": "x"}, {**data, "quantity": "-1"}):
        assert login(cast.agent_a.user).post(url, bad).status_code == 400
    with time_machine.travel(NOW, tick=False):
        response = login(cast.agent_a.user).post(url, data)
    rma = ReturnRequest.objects.get()
    assert response["Location"] == reverse("returns_desk:detail", args=[rma.public_id])
    assert (rma.channel, rma.items.get().case, rma.items.get().basis) == (
        "agent", "defect", "legal_guarantee",
    )  # fmt: skip
    assert rma.events.first().actor_agent == cast.agent_a
