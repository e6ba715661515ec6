"""The assistant's "start a return", through the returns app's door (``returns.actions``).

Once the order is verified (order number and email address), the assistant tells the
customer, in their language, which items can go back, on what legal basis and until when
(the deadline as their calendar and zone show it, the texts of ``returns.explain``), and
which cannot and why (a broken hygiene seal, a period that ended). On the customer's yes
(or the numbers of the items they want to send) it starts the return and sends the link to
the return's page and printable form in the chat and, by mail, to the verified address.

It always asks before it starts, even for a single item: the intent classifier cannot tell
a question ("Kann ich meine Jacke umtauschen?") from a decision, and a started return is the
customer's notice of withdrawal, which has to be an unequivocal statement (Directive
2011/83/EU Art. 11(1)). A "yes" to a list that names every item is that statement.

It hands over to a person, with what it found (``handover_note``), when the case is not
clear-cut: part of the order is still on its way (the period has not started), neither the
law nor the store's policy covers an item, the answer stays unclear twice, or the return
cannot be started (the store offers no refund, the order changed meanwhile). A refusal the
law explains (a period that ended, a perishable item) is told, not handed over.
"""

from __future__ import annotations

import logging
from typing import Any

from aftersail.accounts.actors import Actor
from aftersail.assistant import phrases
from aftersail.assistant.confirmation import NO, NUMBERS, YES, Answer, read_answer
from aftersail.assistant.verification import verified_order
from aftersail.commerce.models import Order, Store
from aftersail.conversations.models import Conversation
from aftersail.core.errors import ActionError
from aftersail.returns.actions import (
    OrderProof,
    Refusal,
    ReturnOption,
    Selection,
    check_return_options,
    do_start_return,
)
from aftersail.returns.models import ReturnRequest, ReturnStatus

log = logging.getLogger(__name__)

AWAITING_CONFIRMATION = "return_confirmation"
MAX_UNCLEAR_ANSWERS = 2


def _summary(options: list[ReturnOption]) -> str:
    """For the agent who takes over (the hand-over note is in the desk's language, English):
    every line with its outcome and deadline."""
    parts = []
    for option in options:
        if option.eligible:
            until = option.deadline.isoformat() if option.deadline else "open"
            pending = ", period not started" if option.pending_delivery else ""
            parts.append(f"{option.sku} returnable until {until} ({option.basis}{pending})")
        else:
            parts.append(f"{option.sku} not returnable ({option.refusal})")
    return "; ".join(parts)


