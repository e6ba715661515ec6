"""Keeping the search index in step with conversations, messages, customers, orders and
shipments: signal handlers for single changes, ``rebuild_index`` for everything (after bulk
imports, which send no signals)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection, transaction
from django.db.models import Model, Prefetch
from django.db.models.signals import post_delete, post_save

from aftersail.commerce.models import Order
from aftersail.conversations.models import Conversation, Message
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.search.models import DocumentKind, SearchDocument
from aftersail.shipping.models import Shipment

MAX_TEXT = 20_000  # characters of a message that are indexed
BATCH = 2_000
_WORDS = re.compile(r"\w+")


def identifier_text(*values: str) -> str:
    """An identifier and its word parts: 'anna.k@mail.example' is found by the whole
    address and by 'anna', 'mail', ...; PostgreSQL's parser keeps an address in one piece."""
    parts: list[str] = []
    for value in values:
        if value:
            parts.append(value)
            words = _WORDS.findall(value)
            if len(words) > 1:
                parts.extend(words)
    return " ".join(parts)


def _doc(kind: str, object_id: int, store_id: int, text: str, **fields: Any) -> SearchDocument:
    return SearchDocument(
        kind=kind, object_id=object_id, store_id=store_id, text=text[:MAX_TEXT], **fields
    )


def conversation_doc(c: Conversation) -> SearchDocument:
    return _doc(
        DocumentKind.CONVERSATION,
        c.id,
        c.store_id,
        c.subject,
        customer_id=c.customer_id,
        conversation_id=c.id,
        title=c.subject,
    )


def message_doc(m: Message, c: Conversation) -> SearchDocument:
    return _doc(
        DocumentKind.MESSAGE,
        m.id,
        c.store_id,
        m.body_text,
        customer_id=c.customer_id,
        conversation_id=c.id,
        title=c.subject,
    )


def customer_doc(c: Customer) -> SearchDocument:
    values = [i.value for i in c.identities.all()]
    text = " ".join(filter(None, [c.name, c.given_name, identifier_text(*values)]))
    return _doc(DocumentKind.CUSTOMER, c.id, c.store_id, text, customer_id=c.id, title=c.name)


def order_doc(o: Order) -> SearchDocument:
    return _doc(
        DocumentKind.ORDER,
        o.id,
        o.store_id,
        identifier_text(o.number, o.external_id),
        customer_id=o.customer_id,
        title=o.number,
    )


def shipment_doc(s: Shipment, order: Order) -> SearchDocument:
    return _doc(
        DocumentKind.SHIPMENT,
        s.id,
        order.store_id,
        f"{identifier_text(s.tracking_number)} {s.carrier}",
        customer_id=order.customer_id,
        title=s.tracking_number,
    )


def save_documents(documents: Iterable[SearchDocument]) -> None:
    """Inserts or replaces, one statement per batch."""
    SearchDocument.objects.bulk_create(
        list(documents),
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["store", "customer", "conversation", "title", "text"],
    )


def delete_document(kind: str, object_id: int) -> None:
    SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()


# --- signal handlers -------------------------------------------------------------------


def _changed(kwargs: dict[str, Any], *fields: str) -> bool:
    update_fields = kwargs.get("update_fields")
    return update_fields is None or bool(set(update_fields) & set(fields))


def _on_conversation(sender: Any, instance: Conversation, **kwargs: Any) -> None:
    if _changed(kwargs, "subject", "customer", "store"):
        save_documents([conversation_doc(instance)])


def _on_message(sender: Any, instance: Message, **kwargs: Any) -> None:
    if _changed(kwargs, "body_text"):
        save_documents([message_doc(instance, instance.conversation)])


def _on_customer(sender: Any, instance: Customer, **kwargs: Any) -> None:
    if _changed(kwargs, "name", "given_name", "store"):
        save_documents([customer_doc(instance)])


