"""The search index: one row per searchable thing, with its text.

The full-text index over ``text`` is database-specific and built by migration 0002: an FTS5
virtual table kept in sync by triggers on SQLite, a generated ``tsvector`` column with a GIN
index on PostgreSQL. Rows are written by :mod:`aftersail.search.indexing`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    CONVERSATION = "conversation", _("Conversation")
    MESSAGE = "message", _("Message")
    CUSTOMER = "customer", _("Customer")
    ORDER = "order", _("Order")
    SHIPMENT = "shipment", _("Shipment")


class SearchDocument(models.Model):
    """A derived row (rebuilt at will by ``rebuild_search_index``), so it carries no public
    id or timestamps of its own: only what the search and its visibility rule need."""

    kind = models.CharField(max_length=16, choices=DocumentKind.choices)
    object_id = models.BigIntegerField()
    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="+")
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="+", null=True
    )
    # Set for conversations and messages: their visibility is the conversation's.
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="+", null=True
    )
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
