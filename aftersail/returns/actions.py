"""The door through which other apps change returns.

Every ``do_*`` here takes the :class:`~aftersail.accounts.actors.Actor` who asks and checks,
inside its transaction, that this actor may act on the order; the returns rules behind it
(``services``, ``claims``) then check the state and the law. Who may do what:

- the system (tasks, reactions) may do everything;
- agents and API keys act on the orders they may see (``conversations.selectors.
  orders_visible_to``: the customers of their teams' conversations, a store-wide key its
  store's);
- a customer acts only on their own order and shows that it is theirs with an
  :class:`OrderProof`, the order number with an email address of the order's customer (what
  the portal's lookup and the assistant's verification ask for). A customer may see what can
  go back, start a return, choose how to send it and report a defect; deciding, receiving,
  inspecting and refunding stay with the merchant.

The returns app's own pages (portal, desk) check the visitor in the request and call
``services`` directly; every other app comes through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import transaction

from aftersail.accounts.actors import Actor, ActorKind
from aftersail.commerce.models import Order, OrderLine
from aftersail.conversations.models import Conversation
from aftersail.conversations.selectors import orders_visible_to
from aftersail.core.errors import NotAllowed
from aftersail.core.localization import customer_language, supported_language
from aftersail.core.queue import enqueue_on_commit
from aftersail.customers.models import CustomerIdentity
from aftersail.customers.selectors import stored_email
from aftersail.returns import claims, services
from aftersail.returns.eligibility import Case, Refusal
from aftersail.returns.models import Refund, ReturnItem, ReturnRequest, WarrantyClaim
from aftersail.returns.selectors import ReturnOption, return_link, return_options
from aftersail.returns.services import RefundConflict, ReturnError, Selection
from aftersail.returns.tasks import mail_return_form

__all__ = [
    "OrderProof",
    "RefundConflict",
    "Refusal",
    "ReturnError",
    "ReturnNotAllowed",
    "ReturnOption",
    "Selection",
    "StartedReturn",
    "check_may_act_for_customer",
    "check_may_decide",
    "check_return_options",
    "do_approve",
    "do_choose_method",
    "do_close",
    "do_decide_claim",
    "do_inspect_item",
    "do_mark_in_transit",
    "do_open_claim",
    "do_receive",
    "do_refund",
    "do_reject",
    "do_start_return",
]


class ReturnNotAllowed(ReturnError, NotAllowed):
    """A change to a return that whoever asked may not make."""


@dataclass(frozen=True)
class OrderProof:
    """What a customer showed to claim an order: its number and an email address of its
    customer (compared here again, so a caller's mistake cannot open someone else's order)."""

    order_number: str
    email: str


@dataclass(frozen=True)
class StartedReturn:
    rma: ReturnRequest
    link: str  # the signed link to the return's page and printable form
    mailed_to: str  # where the form goes by mail ("" when not asked to mail it)


def _proves(order: Order, proof: OrderProof | None) -> bool:
    if proof is None:
        return False
    number = proof.order_number.strip().lstrip("#").lower()
    typed = proof.email.replace("\x00", "").strip()[:254]
    email = stored_email(typed) or typed.lower()
    if not number or not email or number != order.number.lower():
        return False
    return CustomerIdentity.objects.filter(
        store_id=order.store_id,
        customer_id=order.customer_id,
        kind=CustomerIdentity.Kind.EMAIL,
        value=email,
    ).exists()


def _sees(actor: Actor, order: Order) -> bool:
    return orders_visible_to(actor).filter(id=order.id).exists()


def check_may_act_for_customer(actor: Actor, order: Order, proof: OrderProof | None = None) -> None:
    """What a customer may do on their own order: the customer with a proof, the system,
    and agents and API keys who may see the order."""
    if actor.kind == ActorKind.SYSTEM:
        return
    if actor.kind == ActorKind.CUSTOMER:
        if not _proves(order, proof):
            raise ReturnNotAllowed("The order number and email address do not match.")
        return
    if not _sees(actor, order):
        raise ReturnNotAllowed("You cannot see this order.")


def check_may_decide(actor: Actor, order: Order) -> None:
    """What only the merchant does (decide, receive, inspect, refund, close): the system,
    and agents and API keys who may see the order; never a customer."""
    if actor.kind == ActorKind.SYSTEM:
        return
    if actor.kind == ActorKind.CUSTOMER or not _sees(actor, order):
        raise ReturnNotAllowed("Only the merchant's team decides on returns it may see.")


def check_return_options(
    order: Order,
    *,
    actor: Actor,
    language: str,
    proof: OrderProof | None = None,
    case: Case = Case.CHANGE_OF_MIND,
    now: datetime | None = None,
) -> list[ReturnOption]:
    """Which lines of ``order`` can go back for ``case``, on what legal basis and until when,
    explained in ``language`` (see :func:`aftersail.returns.selectors.return_options`)."""
    check_may_act_for_customer(actor, order, proof)
    return return_options(order, language=language, case=case, now=now)


def _customer_address(order: Order, address: str) -> str:
    """``address`` when it is one of the order customer's: forms go nowhere else."""
    typed = address.replace("\x00", "").strip()[:254]
    address = stored_email(typed) or typed.lower()
    known = CustomerIdentity.objects.filter(
        store_id=order.store_id,
        customer_id=order.customer_id,
        kind=CustomerIdentity.Kind.EMAIL,
        value=address,
    ).exists()
    if not known:
        raise ReturnError("The return form can only be mailed to the customer's own address.")
    return address


