"""What the demo store sells and the carriers it ships with."""

from __future__ import annotations

from decimal import Decimal

STORE = {
    "name": "Nordlicht Outdoor",
    "slug": "nordlicht",
    "default_language": "en",
    "currency": "EUR",
    "country": "DE",
    "time_zone": "Europe/Berlin",
    "website": "https://nordlicht-outdoor.example",
    "sender_name": "Nordlicht Outdoor Customer Care",
    "sender_email": "care@nordlicht-outdoor.example",
}

# (sku, name, category, price in EUR). Categories that consumer law treats specially
# (personalised goods, sealed hygiene goods, perishable food, gift cards) are included on
# purpose so the returns rules have something to decide.
PRODUCTS = [
    ("TNT-FJELL2", "Ultralight tent Fjell 2", "tents", "349.00"),
    ("TNT-DALUR3", "Family tent Dalur 3", "tents", "429.00"),
    ("TNT-SKARV1", "Bivy tent Skarv 1", "tents", "219.00"),
    ("SLB-POLAR", "Down sleeping bag Polar -10", "sleeping", "289.00"),
    ("SLB-LYS", "Summer sleeping bag Lys +8", "sleeping", "119.00"),
    ("MAT-VARME", "Insulated sleeping mat Varme", "sleeping", "99.00"),
    ("BPK-RYGG45", "Trekking backpack Rygg 45", "backpacks", "189.00"),
    ("BPK-TIND28", "Daypack Tind 28", "backpacks", "109.00"),
    ("BPK-VIDDE65", "Expedition backpack Vidde 65", "backpacks", "259.00"),
    ("JKT-STORM", "Hardshell jacket Storm", "clothing", "329.00"),
    ("JKT-ULLR", "Down jacket Ullr", "clothing", "249.00"),
    ("JKT-MOSE", "Fleece jacket Mose", "clothing", "89.00"),
    ("PNT-STI", "Trekking trousers Sti", "clothing", "119.00"),
    ("BAS-MERINO", "Merino base layer", "clothing", "79.00"),
    ("BOT-FJELL", "Hiking boots Fjellsko GTX", "footwear", "219.00"),
    ("BOT-SPOR", "Trail runners Spor", "footwear", "149.00"),
    ("LMP-LYKT400", "Headlamp Lykt 400", "electronics", "59.00"),
    ("LMP-LYKT900", "Rechargeable headlamp Lykt 900", "electronics", "99.00"),
    ("LAN-GLOD", "Solar lantern Glød", "electronics", "45.00"),
    ("NAV-KOMPASS", "Handheld GPS Kompass X", "electronics", "329.00"),
    ("NAV-NORD", "Outdoor GPS watch Nord", "electronics", "279.00"),
    ("CKW-FLAMME", "Gas stove Flamme", "cooking", "79.00"),
    ("CKW-TITAN", "Titanium pot set", "cooking", "69.00"),
    ("CKW-KLAR", "Water filter Klar", "cooking", "49.00"),
    ("ACC-POLES", "Carbon trekking poles", "accessories", "129.00"),
    ("ACC-BOTTLE", "Insulated bottle 750 ml", "accessories", "35.00"),
    ("ACC-GLOVES", "Touchscreen gloves", "accessories", "39.00"),
    ("ACC-SOCKS", "Merino hiking socks, 2 pairs", "accessories", "29.00"),
    ("ACC-MUG", "Enamel mug with your engraving", "personalised", "29.00"),
    ("ACC-EARPLUG", "Silicone earplugs, sealed", "hygiene_sealed", "6.00"),
    ("FD-MEALS", "Freeze-dried trail meals, 6 pack", "food", "24.00"),
    ("GC-50", "Gift card 50", "gift_card", "50.00"),
]

CARRIERS = {
    "dhl": "DHL Paket",
    "dhl_express": "DHL Express",
    "dpd": "DPD",
    "ups": "UPS",
    "fedex": "FedEx",
    "colissimo": "Colissimo",
    "correos": "Correos",
    "inpost": "InPost",
    "poste_italiane": "Poste Italiane",
    "postnl": "PostNL",
    "austrian_post": "Österreichische Post",
    "swiss_post": "Swiss Post",
    "royal_mail": "Royal Mail",
    "postnord": "PostNord",
    "japan_post": "Japan Post",
    "australia_post": "Australia Post",
}

# Fixed demo exchange rates from EUR; real shops take these from their platform.
EXCHANGE_RATES = {
    "EUR": Decimal("1"),
    "PLN": Decimal("4.30"),
    "CHF": Decimal("0.94"),
    "GBP": Decimal("0.85"),
    "USD": Decimal("1.08"),
    "CAD": Decimal("1.48"),
    "AUD": Decimal("1.65"),
    "JPY": Decimal("162"),
    "BRL": Decimal("5.90"),
    "SEK": Decimal("11.40"),
}
ZERO_DECIMAL_CURRENCIES = {"JPY"}
