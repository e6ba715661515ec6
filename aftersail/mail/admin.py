from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from aftersail.core.queue import enqueue_on_commit
from aftersail.mail.ingest import do_reprocess
from aftersail.mail.models import InboundEmail, Mailbox
from aftersail.mail.tasks import process_inbound_email


@admin.register(Mailbox)
class MailboxAdmin(admin.ModelAdmin[Mailbox]):
    list_display = ["address", "store", "outbound", "imap_host", "last_polled_at", "is_active"]
    list_filter = ["store", "is_active"]
    readonly_fields = ["imap_uidvalidity", "imap_last_uid", "last_polled_at", "last_poll_error"]


@admin.register(InboundEmail)
class InboundEmailAdmin(admin.ModelAdmin[InboundEmail]):
    """The quarantine: filter on state, read the reason, reprocess after a fix."""

    list_display = ["created_at", "from_address", "subject", "state", "outcome", "reason"]
    list_filter = ["state", "outcome", "source", "store"]
    search_fields = ["from_address", "subject", "message_id_header"]
    exclude = ["raw"]
    readonly_fields = [f.name for f in InboundEmail._meta.fields if f.name != "raw"]
    actions = ["reprocess"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Parse the selected mails again")
    def reprocess(self, request: HttpRequest, queryset: QuerySet[InboundEmail]) -> None:

        count = 0
        for row in queryset:
            do_reprocess(row)
            enqueue_on_commit(process_inbound_email, row.id)
            count += 1
        self.message_user(request, f"{count} mail(s) queued to be parsed again.", messages.SUCCESS)