class ReturnSteps:
    """The return part of the assistant's dialogue (mixed into ``dialogue._Dialogue``)."""

    state: dict[str, Any]
    facts: dict[str, Any]
    text: str
    language: str
    store: Store

    def _turn(self, *texts: Any, handover: bool = False, reason: str = "", **extra: Any) -> Any:
        raise NotImplementedError

    def _handover(self, reason: str, *texts: Any) -> Any:
        raise NotImplementedError

    def _return_handover(self, reason: str, order: Order, before: str = "") -> Any:
        """Hands over, saying that a colleague takes the return (after ``before``)."""
        handover = str(phrases.HANDOVER_RETURN) % {"order": order.number}
        turn = self._handover(reason, f"{before}\n{handover}" if before else handover)
        turn.order_id = order.pk
        return turn

    # -- the offer ------------------------------------------------------------------
    def _offer_return(self, order: Order) -> Any:
        email = str(self.facts.get("email", ""))
        try:
            options = check_return_options(
                order,
                actor=Actor.customer(),
                proof=OrderProof(order.number, email),
                language=self.language,
            )
        except ActionError as error:  # the door disagrees with our verification
            log.warning("return options of order %s refused: %s", order.pk, error)
            return self._return_handover("return check refused", order)
        self.state["return_summary"] = _summary(options)
        returnable = [option for option in options if option.eligible]
        refused = [option for option in options if not option.eligible]
        if not returnable and not refused:
            return self._return_handover("order has no items", order)
        if any(option.pending_delivery for option in returnable):
            turn = self._handover(
                "order not delivered yet", phrases.NOT_DELIVERED_RETURN % {"order": order.number}
            )
            turn.order_id = order.pk
            return turn
        lines = self._offer_lines(order, returnable, refused)
        if any(option.refusal == Refusal.NO_BASIS for option in refused):
            return self._return_handover("return needs a person", order, lines)
        if not returnable:
            return self._turn(f"{lines}\n{phrases.ANYTHING_ELSE}", order_id=order.pk)
        self.state["awaiting"] = AWAITING_CONFIRMATION
        self.state["unclear_answers"] = 0
        self.state["return_offer"] = {
            "order": order.number,
            "email": email,
            "lines": [[option.line_id, option.quantity] for option in returnable],
        }
        ask = [phrases.CONFIRM_ONE if len(returnable) == 1 else phrases.CONFIRM_SEVERAL]
        if any(option.sealed_only for option in returnable):
            ask.append(phrases.CONFIRM_SEALED)
        question = " ".join(str(part) for part in ask)
        return self._turn(f"{lines}\n{question}", order_id=order.pk)

    def _offer_lines(
        self, order: Order, returnable: list[ReturnOption], refused: list[ReturnOption]
    ) -> str:
        """One paragraph per group, one line per item (the chat keeps line breaks)."""
        lines: list[str] = []
        if returnable:
            lines.append(str(phrases.RETURNABLE) % {"order": order.number})
        for number, option in enumerate(returnable, start=1):
            values = {"number": number, "quantity": option.quantity, "name": option.name}
            text = str(phrases.RETURNABLE_ITEM) % {**values, "explanation": option.explanation}
            if option.citation:
                text += " " + str(phrases.LEGAL_BASIS) % {"source": option.citation}
            if option.sealed_only:
                text += " " + str(phrases.SEALED_ONLY) % {"source": option.seal_citation}
            lines.append(text)
        if refused:
            intro = phrases.NOT_RETURNABLE if returnable else phrases.NOTHING_RETURNABLE
            lines.append(str(intro) % {"order": order.number})
        for option in refused:
            text = str(phrases.REFUSED_ITEM) % {
                "name": option.name,
                "explanation": option.explanation,
            }
            if option.citation:
                text += " " + str(phrases.LEGAL_BASIS) % {"source": option.citation}
            lines.append(text)
        return "\n".join(lines)

    # -- the answer -----------------------------------------------------------------
    def _awaits_return_confirmation(self) -> bool:
        return self.state.get("awaiting") == AWAITING_CONFIRMATION

    def _read_confirmation(self) -> Answer:
        return read_answer(self.text)

    def _drop_return_offer(self) -> None:
        for key in ("awaiting", "return_offer", "unclear_answers"):
            self.state.pop(key, None)

    def _answer_return_offer(self, answer: Answer) -> Any:
        offer = self.state.get("return_offer") or {}
        lines = [(int(line_id), int(quantity)) for line_id, quantity in offer.get("lines", [])]
        chosen = lines if answer.kind == YES else []
        if answer.kind == NUMBERS and all(1 <= n <= len(lines) for n in answer.numbers):
            chosen = [lines[n - 1] for n in answer.numbers]
        if answer.kind == NO:
            self._drop_return_offer()
            return self._turn(phrases.RETURN_NOT_STARTED, phrases.ANYTHING_ELSE)
        if not chosen:
            self.state["unclear_answers"] = self.state.get("unclear_answers", 0) + 1
            if self.state["unclear_answers"] >= MAX_UNCLEAR_ANSWERS:
                self._drop_return_offer()
                return self._handover("return confirmation unclear")
            return self._turn(phrases.CONFIRM_AGAIN)
        return self._start_return(str(offer.get("order", "")), str(offer.get("email", "")), chosen)

    def _start_return(self, number: str, email: str, chosen: list[tuple[int, int]]) -> Any:
        self._drop_return_offer()
        order = verified_order(self.store, number, email)
        if order is None:  # the order or the address changed since the offer
            return self._handover("verification failed")
        try:
            started = do_start_return(
                order,
                [Selection(line_id, quantity) for line_id, quantity in chosen],
                actor=Actor.customer(),
                proof=OrderProof(order.number, email),
                channel=ReturnRequest.Channel.ASSISTANT,
                conversation=self._conversation(),
                mail_form_to=email,
                language=self.language,
            )
        except ActionError as error:
            log.info("assistant could not start a return of order %s: %s", order.pk, error)
            self.state["return_summary"] = f"start refused: {error}"
            return self._return_handover("return could not be started", order)
        rma = started.rma
        self.facts["return"] = rma.number
        next_step = (
            phrases.NEXT_STEP_REVIEW
            if rma.status == ReturnStatus.REQUESTED
            else phrases.NEXT_STEP_APPROVED
        )
        texts: list[Any] = [phrases.RETURN_STARTED % {"rma": rma.number, "url": started.link}]
        if started.mailed_to:
            texts.append(phrases.FORM_MAILED % {"email": started.mailed_to})
        title = str(phrases.RETURN_FORM_TITLE % {"rma": rma.number})
        return self._turn(
            *texts,
            next_step,
            phrases.ANYTHING_ELSE,
            order_id=order.pk,
            links=[{"title": title, "url": started.link}],
        )

    def _conversation(self) -> Conversation | None:
        """The conversation the customer is writing in (the chat passes its id)."""
        conversation_id = self.state.get("conversation_id")
        if not isinstance(conversation_id, int):
            return None
        return Conversation.objects.filter(id=conversation_id, store=self.store).first()
