"""The only way to write a return's timeline; each entry is mirrored on the customer's
conversation (``return_updated``) so agents see the return beside the messages."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import do_record
from aftersail.core import events
from aftersail.returns.events import CLAIM_UPDATED, RETURN_UPDATED
from aftersail.returns.models import ReturnEvent, ReturnRequest, WarrantyClaim


def record(rma: ReturnRequest, kind: str, actor: Actor, **data: Any) -> ReturnEvent:
    now = timezone.now()
    event = events.publish(
        ReturnEvent(
            rma=rma,
            kind=kind,
            actor_kind=actor.kind,
            actor_agent=actor.agent,
            data=data,
            created_at=now,
        )
    )
    if rma.conversation_id is not None:
        do_record(
            rma.conversation,  # type: ignore[arg-type]
            RETURN_UPDATED,
            actor,
            at=now,
            rma=rma.number,
            rma_id=str(rma.public_id),
            step=kind,
            status=rma.status,
            **data,
        )
    return event


def record_claim(claim: WarrantyClaim, step: str, actor: Actor, **data: Any) -> None:
    if claim.conversation_id is not None:
        do_record(
            claim.conversation,  # type: ignore[arg-type]
            CLAIM_UPDATED,
            actor,
            step=step,
            claim=claim.number,
            outcome=claim.outcome,
            **data,
        )
