"""Warranty and complaint claims: a defect on one order line, under the legal guarantee or
the merchant's warranty, decided as repair, replace, refund or reject (with a reason)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.commerce.models import OrderLine
from aftersail.conversations.models import Conversation
from aftersail.returns import timeline
from aftersail.returns.eligibility import Case, evaluate
from aftersail.returns.models import WarrantyClaim
from aftersail.returns.policies import context_for, line_facts, policy_for, terms_of
from aftersail.returns.services import ReturnError, clean_text


@transaction.atomic
def do_open_claim(
    line: OrderLine,
    description: str,
    *,
    actor: Actor,
    photos: list[str] | None = None,
    now: datetime | None = None,
) -> WarrantyClaim:
    description = clean_text(description, 5000)
    if not description:
        raise ReturnError("Describe the defect.")
    order = line.order
    policy = policy_for(order.store, order.ship_to_country)
    result = evaluate(
        Case.DEFECT, line_facts(order, policy)[line.id], terms_of(policy), context_for(order, now)
    )
    count = WarrantyClaim.objects.filter(order_line__order=order).count()
    claim = WarrantyClaim.objects.create(
        number=f"W{order.number}-{count + 1}",
        order_line=line,
        customer=order.customer,
        conversation=Conversation.objects.filter(customer=order.customer)
        .order_by("-last_message_at")
        .first(),
        description=description,
        photos=photos or [],
        basis=result.basis,
        covered_until=result.deadline,
        presumed_until=result.presumed_until,
    )
    timeline.record_claim(claim, "opened", actor, basis=claim.basis)
    return claim


@transaction.atomic
def do_decide_claim(
    claim: WarrantyClaim, outcome: str, *, actor: Actor, reason: str = ""
) -> WarrantyClaim:
    claim = WarrantyClaim.objects.select_for_update().get(id=claim.id)
    if claim.outcome:
        raise ReturnError("This claim was already decided.")
    if outcome not in WarrantyClaim.Outcome.values or not outcome:
        raise ReturnError("Unknown outcome.")
    reason = clean_text(reason)
    if outcome == WarrantyClaim.Outcome.REJECT and not reason:
        raise ReturnError("Give the customer a reason.")
    claim.outcome, claim.outcome_reason, claim.decided_at = outcome, reason, timezone.now()
    claim.save(update_fields=["outcome", "outcome_reason", "decided_at", "updated_at"])
    timeline.record_claim(claim, "decided", actor, reason=claim.outcome_reason)
    return claim
