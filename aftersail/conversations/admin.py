from django.contrib import admin

from aftersail.conversations.models import (
    Attachment,
    Conversation,
    ConversationEvent,
    Message,
    Tag,
)


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin[Conversation]):
    list_display = [
        "id",
        "subject",
        "customer",
        "channel",
        "status",
        "priority",
        "team",
        "language",
    ]
    list_filter = ["store", "status", "channel", "priority", "team", "language"]
    search_fields = ["subject", "customer__name"]
    raw_id_fields = ["customer", "assignee", "order", "merged_into"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    list_display = ["public_id", "conversation", "kind", "author_kind", "channel", "created_at"]
    list_filter = ["kind", "channel"]
    raw_id_fields = ["conversation", "author_agent"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin[Attachment]):
    list_display = ["filename", "content_type", "size", "message"]
    raw_id_fields = ["message"]


@admin.register(ConversationEvent)
class ConversationEventAdmin(admin.ModelAdmin[ConversationEvent]):
    """Read-only: the timeline is written by the desk, never by hand."""

    list_display = ["conversation", "kind", "actor_kind", "created_at"]
    list_filter = ["kind", "actor_kind"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    list_display = ["name", "created_at"]
    search_fields = ["name"]