def _on_identity(sender: Any, instance: CustomerIdentity, **kwargs: Any) -> None:
    customer = Customer.objects.filter(id=instance.customer_id).first()
    if customer is not None:
        save_documents([customer_doc(customer)])


def _on_order(sender: Any, instance: Order, **kwargs: Any) -> None:
    save_documents([order_doc(instance)])


def _on_shipment(sender: Any, instance: Shipment, **kwargs: Any) -> None:
    if _changed(kwargs, "tracking_number", "carrier", "order"):
        save_documents([shipment_doc(instance, instance.order)])


def _on_delete(kind: str) -> Any:
    def handler(sender: Any, instance: Model, **kwargs: Any) -> None:
        delete_document(kind, instance.pk)

    return handler


_HANDLERS: list[tuple[type[Model], Any, str]] = [
    (Conversation, _on_conversation, DocumentKind.CONVERSATION),
    (Message, _on_message, DocumentKind.MESSAGE),
    (Customer, _on_customer, DocumentKind.CUSTOMER),
    (Order, _on_order, DocumentKind.ORDER),
    (Shipment, _on_shipment, DocumentKind.SHIPMENT),
]
_delete_handlers: list[Any] = []


def connect_signals() -> None:
    for model, handler, kind in _HANDLERS:
        post_save.connect(handler, sender=model, dispatch_uid=f"search-{kind}")
        delete_handler = _on_delete(kind)
        _delete_handlers.append(delete_handler)  # signals hold weak references
        post_delete.connect(delete_handler, sender=model, dispatch_uid=f"search-del-{kind}")
    post_save.connect(_on_identity, sender=CustomerIdentity, dispatch_uid="search-identity")
    post_delete.connect(_on_identity, sender=CustomerIdentity, dispatch_uid="search-identity-d")


# --- rebuilding ------------------------------------------------------------------------


def _batches(items: Iterator[SearchDocument]) -> Iterator[list[SearchDocument]]:
    batch: list[SearchDocument] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _entity_documents() -> Iterator[SearchDocument]:
    customers = Customer.objects.order_by().prefetch_related(
        Prefetch("identities", queryset=CustomerIdentity.objects.order_by())
    )
    for customer in customers.iterator(chunk_size=BATCH):
        yield customer_doc(customer)
    for o in Order.objects.order_by().iterator(chunk_size=BATCH):
        yield order_doc(o)
    for s in Shipment.objects.select_related("order").order_by().iterator(chunk_size=BATCH):
        yield shipment_doc(s, s.order)


def _insert_conversations_and_messages() -> None:
    """Messages are most of the index: copy them and their conversations inside the
    database in one statement, in the order they were created, as the signal handlers
    would have. Search walks the newest documents first (``fulltext.py``), so the ids must
    follow time, not "every message, then every conversation"."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_searchdocument "
            "(kind, object_id, store_id, customer_id, conversation_id, title, text) "
            "SELECT kind, object_id, store_id, customer_id, conversation_id, title, text "
            "FROM (SELECT %s AS kind, c.id AS object_id, c.store_id, c.customer_id, "
            "c.id AS conversation_id, c.subject AS title, c.subject AS text, "
            "c.created_at AS created_at, 0 AS tie FROM conversations_conversation c "
            "UNION ALL SELECT %s, m.id, c.store_id, c.customer_id, c.id, c.subject, "
            "SUBSTR(m.body_text, 1, %s), m.created_at, 1 FROM conversations_message m "
            "JOIN conversations_conversation c ON c.id = m.conversation_id) AS documents "
            "ORDER BY created_at, tie, object_id",
            [DocumentKind.CONVERSATION.value, DocumentKind.MESSAGE.value, MAX_TEXT],
        )


@transaction.atomic
def rebuild_index() -> int:
    """Drops and refills the whole index; returns the number of documents."""
    SearchDocument.objects.all().delete()
    _insert_conversations_and_messages()
    for batch in _batches(_entity_documents()):
        SearchDocument.objects.bulk_create(batch)
    return SearchDocument.objects.count()
