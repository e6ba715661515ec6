"""What macros add to a conversation's timeline."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aftersail.core.events import define

MACRO_APPLIED = define("conversation", "macro_applied", _("Macro applied"))
