"""The intents the assistant recognizes and the after-sales category each one files under.

The 27 intents are Bitext's (``data/NOTICE.md``); five more come from Aftersail's own seed
data for the after-sales topics Bitext lacks. A store's own categorized conversations
train labels ``category:<category>`` (``aftersail assistant train``).
"""

from __future__ import annotations

from aftersail.conversations.models import Category

STORE_LABEL_PREFIX = "category:"

INTENT_CATEGORY: dict[str, Category] = {
    # ORDER
    "track_order": Category.WHERE_IS_MY_ORDER,
    "cancel_order": Category.CANCELLATION,
    "change_order": Category.CANCELLATION,  # changing an order is handled before it ships
    "place_order": Category.PRODUCT_QUESTION,
    # DELIVERY / SHIPPING
    "delivery_period": Category.WHERE_IS_MY_ORDER,
    "delivery_options": Category.PRODUCT_QUESTION,
    "change_shipping_address": Category.ADDRESS_CHANGE,
    "set_up_shipping_address": Category.ADDRESS_CHANGE,
    # REFUNDS
    "get_refund": Category.REFUND,
    "track_refund": Category.REFUND,
    "check_refund_policy": Category.RETURN,
    # CANCELLATION_FEE
    "check_cancellation_fee": Category.CANCELLATION,
    # INVOICES / PAYMENT
    "get_invoice": Category.INVOICE,
    "check_invoices": Category.INVOICE,
    "payment_issue": Category.INVOICE,
    "check_payment_methods": Category.PRODUCT_QUESTION,
    # FEEDBACK, CONTACT, ACCOUNT, NEWSLETTER: nothing after-sales specific
    "complaint": Category.OTHER,
    "review": Category.OTHER,
    "contact_customer_service": Category.OTHER,
    "contact_human_agent": Category.OTHER,
    "create_account": Category.OTHER,
    "delete_account": Category.OTHER,
    "edit_account": Category.OTHER,
    "recover_password": Category.OTHER,
    "registration_problems": Category.OTHER,
    "switch_account": Category.OTHER,
    "newsletter_subscription": Category.OTHER,
    # Aftersail's seed data
    "return_item": Category.RETURN,
    "damaged_item": Category.DAMAGED_ITEM,
    "wrong_item": Category.WRONG_OR_MISSING_ITEM,
    "warranty_claim": Category.WARRANTY,
    "customs_duties": Category.CUSTOMS,
}

# The customer asks for a person: hand over at once, whatever the confidence.
HUMAN_INTENTS = frozenset({"contact_human_agent", "contact_customer_service", "complaint"})


def category_of(label: str) -> str:
    if label.startswith(STORE_LABEL_PREFIX):
        category = label[len(STORE_LABEL_PREFIX) :]
        return category if category in Category.values else str(Category.OTHER.value)
    return str(INTENT_CATEGORY.get(label, Category.OTHER).value)


def intent_of(label: str) -> str:
    """The intent name, or "" for a label learnt from a store's categories."""
    return "" if label.startswith(STORE_LABEL_PREFIX) else label
