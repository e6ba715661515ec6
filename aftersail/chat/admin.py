from django.contrib import admin

from aftersail.chat.models import AgentPresence, ChatSession, ChatSettings


@admin.register(ChatSettings)
class ChatSettingsAdmin(admin.ModelAdmin[ChatSettings]):
    list_display = ["store", "enabled", "team"]


@admin.register(AgentPresence)
class AgentPresenceAdmin(admin.ModelAdmin[AgentPresence]):
    list_display = ["agent", "available", "updated_at"]


@admin.register(ChatSession)
class ChatSessionAdmin(admin.ModelAdmin[ChatSession]):
    list_display = ["public_id", "store", "state", "browser_language", "created_at"]
    readonly_fields = ["public_id", "customer", "conversation", "assistant_state"]
