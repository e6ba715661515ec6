"""The portal's contact form: a conversation in the inbox and a copy by email to the visitor.

Spam protection: a honeypot field (bots fill it; people never see it), and rate limits per
IP address and per email address. An order number, when given, must be an order of the
customer with that email address.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from email.utils import make_msgid
from typing import Any

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import EmailValidator
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aftersail.accounts.actors import Actor
from aftersail.commerce.models import Order, Store
from aftersail.conversations.actions import NewMessage, do_add_message, do_open_conversation
from aftersail.conversations.models import Attachment, Channel, Message
from aftersail.core import ratelimit
from aftersail.customers.actions import (
    CustomerError,
    IdentityKind,
    check_email,
    find_or_create_customer,
)
from aftersail.customers.models import Customer
from aftersail.customers.selectors import find_customer
from aftersail.mail.parsing import DANGEROUS_EXTENSIONS

MAX_FILES = 3
MAX_FILE_BYTES = 5 * 1024 * 1024
PER_IP_PER_HOUR = 5
PER_ADDRESS_PER_HOUR = 3

TOPICS = [
    ("where_is_my_order", _("Where is my order?")),
    ("return", _("Return or exchange")),
    ("damaged_item", _("Damaged or wrong item")),
    ("refund", _("Refund")),
    ("product_question", _("Question about a product")),
    ("other", _("Something else")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (the pattern of Django's file-uploads documentation)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    order_number = forms.CharField(
        label=_("Order number (if you have one)"), max_length=40, required=False
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=TOPICS)
    message = forms.CharField(label=_("Your message"), widget=forms.Textarea, max_length=10000)
    attachments = MultipleFileField(
        label=_("Photos or documents (up to 3 files, 5 MB each)"), required=False
    )
    # The honeypot: hidden from people by the template, filled by bots.
    website = forms.CharField(required=False, label="Website")

    def clean_email(self) -> str:
        # The spelling the customer is stored under, so the rate limit and the order check
        # see one address however it was typed.
        try:
            return check_email(str(self.cleaned_data["email"]))
        except CustomerError:
            raise forms.ValidationError(EmailValidator.message, code="invalid") from None

    def clean_attachments(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Please attach at most 3 files."))
        for upload in files:
            name = (upload.name or "").lower().rstrip(". ")
            if upload.size is not None and upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(_("Each file may be at most 5 MB."))
            if "." in name and name.rpartition(".")[2] in DANGEROUS_EXTENSIONS:
                raise forms.ValidationError(_("This type of file cannot be sent."))
        return list(files)


@dataclass
class ContactRequest:
    store: Store
    name: str
    email: str
    topic: str
    message: str
    language: str
    ip: str
    order_number: str = ""
    files: list[UploadedFile] = field(default_factory=list)
    honeypot: str = ""


class ContactRefused(ValueError):
    """The form may not be sent now; the message is shown to the visitor."""


def check_contact(request: ContactRequest) -> tuple[Customer | None, Order | None]:
    """Rate limits and the order number; the customer (None: a new one) and the order."""
    if not ratelimit.hit("contact-ip", request.ip, limit=PER_IP_PER_HOUR, window_seconds=3600):
        raise ContactRefused(gettext("Too many messages from your network. Please try later."))
    if not ratelimit.hit(
        "contact-address", request.email, limit=PER_ADDRESS_PER_HOUR, window_seconds=3600
    ):
        raise ContactRefused(gettext("Too many messages from this address. Please try later."))
    customer = find_customer(request.store, IdentityKind.EMAIL, request.email)
    order = None
    if request.order_number:
        order = Order.objects.filter(
            store=request.store, number=request.order_number.strip().lstrip("#"), customer=customer
        ).first()
        if customer is None or order is None:
            raise ContactRefused(
                gettext("We could not find this order number for your email address.")
            )
    return customer, order


@transaction.atomic
def do_submit_contact(request: ContactRequest) -> Message | None:
    """Opens the conversation; None when the honeypot caught a bot (nothing is stored)."""
    if request.honeypot:
        return None
    customer, order = check_contact(request)
    if customer is None:
        customer, _created = find_or_create_customer(
            request.store,
            IdentityKind.EMAIL,
            request.email,
            name=request.name,
            language=request.language,
        )
    topic = dict(TOPICS).get(request.topic, TOPICS[-1][1])
    conversation = do_open_conversation(
        store=request.store,
        customer=customer,
        channel=Channel.FORM,
        actor=Actor.customer(),
        subject=str(topic),
        language=request.language,
        order=order,
    )
    domain = request.store.sender_email.rpartition("@")[2] or "localhost"
    message = do_add_message(
        conversation,
        NewMessage(
            kind=Message.Kind.INBOUND,
            author_kind=Message.AuthorKind.CUSTOMER,
            text=request.message,
            channel=Channel.FORM,
            language=request.language,
            # The copy to the customer carries this Message-ID: a reply to it threads here.
            external_id=make_msgid(domain=domain),
            metadata={
                "topic": request.topic,
                "name": request.name,
                "from": request.email,
                "is_automatic": False,
                "ip_sha256": hashlib.sha256(request.ip.encode()).hexdigest()[:16],
            },
        ),
    )
    for upload in request.files:
        content = upload.read()
        attachment = Attachment(
            message=message,
            filename=(upload.name or "file")[-200:],
            content_type=(upload.content_type or "application/octet-stream")[:127],
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )
        attachment.file.save(attachment.filename, ContentFile(content), save=False)
        attachment.save()
    # The copy to the visitor goes out from the inbound pipeline, after the acknowledgement
    # step has made the reply-by promise it carries (mail/contact_copy.py).
    return message
