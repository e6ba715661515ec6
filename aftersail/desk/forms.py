from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from aftersail.core import ratelimit

# Failed logins allowed per address and per client IP in a quarter of an hour.
LOGIN_ATTEMPTS = 10
LOGIN_WINDOW_SECONDS = 15 * 60


class DeskLoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autofocus": True})
    )

    def clean_username(self) -> str:
        # Addresses are stored lower-case (UserManager.create_user); match how people type.
        return str(self.cleaned_data["username"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        email = (self.data.get("username") or "").strip().lower()[:254]
        ip = ratelimit.client_ip(self.request.META if self.request else {})
        for scope, identity in (("login-email", email), ("login-ip", ip)):
            if ratelimit.is_limited(
                scope, identity, limit=LOGIN_ATTEMPTS, window_seconds=LOGIN_WINDOW_SECONDS
            ):
                raise forms.ValidationError(
                    _("Too many failed attempts. Please wait a few minutes and try again."),
                    code="rate_limited",
                )
        try:
            return super().clean()
        except forms.ValidationError:
            for scope, identity in (("login-email", email), ("login-ip", ip)):
                ratelimit.hit(
                    scope, identity, limit=LOGIN_ATTEMPTS, window_seconds=LOGIN_WINDOW_SECONDS
                )
            raise
