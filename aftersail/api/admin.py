from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from aftersail.api.keys import check_scopes, do_create_api_key
from aftersail.api.models import ApiKey, Scope


class ApiKeyForm(forms.ModelForm[ApiKey]):
    scopes = forms.MultipleChoiceField(
        choices=Scope.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ApiKey
        fields = ["name", "store", "teams", "scopes"]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin[ApiKey]):
    form = ApiKeyForm
    list_display = ["name", "store", "prefix", "scopes", "last_used_at", "revoked_at"]
    list_filter = ["store", "revoked_at"]
    readonly_fields = ["prefix", "last_used_at", "revoked_at", "created_by", "created_at"]
    filter_horizontal = ["teams"]
    actions = ["revoke"]

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            obj.scopes = check_scopes(form.cleaned_data["scopes"])
            super().save_model(request, obj, form, change)
            return
        key, token = do_create_api_key(
            name=obj.name,
            store=obj.store,
            scopes=form.cleaned_data["scopes"],
            created_by=getattr(request.user, "agent", None),
        )
        # The admin saves the many-to-many fields on ``form.instance`` next.
        obj.pk, obj.id, obj.token_hash, obj.prefix = key.pk, key.id, key.token_hash, key.prefix
        obj.public_id, obj.created_at, obj.updated_at = (
            key.public_id,
            key.created_at,
            key.updated_at,
        )
        messages.warning(
            request, f"The token of {key.name} is {token} — copy it now, it is not shown again."
        )

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        for key in queryset:
            key.revoke()