@transaction.atomic
def do_start_return(
    order: Order,
    selections: list[Selection],
    *,
    actor: Actor,
    proof: OrderProof | None = None,
    outcome: str = ReturnRequest.Outcome.REFUND,
    channel: str = ReturnRequest.Channel.PORTAL,
    conversation: Conversation | None = None,
    mail_form_to: str = "",
    language: str = "",
    now: datetime | None = None,
) -> StartedReturn:
    """Starts a return of ``selections`` for the order's customer, checked item by item
    against the law of their market and the store's policy (``services.do_request_return``).

    ``conversation`` is where the customer asked (it must be the store's), so the return's
    steps appear there; with ``mail_form_to`` (an address of the customer) the link and the
    printable form go out by mail, in ``language``, once the return is committed."""
    check_may_act_for_customer(actor, order, proof)
    if conversation is not None and conversation.store_id != order.store_id:
        raise ReturnError("The conversation belongs to another store.")
    address = _customer_address(order, mail_form_to) if mail_form_to else ""
    rma = services.do_request_return(
        order,
        selections,
        actor=actor,
        outcome=outcome,
        channel=channel,
        now=now,
        conversation=conversation,
    )
    link = return_link(rma)
    if address:
        language = supported_language(language) or customer_language(order.customer, order.store)
        enqueue_on_commit(mail_return_form, rma.id, address, language, link)
    return StartedReturn(rma, link, address)


@transaction.atomic
def do_choose_method(
    rma: ReturnRequest, method: str, *, actor: Actor, proof: OrderProof | None = None
) -> ReturnRequest:
    check_may_act_for_customer(actor, rma.order, proof)
    return services.do_choose_method(rma, method, actor=actor)


@transaction.atomic
def do_approve(rma: ReturnRequest, *, actor: Actor) -> ReturnRequest:
    check_may_decide(actor, rma.order)
    return services.do_approve(rma, actor=actor)


@transaction.atomic
def do_reject(rma: ReturnRequest, reason: str, *, actor: Actor) -> ReturnRequest:
    check_may_decide(actor, rma.order)
    return services.do_reject(rma, reason, actor=actor)


@transaction.atomic
def do_mark_in_transit(rma: ReturnRequest, *, actor: Actor) -> ReturnRequest:
    check_may_decide(actor, rma.order)
    return services.do_mark_in_transit(rma, actor=actor)


@transaction.atomic
def do_receive(rma: ReturnRequest, *, actor: Actor, now: datetime | None = None) -> ReturnRequest:
    check_may_decide(actor, rma.order)
    return services.do_receive(rma, actor=actor, now=now)


@transaction.atomic
def do_inspect_item(item: ReturnItem, grade: str, disposition: str, *, actor: Actor) -> ReturnItem:
    check_may_decide(actor, item.rma.order)
    return services.do_inspect_item(item, grade, disposition, actor=actor)


@transaction.atomic
def do_refund(
    rma: ReturnRequest,
    *,
    actor: Actor,
    item_ids: list[int] | None = None,
    deduction: Decimal = Decimal("0"),
) -> Refund:
    check_may_decide(actor, rma.order)
    return services.do_refund(rma, actor=actor, item_ids=item_ids, deduction=deduction)


@transaction.atomic
def do_close(rma: ReturnRequest, *, actor: Actor) -> ReturnRequest:
    check_may_decide(actor, rma.order)
    return services.do_close(rma, actor=actor)


@transaction.atomic
def do_open_claim(
    line: OrderLine,
    description: str,
    *,
    actor: Actor,
    proof: OrderProof | None = None,
    photos: list[str] | None = None,
    now: datetime | None = None,
) -> WarrantyClaim:
    check_may_act_for_customer(actor, line.order, proof)
    return claims.do_open_claim(line, description, actor=actor, photos=photos, now=now)


@transaction.atomic
def do_decide_claim(
    claim: WarrantyClaim, outcome: str, *, actor: Actor, reason: str = ""
) -> WarrantyClaim:
    check_may_decide(actor, claim.order_line.order)
    return claims.do_decide_claim(claim, outcome, actor=actor, reason=reason)
