"""Public tracking pages of the carriers, for the {tracking_link} placeholder.

Each address is the one the carrier's own "track a parcel" form opens, with the tracking
number as a query parameter (checked on the carriers' websites: dhl.com "Track & Trace",
ups.com "Tracking", fedex.com "Track", tools.usps.com "USPS Tracking"). Other carriers get
the bare tracking number.
"""

from __future__ import annotations

from urllib.parse import quote

TRACKING_PAGES = {
    "dhl": "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id={}",
    "dhl_express": "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={}",
    "ups": "https://www.ups.com/track?tracknum={}",
    "fedex": "https://www.fedex.com/fedextrack/?trknbr={}",
    "usps": "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
}


def tracking_link(carrier: str, tracking_number: str) -> str:
    page = TRACKING_PAGES.get(carrier.lower())
    if page is None or not tracking_number:
        return tracking_number
    return page.format(quote(tracking_number, safe=""))
