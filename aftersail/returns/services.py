"""Changing returns: ``check_*`` validates, ``do_*`` changes state and records it.

Every step writes the return's timeline (mirrored on the customer's conversation). Refunds
claim their items and the order's ledger with conditional UPDATEs inside one transaction,
so two concurrent refunds can never pay an item twice or more than the order's total.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.commerce.models import Order, OrderLine
from aftersail.conversations.models import Conversation
from aftersail.core.errors import ActionError
from aftersail.returns import timeline
from aftersail.returns.eligibility import Case, LineFacts, evaluate
from aftersail.returns.law import rules_for
from aftersail.returns.models import (
    Refund,
    RefundLedger,
    ReturnDestination,
    ReturnItem,
    ReturnRequest,
    ReturnStatus,
)
from aftersail.returns.policies import context_for, line_facts, policy_for, terms_of
from aftersail.shipping.models import Shipment, ShipmentStatus

CENT = Decimal("0.01")
LABEL_NAMESPACE = uuid.UUID("5b0f3c1e-6a43-4d0a-9d3e-2f1c7e0a4b61")


def clean_text(text: str, limit: int = 2000) -> str:
    """Free text from customers and agents: NUL removed (PostgreSQL refuses it), trimmed."""
    return text.replace("\x00", "").strip()[:limit]


class ReturnError(ActionError):
    """A request the rules do not allow; the message is safe to show an agent."""


@dataclass(frozen=True)
class Selection:
    line_id: int
    quantity: int
    case: str = Case.CHANGE_OF_MIND
    reason: str = ""
    unsealed: bool = False


def _quantity_in_returns(line: OrderLine) -> int:
    total = (
        ReturnItem.objects.filter(order_line=line)
        .exclude(rma__status=ReturnStatus.REJECTED)
        .aggregate(n=Sum("quantity"))["n"]
    )
    return int(total or 0)


def _conversation_for(order: Order) -> Conversation | None:
    """The customer's latest conversation, where agents will look for the return."""
    return Conversation.objects.filter(customer=order.customer).order_by("-last_message_at").first()


@transaction.atomic
def do_request_return(
    order: Order,
    selections: list[Selection],
    *,
    actor: Actor,
    outcome: str = ReturnRequest.Outcome.REFUND,
    channel: str = ReturnRequest.Channel.PORTAL,
    now: datetime | None = None,
    conversation: Conversation | None = None,
) -> ReturnRequest:
    """Checks every selected line against the law and the policy and opens the RMA.

    ``conversation`` is where the customer asked (a chat with the assistant); without it the
    return joins the customer's latest conversation."""
    now = now or timezone.now()
    order = Order.objects.select_for_update().select_related("store", "customer").get(id=order.id)
    if not selections:
        raise ReturnError("Choose at least one item.")
    if outcome not in ReturnRequest.Outcome.values:
        raise ReturnError("Unknown outcome.")
    policy = policy_for(order.store, order.ship_to_country)
    if (
        policy is not None
        and not {
            ReturnRequest.Outcome.REFUND: policy.offers_refund,
            ReturnRequest.Outcome.EXCHANGE: policy.offers_exchange,
            ReturnRequest.Outcome.STORE_CREDIT: policy.offers_store_credit,
        }[ReturnRequest.Outcome(outcome)]
    ):
        raise ReturnError("This outcome is not offered.")
    terms, ctx = terms_of(policy), context_for(order, now)
    facts = line_facts(order, policy)
    lines = {line.id: line for line in order.lines.all()}
    checked = []
    for selection in selections:
        line = lines.get(selection.line_id)
        if line is None:
            raise ReturnError("An item does not belong to this order.")
        if selection.case not in Case.__members__.values():
            raise ReturnError("Unknown return reason.")
        left = line.quantity - _quantity_in_returns(line)
        if not 1 <= selection.quantity <= left:
            raise ReturnError(f"At most {left} of {line.sku} can still be returned.")
        fact = LineFacts(**{**facts[line.id].__dict__, "unsealed": selection.unsealed})
        result = evaluate(Case(selection.case), fact, terms, ctx)
        if not result.eligible:
            raise ReturnError(f"{line.sku} cannot be returned: {result.refusal}.")
        checked.append((line, selection, result))

    number = f"R{order.number}-{order.returns.count() + 1}"
    rules = rules_for(ctx.country, order.placed_at.date(), ctx.region)
    rma = ReturnRequest.objects.create(
        number=number,
        order=order,
        customer=order.customer,
        policy=policy,
        channel=channel,
        outcome=outcome,
        currency=order.currency,
        requested_at=now,
        conversation=conversation or _conversation_for(order),
        refund_due_source=rules.refund_source if rules.refund_days is not None else "",
        refund_due_at=(
            now + timedelta(days=rules.refund_days)
            if rules.refund_days is not None and rules.refund_from == "notice"
            else None
        ),
    )
    ReturnItem.objects.bulk_create(
        ReturnItem(
            rma=rma,
            order_line=line,
            quantity=selection.quantity,
            case=selection.case,
            reason=clean_text(selection.reason),
            basis=result.basis,
            deadline=result.deadline,
            unsealed=selection.unsealed,
        )
        for line, selection, result in checked
    )
    RefundLedger.objects.get_or_create(order=order, defaults={"paid": order.total})
    timeline.record(
        rma,
        "requested",
        actor,
        items=[
            [line.sku, selection.quantity, str(result.basis)] for line, selection, result in checked
        ],
    )
    if policy is not None and policy.auto_approve:
        rma = do_approve(rma, actor=Actor.system())
    return rma


