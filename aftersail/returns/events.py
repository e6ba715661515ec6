"""What happens to returns and warranty claims.

Each return has its own timeline (the ``return`` stream); every step is mirrored on the
customer's conversation as ``return_updated`` (or ``claim_updated``) so that agents see it
beside the messages.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aftersail.core.events import define

STREAM = "return"

REQUESTED = define(STREAM, "requested", _("Return requested"))
APPROVED = define(STREAM, "approved", _("Return approved"))
REJECTED = define(STREAM, "rejected", _("Return rejected"))
METHOD_CHOSEN = define(STREAM, "method_chosen", _("Return method chosen"))
IN_TRANSIT = define(STREAM, "in_transit", _("Parcel on its way back"))
RECEIVED = define(STREAM, "received", _("Parcel received"))
PARCEL_RETURNED = define(STREAM, "parcel_returned", _("Parcel sent back to the customer"))
INSPECTED = define(STREAM, "inspected", _("Item inspected"))
REFUNDED = define(STREAM, "refunded", _("Refunded"))
CLOSED = define(STREAM, "closed", _("Return closed"))
FORM_SENT = define(STREAM, "form_sent", _("Return form sent to the customer"))
REFUND_DUE_SOON = define(STREAM, "refund_due_soon", _("Refund due soon"))
REFUND_OVERDUE = define(STREAM, "refund_overdue", _("Refund overdue"))

RETURN_UPDATED = define("conversation", "return_updated", _("Return updated"))
CLAIM_UPDATED = define("conversation", "claim_updated", _("Warranty claim updated"))
