"""Merging two records of one person: everything that points at the source customer is
moved to the target, then the source is deleted."""

from __future__ import annotations

from django.db import transaction

from aftersail.accounts.actors import Actor
from aftersail.core.errors import NotAllowed
from aftersail.core.models import EventRecord
from aftersail.customers.errors import CustomerError
from aftersail.customers.models import Customer, CustomerIdentity

PROFILE_FIELDS = ("name", "given_name", "language", "country", "time_zone")


def check_merge_customers(source: Customer, target: Customer, actor: Actor) -> None:
    if actor.kind not in ("agent", "system"):
        raise NotAllowed("only agents merge customer records")
    if source.id == target.id:
        raise CustomerError("a customer cannot be merged into itself")
    if source.store_id != target.store_id:
        raise CustomerError("customers of different stores cannot be merged")
    if source.user_id and target.user_id:
        raise CustomerError("both customers have a portal login; remove one first")


def _move_references(source: Customer, target: Customer) -> None:
    """Points every row of every app that refers to ``source`` (orders, conversations,
    returns, chat sessions, search documents, ...) at ``target``. Read from the model
    relations rather than listed, so an app added later is moved too without this module
    knowing it; timelines keep their entries where they were written."""
    for relation in Customer._meta.related_objects:
        model = relation.related_model
        if not relation.one_to_many or model is CustomerIdentity:
            continue
        if isinstance(model, type) and issubclass(model, EventRecord):
            continue
        field = relation.field.name
        model._base_manager.filter(**{field: source}).update(**{field: target})


@transaction.atomic
def merge_records(source: Customer, target: Customer, actor: Actor) -> Customer:
    """Moves identities and every reference of ``source`` to ``target``, fills the target's
    blank profile fields from the source, and deletes the source record.

    Callers that show customers to agents check first that the agent may see both
    (``conversations.actions.do_merge_customers`` does, and records the change on the
    timelines of the moved conversations)."""
    check_merge_customers(source, target, actor)
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
    _move_references(source, target)
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
