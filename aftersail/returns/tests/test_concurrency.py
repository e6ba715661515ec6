"""Concurrent refunds of the same return: exactly one wins, on SQLite and on PostgreSQL
(run the suite with DATABASE_URL set for the latter)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import OperationalError, connection

from aftersail.accounts.actors import Actor
from aftersail.returns import services as s
from aftersail.returns.models import Refund, RefundLedger, ReturnRequest
from aftersail.testing import factories as f
from aftersail.testing.returns import delivered_order, make_policy

THREADS = 6


def race(target, args_per_thread):
    barrier = threading.Barrier(len(args_per_thread))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(*args):
        try:
            barrier.wait()
            target(*args)
            result = "ok"
        except s.RefundConflict:
            result = "conflict"
        except OperationalError as error:
            # The suite's SQLite test database lives in shared-cache memory, where a second
            # writer gets "table is locked" at once instead of waiting (a file database, as
            # deployed, waits with BEGIN IMMEDIATE). Either way the loser pays nothing.
            result = "conflict" if "locked" in str(error) else f"error: {error}"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=args) for args in args_per_thread]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.fixture
def received_return(transactional_db):
    store = f.make_store()
    make_policy(store)
    order = delivered_order(f.make_customer(store))
    with time_machine.travel(datetime(2026, 3, 12, tzinfo=UTC), tick=False):
        rma = s.do_request_return(
            order,
            [s.Selection(line.id, line.quantity) for line in order.lines.all()],
            actor=Actor.customer(),
        )
    return s.do_choose_method(rma, ReturnRequest.Method.KEEP, actor=Actor.system())


def test_concurrent_refunds_of_one_return_pay_once(received_return) -> None:
    rma = received_return
    outcomes = race(lambda: s.do_refund(rma, actor=Actor.system()), [()] * THREADS)
    assert outcomes == ["conflict"] * (THREADS - 1) + ["ok"]
    assert list(Refund.objects.values_list("amount", flat=True)) == [Decimal("150.00")]
    assert RefundLedger.objects.get(order=rma.order).refunded == Decimal("150.00")


def test_concurrent_refunds_of_separate_items_never_exceed_the_paid_total(received_return) -> None:
    rma = received_return
    RefundLedger.objects.filter(order=rma.order).update(paid=Decimal("130.00"))
    items = list(rma.items.values_list("id", flat=True))  # 120.00 and 2 x 15.00
    outcomes = race(
        lambda item_id: s.do_refund(rma, actor=Actor.system(), item_ids=[item_id]),
        [(item_id,) for item_id in items for _ in range(THREADS // 2)],
    )
    refunded = sum(Refund.objects.values_list("amount", flat=True), Decimal("0"))
    assert refunded <= Decimal("130.00")
    assert outcomes.count("ok") == 1
    assert RefundLedger.objects.get(order=rma.order).refunded == refunded
