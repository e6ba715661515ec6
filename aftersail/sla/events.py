"""What the SLA app writes on a conversation's timeline: targets due soon or missed, and
the reply-by promises made to the customer and whether the desk kept them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aftersail.core.events import define

SLA_WARNING = define("conversation", "sla_warning", _("SLA target due soon"))
SLA_BREACHED = define("conversation", "sla_breached", _("SLA target breached"))
PROMISE_MADE = define("conversation", "promise_made", _("Reply-by time promised"))
PROMISE_KEPT = define("conversation", "promise_kept", _("Promise kept"))
PROMISE_BROKEN = define("conversation", "promise_broken", _("Promise broken"))
