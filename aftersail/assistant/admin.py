from django.contrib import admin

from aftersail.assistant.models import AssistantSettings


@admin.register(AssistantSettings)
class AssistantSettingsAdmin(admin.ModelAdmin[AssistantSettings]):
    list_display = ["store", "enabled", "answer_first_email", "confidence_threshold"]
