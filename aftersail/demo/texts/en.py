TEXTS = {
    "late_parcel": {
        "subject": "Where is my order {order}?",
        "customer": (
            "Hello,\n\nI ordered almost two weeks ago and the tracking for {tracking} hasn't "
            "changed for five days. Could you tell me when my parcel will arrive?\n\nThanks"
        ),
        "agent": (
            "Hi {name},\n\nthank you for your patience. I checked parcel {tracking} with "
            "{carrier}: it has reached the carrier's depot in your country and should be "
            "delivered within two working days. If it hasn't arrived by Friday, I'll send a "
            "replacement at our cost.\n\nBest regards,\n{agent}"
        ),
        "followup": "Thank you, the parcel arrived this morning!",
    },
    "damaged_item": {
        "subject": "{product} arrived damaged",
        "customer": (
            "Hello,\n\nmy order {order} came today, but the box was crushed and the {product} "
            "is damaged. I can send photos if that helps. What can I do?"
        ),
        "agent": (
            "Hi {name},\n\nI'm sorry the {product} reached you in that state. I've sent a "
            "replacement free of charge, and you don't need to send the damaged one back. "
            "You'll get the new tracking number by email.\n\nKind regards,\n{agent}"
        ),
        "followup": "That was quick — thank you very much.",
    },
    "return_request": {
        "subject": "Return for order {order}",
        "customer": (
            "Hi,\n\nI'd like to return the {product} from order {order}; it doesn't fit the "
            "way I hoped. How do I send it back, and when will I get my money?"
        ),
        "agent": (
            "Hi {name},\n\nof course. I've approved the return of the {product} and you'll "
            "receive a prepaid label by email. As soon as the parcel is scanned, we refund the "
            "full amount to your original payment method within 14 days.\n\nBest regards,\n{agent}"
        ),
        "followup": "Thanks, I've dropped the parcel off at the post office.",
    },
    "warranty_claim": {
        "subject": "{product} stopped working",
        "customer": (
            "Hello,\n\nI bought the {product} about eight months ago (order {order}) and it "
            "has stopped working properly, although I've always treated it with care. It's "
            "still under guarantee, isn't it?"
        ),
        "agent": (
            "Hi {name},\n\nthank you for letting us know. Yes, this is covered by the legal "
            "guarantee. Could you describe the fault in a few words or send a photo? Then "
            "we'll arrange a repair or a replacement, whichever you prefer.\n\n"
            "Kind regards,\n{agent}"
        ),
        "followup": (
            "It happens every time I use it, there is no visible damage. I'd prefer a replacement."
        ),
    },
    "address_change": {
        "subject": "Change delivery address for {order}",
        "customer": (
            "Hello,\n\nI've just placed order {order} and noticed a typo in the delivery "
            "address: the house number is 14, not 41. Could you correct it before it ships?"
        ),
        "agent": (
            "Hi {name},\n\nI caught your order before it was packed and corrected the house "
            "number to 14. It will leave our warehouse today.\n\nBest,\n{agent}"
        ),
        "followup": "Perfect, thank you!",
    },
    "customs_duties": {
        "subject": "Customs charges for order {order}",
        "customer": (
            "Hello,\n\nthe courier wants me to pay import duties and a handling fee before "
            "delivering order {order}. Your website said the prices include all taxes. Why "
            "should I pay this?"
        ),
        "agent": (
            "Hi {name},\n\nI'm sorry for the trouble. Your order was shipped duties paid, so "
            "{carrier} should not have charged you anything. I've raised it with them. If you "
            "have already paid, please send us the receipt and we'll refund the full amount."
            "\n\nBest regards,\n{agent}"
        ),
        "followup": (
            "I had already paid before I saw your answer. Can you refund it to the card I "
            "used for the order?"
        ),
    },
    "invoice": {
        "subject": "Invoice for order {order}",
        "customer": (
            "Hello,\n\ncould you send me an invoice for order {order} with my company name and "
            "VAT number? I need it for our accounts."
        ),
        "agent": (
            "Hi {name},\n\nof course. Please send me the company name, address and VAT number "
            "and I'll issue the invoice within one working day.\n\nBest regards,\n{agent}"
        ),
        "followup": (
            "Here are the details: Harbour Lane Studio Ltd, 12 Quay Street, Bristol BS1 4DB, "
            "VAT GB 318 4725 06."
        ),
    },
}
