"""What the assistant says; every text goes through gettext (locale/ holds six languages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aftersail.shipping.models import ShipmentStatus

ASK_ORDER_AND_EMAIL = _(
    "I can look that up for you. Please send me your order number and the email address "
    "you ordered with."
)
ASK_ORDER_NUMBER = _("Thank you. Please also send me your order number.")
ASK_EMAIL = _("Thank you. Please also send me the email address you ordered with.")
NO_MATCH = _(
    "I could not find an order with this order number and email address. Please check both "
    "and send them again."
)
NOT_SHIPPED = _(
    "Your order %(order)s has not been shipped yet. We will send you the tracking number as "
    "soon as it is on its way."
)
PARCEL = _("Your parcel with %(carrier)s (tracking number %(tracking)s): %(status)s.")
EXPECTED = _("Expected delivery: %(date)s.")
DELIVERED_ON = _("Delivered on %(date)s.")
ANYTHING_ELSE = _("Can I help you with anything else?")
ARTICLE = _("This article should answer your question: %(title)s %(url)s")
ARTICLE_FOLLOW_UP = _("If it does not, just write and I will pass you on to a colleague.")
HANDOVER = _(
    "I am passing your question on to a colleague from our customer service team, who will "
    "answer you here as soon as possible."
)
HANDOVER_RETURN = _(
    "A colleague from our customer service team will help you with your return for order "
    "%(order)s and will answer you here."
)

# Starting a return (assistant/returning.py). The explanations and deadlines come from the
# returns app (returns/explain.py) in the same language.
RETURNABLE = _("These items of your order %(order)s can go back:")
RETURNABLE_ITEM = _("%(number)s. %(quantity)s × %(name)s: %(explanation)s")
LEGAL_BASIS = _("Legal basis: %(source)s.")
SEALED_ONLY = _(
    "This applies only while its protective seal is unbroken; once it is opened, the item is "
    "excluded from the right of withdrawal (%(source)s)."
)
NOT_RETURNABLE = _("These items cannot go back:")
NOTHING_RETURNABLE = _("I cannot start a return for the items of your order %(order)s:")
REFUSED_ITEM = _("- %(name)s: %(explanation)s")
CONFIRM_ONE = _("Shall I start the return for this item? Please answer yes or no.")
CONFIRM_SEVERAL = _(
    "Shall I start the return for all of these items? Please answer yes or no, or send me the "
    "numbers of the items that should go back (for example: 1 and 2)."
)
CONFIRM_SEALED = _("Please say yes only if the seal of the items concerned is unbroken.")
CONFIRM_AGAIN = _(
    "I did not understand that. Please answer yes or no, or send me the numbers of the items "
    "that should go back."
)
RETURN_NOT_STARTED = _("All right, I have not started a return.")
RETURN_STARTED = _("I have started your return %(rma)s. Your return form: %(url)s")
FORM_MAILED = _("I have also sent the link to %(email)s.")
NEXT_STEP_APPROVED = _(
    "On that page you choose how to send the items back (prepaid label or drop-off code) and "
    "print the form."
)
NEXT_STEP_REVIEW = _(
    "We will check your request and let you know; the page always shows where your return stands."
)
RETURN_FORM_TITLE = _("Return form %(rma)s")
NOT_DELIVERED_RETURN = _(
    "The return period for your order %(order)s starts once it has been delivered completely. "
    "A colleague from our customer service team will help you with your return and will "
    "answer you here."
)

STATUS: dict[str, object] = {
    ShipmentStatus.NO_INFO: _("registered, no scan by the carrier yet"),
    ShipmentStatus.LABEL_CREATED: _(
        "the label has been created, the carrier has not picked it up yet"
    ),
    ShipmentStatus.IN_TRANSIT: _("on its way"),
    ShipmentStatus.CUSTOMS_HOLD: _("held in customs"),
    ShipmentStatus.OUT_FOR_DELIVERY: _("out for delivery today"),
    ShipmentStatus.READY_FOR_PICKUP: _("ready for pickup"),
    ShipmentStatus.ATTEMPT_FAILED: _("a delivery attempt failed"),
    ShipmentStatus.DELAYED: _("delayed"),
    ShipmentStatus.EXCEPTION: _(
        "there is a problem with the delivery; a colleague will look into it"
    ),
    ShipmentStatus.RETURNING: _("on its way back to us"),
    ShipmentStatus.RETURNED: _("returned to us"),
    ShipmentStatus.CANCELLED: _("cancelled"),
    ShipmentStatus.DELIVERED: _("delivered"),
    ShipmentStatus.STALE: _("no news from the carrier for a while; a colleague will look into it"),
}

# Statuses the assistant reports but that need a person to act.
NEEDS_PERSON = frozenset(
    {ShipmentStatus.EXCEPTION, ShipmentStatus.STALE, ShipmentStatus.ATTEMPT_FAILED}
)
