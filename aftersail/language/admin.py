from django.contrib import admin

from aftersail.language.models import Translation, TranslationSettings


@admin.register(TranslationSettings)
class TranslationSettingsAdmin(admin.ModelAdmin[TranslationSettings]):
    list_display = ["store", "provider", "api_url"]


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin[Translation]):
    list_display = ["message", "source_language", "target_language", "provider", "created_at"]
    readonly_fields = ["message", "source_language", "target_language", "text", "provider"]