def _locked(rma: ReturnRequest, *allowed: str) -> ReturnRequest:
    fresh = ReturnRequest.objects.select_for_update().get(id=rma.id)
    if allowed and fresh.status not in allowed:
        raise ReturnError(f"The return is {fresh.get_status_display().lower()}.")
    return fresh


def pick_destination(rma: ReturnRequest) -> ReturnDestination | None:
    if rma.policy is None:
        return None
    country = rma.order.ship_to_country
    destinations = list(rma.policy.destinations.all())
    local = [d for d in destinations if d.country == country]
    candidates = local or [d for d in destinations if not d.country]
    return candidates[0] if candidates else None


@transaction.atomic
def do_approve(rma: ReturnRequest, *, actor: Actor) -> ReturnRequest:
    rma = _locked(rma, ReturnStatus.REQUESTED)
    rma.status = ReturnStatus.APPROVED
    rma.destination = pick_destination(rma)
    rma.save(update_fields=["status", "destination", "updated_at"])
    timeline.record(
        rma, "approved", actor, destination=rma.destination.name if rma.destination else ""
    )
    threshold = rma.policy.keep_item_threshold if rma.policy else Decimal("0")
    items = list(rma.items.select_related("order_line"))
    if threshold > 0 and all(i.order_line.unit_price * i.quantity <= threshold for i in items):
        rma = do_choose_method(rma, ReturnRequest.Method.KEEP, actor=Actor.system())
    return rma


@transaction.atomic
def do_reject(rma: ReturnRequest, reason: str, *, actor: Actor) -> ReturnRequest:
    reason = clean_text(reason)
    if not reason:
        raise ReturnError("Give the customer a reason.")
    rma = _locked(rma, ReturnStatus.REQUESTED, ReturnStatus.APPROVED)
    rma.status, rma.rejection_reason = ReturnStatus.REJECTED, reason
    rma.save(update_fields=["status", "rejection_reason", "updated_at"])
    timeline.record(rma, "rejected", actor, reason=rma.rejection_reason)
    return rma


