"""Conversations with customers, their messages, and the timeline of what happened."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from aftersail.accounts.actors import ActorKind
from aftersail.core.fields import LanguageField
from aftersail.core.models import EventRecord, TimeStampedModel


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    FORM = "form", "Contact form"
    CHAT = "chat", "Live chat"
    WHATSAPP = "whatsapp", "WhatsApp"
    MESSENGER = "messenger", "Messenger"
    INSTAGRAM = "instagram", "Instagram"
    SMS = "sms", "SMS"
    PHONE = "phone", "Phone call"
    SOCIAL = "social", "Social comment"
    API = "api", "API"


# Replies to conversations that started on a channel without a way back go out by email.
REPLY_TRANSPORT: dict[str, str] = {Channel.FORM: Channel.EMAIL, Channel.API: Channel.EMAIL}


def reply_channel(conversation_channel: str) -> str:
    """The channel a public reply travels on for a conversation on ``conversation_channel``."""
    return REPLY_TRANSPORT.get(conversation_channel, conversation_channel)


class Status(models.TextChoices):
    NEW = "new", "New"  # nobody has looked at it yet
    OPEN = "open", "Open"  # the desk owes the customer something
    PENDING = "pending", "Pending"  # waiting on the customer
    ON_HOLD = "on_hold", "On hold"  # waiting on a third party (carrier, warehouse)
    SOLVED = "solved", "Solved"  # answered; a customer reply reopens it
    CLOSED = "closed", "Closed"  # archived; a customer reply starts a follow-up


class Priority(models.TextChoices):
    LOW = "low", "Low"
    NORMAL = "normal", "Normal"
    HIGH = "high", "High"
    URGENT = "urgent", "Urgent"


class Category(models.TextChoices):
    """What the after-sales contact is about."""

    WHERE_IS_MY_ORDER = "where_is_my_order", "Where is my order"
    RETURN = "return", "Return"
    REFUND = "refund", "Refund"
    DAMAGED_ITEM = "damaged_item", "Damaged item"
    WRONG_OR_MISSING_ITEM = "wrong_or_missing_item", "Wrong or missing item"
    WARRANTY = "warranty", "Warranty or defect"
    ADDRESS_CHANGE = "address_change", "Address change"
    CANCELLATION = "cancellation", "Cancellation"
    INVOICE = "invoice", "Invoice"
    CUSTOMS = "customs", "Customs and duties"
    PRODUCT_QUESTION = "product_question", "Product question"
    OTHER = "other", "Other"


OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD)


class Tag(TimeStampedModel):
    """A free label agents put on conversations ("vip", "dhl-delay"); lower-case, unique."""

    name = models.CharField(max_length=50, unique=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Conversation(TimeStampedModel):
    store = models.ForeignKey(
        "commerce.Store", on_delete=models.CASCADE, related_name="conversations"
    )
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="conversations"
    )
    channel = models.CharField(max_length=16, choices=Channel.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    category = models.CharField(max_length=32, choices=Category.choices, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    language = LanguageField(blank=True, help_text="The language the customer writes in.")
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
    )
    assignee = models.ForeignKey(
        "accounts.Agent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_conversations",
    )
    order = models.ForeignKey(
        "commerce.Order",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
    )
    last_message_at = models.DateTimeField(
        help_text="When the newest message arrived or left; orders the inbox."
    )
    tags = models.ManyToManyField(Tag, related_name="conversations", blank=True)
    snoozed_until = models.DateTimeField(
        null=True, blank=True, help_text="Hidden from the queues until then; a reply wakes it."
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
        help_text="The conversation this one was merged into; its messages moved there.",
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["-last_message_at", "-id"]
        indexes = [
            models.Index(fields=["team", "status", "-last_message_at"]),
            models.Index(fields=["assignee", "status", "-last_message_at"]),
            models.Index(fields=["customer", "-last_message_at"]),
            models.Index(fields=["status", "-last_message_at"]),
            models.Index(
                fields=["snoozed_until"],
                name="conversation_snoozed_idx",
                condition=Q(snoozed_until__isnull=False),
            ),
            # The inbox of an agent (team OR assignee) walks this and stops after a page.
            models.Index(fields=["-last_message_at", "-id"], name="conversation_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject}".strip()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Message(TimeStampedModel):
    class Kind(models.TextChoices):
        INBOUND = "inbound", "From the customer"
        REPLY = "reply", "Public reply"
        NOTE = "note", "Internal note"  # never shown or sent to the customer

    class AuthorKind(models.TextChoices):
        CUSTOMER = "customer", "Customer"
        AGENT = "agent", "Agent"
        SYSTEM = "system", "System"  # acknowledgements, notifications
        ASSISTANT = "assistant", "Assistant"

    class Delivery(models.TextChoices):
        NOT_APPLICABLE = "", "-"  # inbound messages and internal notes
        PENDING = "pending", "Pending"  # queued for its channel (again, after a retryable error)
        SENDING = "sending", "Sending"  # claimed by one worker; nobody else sends it
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"  # gave up; delivery_error says why

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    author_kind = models.CharField(max_length=16, choices=AuthorKind.choices)
    author_agent = models.ForeignKey(
        "accounts.Agent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(max_length=16, choices=Channel.choices)
    body_text = models.TextField(blank=True)
    body_html = models.TextField(blank=True, help_text="Sanitized; safe to render.")
    language = LanguageField(blank=True)
    external_id = models.CharField(
        max_length=255, blank=True, help_text="The channel's id, e.g. an email Message-ID."
    )
    channel_metadata = models.JSONField(default=dict, blank=True)
    delivery = models.CharField(max_length=8, choices=Delivery.choices, blank=True, default="")
    delivery_attempts = models.PositiveSmallIntegerField(default=0)
    delivery_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the inbound pipeline finished with it."
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["conversation", "created_at", "id"]
        constraints = [
            # A second delivery of the same channel message is recognized and dropped.
            models.UniqueConstraint(
                fields=["channel", "external_id"],
                condition=~Q(external_id=""),
                name="message_external_id_unique_per_channel",
            )
        ]
        indexes = [
            models.Index(fields=["conversation", "created_at"]),
            # The reconciler's and the delivery retries' searches.
            models.Index(
                fields=["processed_at", "created_at"],
                name="message_unprocessed_idx",
                condition=Q(processed_at__isnull=True, kind="inbound"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} message {self.public_id}"

    @property
    def is_public(self) -> bool:
        return self.kind != self.Kind.NOTE


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name never uses the sender's file name: it may hold path tricks.
    return f"attachments/{instance.public_id.hex[:2]}/{instance.public_id.hex}"


class Attachment(TimeStampedModel):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=255)
    filename = models.CharField(max_length=255, help_text="The sender's name for it.")
    content_type = models.CharField(max_length=127, default="application/octet-stream")
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    is_inline = models.BooleanField(default=False)
    content_id = models.CharField(max_length=255, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["message", "id"]

    def __str__(self) -> str:
        return self.filename


class ConversationEvent(EventRecord):
    """One line of a conversation's timeline; also its audit trail.

    Written only through :mod:`aftersail.conversations.timeline` (which publishes it with
    :func:`aftersail.core.events.publish`); a saved event never changes. The kinds are
    defined in code by the apps that write them (``conversations.events``, ``sla.events``,
    ...), not as database choices.
    """

    stream = "conversation"
    stream_related = ("conversation",)

    ActorKind = ActorKind

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="events")
    actor_kind = models.CharField(max_length=16, choices=ActorKind.choices)
    actor_agent = models.ForeignKey(
        "accounts.Agent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["conversation", "created_at", "id"]
        indexes = [models.Index(fields=["conversation", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} on conversation {self.conversation_id}"
