"""What happens to every inbound customer message after it is stored, in a fixed order.

Apps register steps from their ``AppConfig.ready()``::

    @register_inbound_step(pipeline.DETECT_LANGUAGE, "language.detect")
    def detect(message: Message) -> None: ...

The task ``process_inbound_message`` runs the steps in order once the message's transaction
has committed, then stamps ``Message.processed_at``. Steps must be idempotent: the
reconciler re-runs the pipeline of any message left unprocessed (a worker died), and a step
that fails is logged while the following steps still run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from huey.contrib.djhuey import db_task

from aftersail.conversations.models import Message

log = logging.getLogger(__name__)

# Conventional positions; leave gaps so steps can slot in between.
DETECT_LANGUAGE = 100  # set Message.language / Conversation.language
CLASSIFY = 200  # category, intent, recognized order numbers
ROUTE = 300  # team and assignee
SLA = 400  # reply-by clocks
ACKNOWLEDGE = 500  # the automatic acknowledgement with its reply-by promise
ASSIST = 600  # the assistant's answer, where it may answer
NOTIFY = 900  # tell agents

StepFunction = Callable[[Message], None]


@dataclass(frozen=True)
class InboundStep:
    order: int
    name: str
    run: StepFunction


_steps: dict[str, InboundStep] = {}


def register_inbound_step(order: int, name: str) -> Callable[[StepFunction], StepFunction]:
    def decorator(function: StepFunction) -> StepFunction:
        _steps[name] = InboundStep(order, name, function)
        return function

    return decorator


def inbound_steps() -> list[InboundStep]:
    return sorted(_steps.values(), key=lambda step: (step.order, step.name))


def run_inbound_steps(message: Message) -> list[str]:
    """Runs every step on ``message``; returns the names of the steps that failed."""
    failed = []
    for step in inbound_steps():
        try:
            step.run(message)
        except Exception:
            log.exception("inbound step %s failed on message %s", step.name, message.public_id)
            failed.append(step.name)
    return failed


@db_task()
def process_inbound_message(message_id: int) -> None:
    message = (
        Message.objects.select_related("conversation__customer", "conversation__store")
        .filter(id=message_id, kind=Message.Kind.INBOUND)
        .first()
    )
    if message is None or message.processed_at is not None:
        return
    run_inbound_steps(message)
    Message.objects.filter(id=message_id).update(processed_at=timezone.now())
