"""Mailboxes of a store and every inbound email, stored raw before it is parsed."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from aftersail.core.models import TimeStampedModel


class Security(models.TextChoices):
    NONE = "none", "Plain (loopback and tests only)"
    STARTTLS = "starttls", "STARTTLS"
    TLS = "tls", "Implicit TLS"


class Mailbox(TimeStampedModel):
    """One address of a store: where mail arrives (IMAP or a provider webhook) and how
    replies leave (SMTP or a Django email backend such as one of django-anymail's).

    Passwords are never stored: ``*_password_env`` names an environment variable (or its
    ``<NAME>_FILE`` twin) that holds the secret, read at the moment it is needed.
    """

    class Outbound(models.TextChoices):
        BACKEND = "backend", "Django email backend"  # EMAIL_BACKEND, or backend_path below
        SMTP = "smtp", "SMTP server"

    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="mailboxes")
    name = models.CharField(max_length=120)
    address = models.EmailField(help_text="The address customers write to.")
    is_active = models.BooleanField(default=True)
    is_default = models.BooleanField(
        default=False, help_text="Sends replies of conversations that did not start by mail."
    )
    signature = models.TextField(blank=True, help_text="Added under every reply (plain text).")

    outbound = models.CharField(max_length=8, choices=Outbound.choices, default=Outbound.BACKEND)
    backend_path = models.CharField(
        max_length=200, blank=True, help_text="e.g. anymail.backends.mailgun.EmailBackend"
    )
    smtp_host = models.CharField(max_length=255, blank=True)
    smtp_port = models.PositiveIntegerField(default=587)
    smtp_security = models.CharField(
        max_length=8, choices=Security.choices, default=Security.STARTTLS
    )
    smtp_username = models.CharField(max_length=255, blank=True)
    smtp_password_env = models.CharField(
        max_length=100, blank=True, help_text="Name of the environment variable with the password."
    )

    imap_host = models.CharField(max_length=255, blank=True, help_text="Blank: no IMAP polling.")
    imap_port = models.PositiveIntegerField(default=993)
    imap_security = models.CharField(max_length=8, choices=Security.choices, default=Security.TLS)
    imap_username = models.CharField(max_length=255, blank=True)
    imap_password_env = models.CharField(max_length=100, blank=True)
    imap_folder = models.CharField(max_length=255, default="INBOX")
    imap_processed_folder = models.CharField(
        max_length=255, blank=True, help_text="Move stored mail here; blank: flag it instead."
    )
    # Where polling resumes; reset when the server's UIDVALIDITY changes.
    imap_uidvalidity = models.BigIntegerField(null=True, blank=True)
    imap_last_uid = models.BigIntegerField(default=0)
    imap_lease_until = models.DateTimeField(null=True, blank=True)
    imap_lease_owner = models.CharField(max_length=255, blank=True, help_text="host:pid")
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_poll_error = models.TextField(blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "name"]
        verbose_name_plural = "mailboxes"
        constraints = [
            models.UniqueConstraint(fields=["address"], name="mailbox_address_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>"


class InboundEmail(TimeStampedModel):
    """The raw bytes of one received email, kept before anything is parsed."""

    class State(models.TextChoices):
        RECEIVED = "received", "Received"  # stored, not parsed yet (the reconciler retries)
        PARSED = "parsed", "Parsed"  # turned into a message, a bounce record, ...
        QUARANTINED = "quarantined", "Quarantined"  # could not be parsed; reason says why
        DROPPED = "dropped", "Dropped"  # deliberately ignored (duplicate, noise); reason says why

    class Source(models.TextChoices):
        IMAP = "imap", "IMAP"
        WEBHOOK = "webhook", "Provider webhook"
        SMTP = "smtp", "SMTP"
        UPLOAD = "upload", "Upload"

    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="+")
    mailbox = models.ForeignKey(
        Mailbox, on_delete=models.SET_NULL, null=True, blank=True, related_name="inbound"
    )
    source = models.CharField(max_length=8, choices=Source.choices)
    source_ref = models.CharField(
        max_length=255, blank=True, help_text="IMAP UIDVALIDITY:UID or the provider's event id."
    )
    raw = models.BinaryField()
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    message_id_header = models.CharField(max_length=255, blank=True, db_index=True)
    from_address = models.CharField(max_length=254, blank=True, db_index=True)
    subject = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.RECEIVED)
    outcome = models.CharField(max_length=32, blank=True, help_text="What parsing did with it.")
    reason = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    processed_at = models.DateTimeField(null=True, blank=True)
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.ForeignKey(
        "conversations.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["-created_at", "-id"]
        constraints = [
            # The same bytes fetched twice (a poll that died before saving its position).
            models.UniqueConstraint(fields=["store", "sha256"], name="inbound_email_once"),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="inbound_email_pending_idx",
                condition=Q(state="received"),
            ),
            models.Index(fields=["from_address", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject or '(no subject)'} from {self.from_address or '?'}"