@transaction.atomic
def do_choose_method(rma: ReturnRequest, method: str, *, actor: Actor) -> ReturnRequest:
    rma = _locked(rma, ReturnStatus.APPROVED)
    if method not in ReturnRequest.Method.values:
        raise ReturnError("Unknown return method.")
    rma.method = method
    if method == ReturnRequest.Method.KEEP:
        rma.status, rma.received_at = ReturnStatus.RECEIVED, timezone.now()
    else:
        rma.status = ReturnStatus.AWAITING_PARCEL
        if method == ReturnRequest.Method.DROP_OFF:
            rma.drop_off_code = secrets.token_hex(4).upper()
        else:
            rma.return_shipment = Shipment.objects.create(
                # derived from the RMA number, so that a replayed demo gives the same ids
                public_id=uuid.uuid5(LABEL_NAMESPACE, rma.number),
                order=rma.order,
                carrier="dhl",
                tracking_number=f"RET{rma.number}",
                status=ShipmentStatus.LABEL_CREATED,
                is_return=True,
                origin_country=rma.order.ship_to_country,
                destination_country=(
                    rma.destination.country
                    if rma.destination and rma.destination.country
                    else rma.order.store.country
                ),
            )
    rma.save()
    timeline.record(rma, "method_chosen", actor, method=method, code=rma.drop_off_code)
    return rma


@transaction.atomic
def do_mark_in_transit(rma: ReturnRequest, *, actor: Actor) -> ReturnRequest:
    rma = _locked(rma, ReturnStatus.AWAITING_PARCEL)
    rma.status = ReturnStatus.IN_TRANSIT
    rma.save(update_fields=["status", "updated_at"])
    timeline.record(rma, "in_transit", actor)
    return rma


@transaction.atomic
def do_receive(rma: ReturnRequest, *, actor: Actor, now: datetime | None = None) -> ReturnRequest:
    rma = _locked(rma, ReturnStatus.AWAITING_PARCEL, ReturnStatus.IN_TRANSIT)
    now = now or timezone.now()
    rma.status, rma.received_at = ReturnStatus.RECEIVED, now
    rules = rules_for(
        rma.order.ship_to_country, rma.order.placed_at.date(), rma.order.ship_to_region
    )
    if rules.refund_from == "goods_received" and rules.refund_days is not None:
        rma.refund_due_at = now + timedelta(days=rules.refund_days)
    rma.save()
    timeline.record(rma, "received", actor)
    return rma


@transaction.atomic
def do_inspect_item(item: ReturnItem, grade: str, disposition: str, *, actor: Actor) -> ReturnItem:
    rma = _locked(item.rma, ReturnStatus.RECEIVED, ReturnStatus.INSPECTED)
    if grade not in ReturnItem.Grade.values or disposition not in ReturnItem.Disposition.values:
        raise ReturnError("Choose a grade and a disposition.")
    ReturnItem.objects.filter(id=item.id).update(
        grade=grade, disposition=disposition, inspected_at=timezone.now()
    )
    item.refresh_from_db()
    timeline.record(
        rma, "inspected", actor, sku=item.order_line.sku, grade=grade, disposition=disposition
    )
    if not rma.items.filter(inspected_at__isnull=True).exists():
        rma.status = ReturnStatus.INSPECTED
        rma.save(update_fields=["status", "updated_at"])
    return item


