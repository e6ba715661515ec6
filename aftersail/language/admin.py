from django.contrib import admin

from aftersail.core.secrets_admin import HTTPS_URLS, write_only_secret_form
from aftersail.language.models import Translation, TranslationSettings


@admin.register(TranslationSettings)
class TranslationSettingsAdmin(admin.ModelAdmin[TranslationSettings]):
    form = write_only_secret_form(["api_key"])
    formfield_overrides = HTTPS_URLS
    list_display = ["store", "provider", "api_url"]


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin[Translation]):
    list_display = ["message", "source_language", "target_language", "provider", "created_at"]
    readonly_fields = ["message", "source_language", "target_language", "text", "provider"]
