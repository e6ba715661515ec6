"""Changing customer records: the agent-editable profile and merging two records."""

from __future__ import annotations

from django.db import transaction

from aftersail.conversations import timeline
from aftersail.conversations.models import ConversationEvent
from aftersail.conversations.timeline import Actor
from aftersail.customers.models import Customer, CustomerIdentity

PROFILE_FIELDS = ("name", "given_name", "language", "country", "time_zone")


class CustomerError(ValueError):
    """A change the customer records do not allow."""


def check_merge_customers(source: Customer, target: Customer) -> None:
    if source.id == target.id:
        raise CustomerError("a customer cannot be merged into itself")
    if source.store_id != target.store_id:
        raise CustomerError("customers of different stores cannot be merged")
    if source.user_id and target.user_id:
        raise CustomerError("both customers have a portal login; remove one first")


@transaction.atomic
def do_merge_customers(source: Customer, target: Customer, actor: Actor) -> Customer:
    """Moves identities, orders and conversations of ``source`` to ``target``, fills the
    target's blank profile fields from the source, and deletes the source record.

    Every moved conversation records the change on its timeline.
    """
    check_merge_customers(source, target)
    # Lock both rows in a fixed order so two merges of the same pair cannot interleave.
    list(Customer.objects.select_for_update().filter(id__in=[source.id, target.id]).order_by("id"))
    taken = set(target.identities.values_list("kind", "value"))
    for identity in source.identities.all():
        if (identity.kind, identity.value) in taken:
            identity.delete()
        else:
            CustomerIdentity.objects.filter(id=identity.id).update(
                customer=target, is_primary=False
            )
    source.orders.update(customer=target)
    for conversation in source.conversations.all():
        timeline.record(
            conversation,
            ConversationEvent.Kind.CUSTOMER_CHANGED,
            actor,
            old=str(source.public_id),
            new=str(target.public_id),
        )
    source.conversations.update(customer=target)
    changed = []
    for field in PROFILE_FIELDS:
        if not getattr(target, field) and getattr(source, field):
            setattr(target, field, getattr(source, field))
            changed.append(field)
    user = source.user
    if user is not None and target.user_id is None:
        source.user = None
        source.save(update_fields=["user"])
        target.user = user
        changed.append("user")
    target.save(update_fields=[*changed, "updated_at"])
    source.delete()
    return target