def refund_quote(
    rma: ReturnRequest, items: list[ReturnItem], deduction: Decimal
) -> tuple[Decimal, Decimal, Decimal]:
    """(amount, bonus, deductions) in the order's currency. A restocking fee is charged only
    where the market's law allows it; ``deduction`` is the diminished value from handling
    beyond what was necessary (CRD Art. 14(2)), which every market allows."""
    gross = sum((i.order_line.unit_price * i.quantity for i in items), Decimal("0"))
    order = rma.order
    rules = rules_for(order.ship_to_country, order.placed_at.date(), order.ship_to_region)
    fee = Decimal("0")
    policy = rma.policy
    if policy and policy.restocking_fee_percent and rules.restocking_fee_allowed:
        changed_mind = [i for i in items if i.case == Case.CHANGE_OF_MIND]
        base = sum((i.order_line.unit_price * i.quantity for i in changed_mind), Decimal("0"))
        fee = base * policy.restocking_fee_percent / 100
    if not deduction.is_finite():
        raise ReturnError("Enter the deduction as a number.")
    deduction = min(max(deduction, Decimal("0")), gross)  # never more than the items' value
    deductions = min(gross, (fee + deduction).quantize(CENT, ROUND_HALF_UP))
    amount = gross - deductions
    bonus = Decimal("0")
    if rma.outcome == ReturnRequest.Outcome.STORE_CREDIT and policy:
        bonus = (amount * policy.store_credit_bonus_percent / 100).quantize(CENT, ROUND_HALF_UP)
    if rma.outcome == ReturnRequest.Outcome.EXCHANGE:
        return Decimal("0"), Decimal("0"), deductions
    return amount, bonus, deductions


class RefundConflict(ReturnError):
    """Another refund already took these items or the rest of the money."""


def do_refund(
    rma: ReturnRequest,
    *,
    actor: Actor,
    item_ids: list[int] | None = None,
    deduction: Decimal = Decimal("0"),
) -> Refund:
    with transaction.atomic():
        rma = ReturnRequest.objects.select_related("order", "policy").get(id=rma.id)
        if rma.status in (ReturnStatus.RESOLVED, ReturnStatus.CLOSED):
            raise RefundConflict("This return was already refunded.")
        if rma.status not in (ReturnStatus.RECEIVED, ReturnStatus.INSPECTED):
            raise ReturnError("Refund once the items are back (or kept).")
        items = list(
            rma.items.select_related("order_line").filter(refunded_at__isnull=True)
            if item_ids is None
            else rma.items.select_related("order_line").filter(id__in=item_ids)
        )
        if not items:
            raise RefundConflict("Nothing left to refund on this return.")
        now = timezone.now()
        claimed = ReturnItem.objects.filter(
            id__in=[i.id for i in items], refunded_at__isnull=True
        ).update(refunded_at=now)
        if claimed != len(items):
            raise RefundConflict("These items were already refunded.")
        amount, bonus, deductions = refund_quote(rma, items, deduction)
        ledger_ok = RefundLedger.objects.filter(
            order_id=rma.order_id, refunded__lte=F("paid") - amount
        ).update(refunded=F("refunded") + amount)
        if ledger_ok != 1:
            raise RefundConflict("The refund would exceed what was paid for the order.")
        share = amount / len(items) if items else Decimal("0")
        for item in items:
            item.refunded_amount = share.quantize(CENT, ROUND_HALF_UP)
        ReturnItem.objects.bulk_update(items, ["refunded_amount"])
        refund = Refund.objects.create(
            rma=rma,
            order=rma.order,
            kind=rma.outcome,
            amount=amount,
            bonus=bonus,
            deductions=deductions,
            currency=rma.currency,
            agent=actor.agent,
        )
        if not rma.items.filter(refunded_at__isnull=True).exists():
            rma.status, rma.refunded_at = ReturnStatus.RESOLVED, now
            rma.save(update_fields=["status", "refunded_at", "updated_at"])
        timeline.record(
            rma,
            "refunded",
            actor,
            outcome=rma.outcome,
            amount=str(amount),
            bonus=str(bonus),
            deductions=str(deductions),
            currency=rma.currency,
        )
        return refund


@transaction.atomic
def do_close(rma: ReturnRequest, *, actor: Actor) -> ReturnRequest:
    rma = _locked(rma, ReturnStatus.RESOLVED)
    rma.status = ReturnStatus.CLOSED
    rma.save(update_fields=["status", "updated_at"])
    timeline.record(rma, "closed", actor)
    return rma
