"""What happens to conversations: the kinds of the conversation timeline this app writes.

Other apps add their own kinds to the conversation stream in their ``events`` module (SLA
warnings in ``sla.events``, return updates in ``returns.events``, ...); see
:mod:`aftersail.core.events`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aftersail.core.events import define

STREAM = "conversation"

CREATED = define(STREAM, "created", _("Conversation created"))
MESSAGE_ADDED = define(STREAM, "message_added", _("Message added"))
STATUS_CHANGED = define(STREAM, "status_changed", _("Status changed"))
PRIORITY_CHANGED = define(STREAM, "priority_changed", _("Priority changed"))
ASSIGNED = define(STREAM, "assigned", _("Assigned"))
CATEGORY_CHANGED = define(STREAM, "category_changed", _("Category changed"))
ORDER_LINKED = define(STREAM, "order_linked", _("Order linked"))
TAGS_CHANGED = define(STREAM, "tags_changed", _("Tags changed"))
SNOOZED = define(STREAM, "snoozed", _("Snoozed"))
WOKE_UP = define(STREAM, "woke_up", _("Woke up"))
MERGED = define(STREAM, "merged", _("Merged"))
SPLIT = define(STREAM, "split", _("Split"))
MENTIONED = define(STREAM, "mentioned", _("Agents mentioned"))
CUSTOMER_CHANGED = define(STREAM, "customer_changed", _("Customer records merged"))
