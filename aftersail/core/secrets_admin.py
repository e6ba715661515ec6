"""Admin forms that take a secret (a provider's API key) without ever showing it again.

The stored value is needed to call the provider, so it stays in the database; but an admin
page is seen over shoulders, in screenshots and in browser caches. The field is a password
box that renders empty with a note saying whether a value is stored; left empty on save,
the stored value is kept. Typing ``-`` clears it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.db import models

CLEAR = "-"


# For ModelAdmin.formfield_overrides: addresses typed without a scheme are https (Django
# 6's default, asked for now so that Django 5 does not warn on every admin form).
HTTPS_URLS: Mapping[type[models.Field[Any, Any]], Mapping[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


def write_only_secret_form(secret_fields: Iterable[str]) -> type[forms.ModelForm[Any]]:
    """A base form for a ModelAdmin (which adds the model and its fields) whose
    ``secret_fields`` are write-only."""
    names = tuple(secret_fields)

    class SecretForm(forms.ModelForm[Any]):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            for name in names:
                field = self.fields[name]
                stored = bool(getattr(self.instance, name, ""))
                field.widget = forms.PasswordInput(
                    render_value=False, attrs={"autocomplete": "new-password"}
                )
                field.required = False
                note = (
                    "A value is stored; leave empty to keep it, type - to clear it."
                    if stored
                    else "No value stored."
                )
                field.help_text = " ".join(filter(None, [str(field.help_text or ""), note]))

        def clean(self) -> dict[str, Any]:
            cleaned = super().clean() or {}
            for name in names:
                typed = (cleaned.get(name) or "").strip()
                if typed == CLEAR:
                    cleaned[name] = ""
                elif not typed:
                    cleaned[name] = getattr(self.instance, name, "") or ""
                else:
                    cleaned[name] = typed
            return cleaned

    return SecretForm
