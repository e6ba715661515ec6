"""The only way to write a return's timeline; each entry is mirrored on the customer's
conversation (``return_updated``) so agents see the return beside the messages."""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone

from aftersail.conversations import timeline as conversation_timeline
from aftersail.conversations.models import ConversationEvent
from aftersail.conversations.timeline import Actor
from aftersail.returns.models import ReturnEvent, ReturnRequest, WarrantyClaim


def record(rma: ReturnRequest, kind: str, actor: Actor, **data: Any) -> ReturnEvent:
    json.dumps(data)
    now = timezone.now()
    event = ReturnEvent.objects.create(
        rma=rma,
        kind=kind,
        actor_kind=actor.kind,
        actor_agent=actor.agent,
        data=data,
        created_at=now,
    )
    if rma.conversation_id is not None:
        conversation_timeline.record(
            rma.conversation,  # type: ignore[arg-type]
            ConversationEvent.Kind.RETURN_UPDATED,
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
        conversation_timeline.record(
            claim.conversation,  # type: ignore[arg-type]
            ConversationEvent.Kind.CLAIM_UPDATED,
            actor,
            claim=claim.number,
            step=step,
            outcome=claim.outcome,
            **data,
        )
