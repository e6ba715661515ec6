"""What agents and API keys change on the customers of their conversations: the profile,
and merging two records of one person. The customers app keeps the records; which customers
an agent may touch follows from the conversations it may see, so the checks live here."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from aftersail.accounts.actors import Actor
from aftersail.conversations import events as conversation_events
from aftersail.conversations import timeline
from aftersail.conversations.permissions import ConversationNotAllowed
from aftersail.conversations.visibility import customers_visible_to
from aftersail.customers.actions import check_merge_customers, do_update_customer, merge_records
from aftersail.customers.models import Customer


@transaction.atomic
def do_merge_customers(source: Customer, target: Customer, actor: Actor) -> Customer:
    """Merges ``source`` into ``target``; an agent must be able to see both."""
    check_merge_customers(source, target, actor)
    if not actor.is_trusted:
        seen = customers_visible_to(actor).filter(id__in=[source.id, target.id]).count()
        if seen != 2:
            raise ConversationNotAllowed("you cannot see both customers")
    for conversation in source.conversations.all():
        timeline.record(
            conversation,
            conversation_events.CUSTOMER_CHANGED,
            actor,
            old=str(source.public_id),
            new=str(target.public_id),
        )
    return merge_records(source, target, actor)


@transaction.atomic
def do_change_customer(customer: Customer, changes: dict[str, Any], actor: Actor) -> None:
    """Changes the profile fields an agent may edit, of a customer the actor may see."""
    if not actor.is_trusted and not customers_visible_to(actor).filter(id=customer.id).exists():
        raise ConversationNotAllowed("you cannot see this customer")
    do_update_customer(customer, changes)
