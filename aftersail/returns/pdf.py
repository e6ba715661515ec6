"""The printable return form (PDF) in the customer's language.

Japanese uses reportlab's built-in CID font HeiseiKakuGo-W5 (no font file needed); every
other language uses Open Sans from the ``ttf-opensans`` wheel (Apache 2.0), which covers
Polish (ą ę ś ź ż ń ć ł): the Bitstream Vera inside the reportlab wheel does not, and a
system font would make the form depend on the machine.
"""

from __future__ import annotations

import io
from functools import cache

import segno
import ttf_opensans  # type: ignore[import-untyped]
from babel.dates import format_date
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from aftersail.core.localization import customer_language, zone_or_utc
from aftersail.returns.models import ReturnRequest

LATIN_FONT = "ReturnFormSans"


@cache
def font_for(language: str) -> str:
    if language == "ja":
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
        return "HeiseiKakuGo-W5"
    pdfmetrics.registerFont(TTFont(LATIN_FONT, str(ttf_opensans.OPENSANS_REGULAR.path)))
    return LATIN_FONT


def _draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    qr = segno.make(data, error="m")
    matrix = [list(row) for row in qr.matrix]
    cell = size / len(matrix)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(x + c * cell, y + size - (r + 1) * cell, cell, cell, stroke=0, fill=1)


def _instructions(rma: ReturnRequest) -> list[str]:
    steps = {
        ReturnRequest.Method.LABEL: _(
            "Print the prepaid label we emailed you and stick it on the parcel."
        ),
        ReturnRequest.Method.DROP_OFF: _(
            "Show the drop-off code %(code)s at any drop-off point of the carrier."
        )
        % {"code": rma.drop_off_code},
        ReturnRequest.Method.KEEP: _("You do not need to send anything back: keep the item."),
    }
    lines = [_("Pack the items securely and put this form inside the parcel.")]
    if rma.method:
        lines.append(steps[ReturnRequest.Method(rma.method)])
    lines.append(_("We refund you once the items are back; you can follow every step online."))
    return lines


def render_return_form(rma: ReturnRequest, *, link: str = "") -> bytes:
    customer, store = rma.customer, rma.order.store
    language = customer_language(customer, store)
    font = font_for(language)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    width, height = A4
    with translation.override(language):
        canvas.setTitle(_("Return form %(number)s") % {"number": rma.number})
        y = height - 25 * mm

        def line(text: str, size: int = 10, gap: float = 6 * mm) -> None:
            nonlocal y
            canvas.setFont(font, size)
            canvas.drawString(20 * mm, y, text)
            y -= gap

        line(store.name, 12)
        line(_("Return form %(number)s") % {"number": rma.number}, 18, 10 * mm)
        requested = rma.requested_at.astimezone(zone_or_utc(customer.time_zone)).date()
        line(_("Order %(order)s") % {"order": rma.order.number})
        line(
            _("Requested on %(date)s")
            % {"date": format_date(requested, format="long", locale=language)},
            gap=10 * mm,
        )
        _draw_qr(canvas, link or rma.number, width - 55 * mm, height - 60 * mm, 35 * mm)
        line(_("Items"), 13, 7 * mm)
        for item in rma.items.select_related("order_line"):
            line(f"{item.quantity} × {item.order_line.name} ({item.order_line.sku})")
        y -= 4 * mm
        line(_("Send the parcel to"), 13, 7 * mm)
        address = rma.destination.address if rma.destination else store.name
        for part in address.splitlines():
            line(part)
        y -= 4 * mm
        line(_("How to return"), 13, 7 * mm)
        for step in _instructions(rma):
            line(f"• {step}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def return_form_attachment(rma: ReturnRequest) -> tuple[str, bytes, str]:
    """``(filename, content, mimetype)`` for ``EmailMessage.attach(*...)``."""
    return f"{rma.number}.pdf", render_return_form(rma), "application/pdf"
