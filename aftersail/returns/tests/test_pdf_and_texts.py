"""The return form renders in the customer's language (text extracted with pypdf), and the
eligibility explanations read naturally in every shipped language."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
import time_machine
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from aftersail.accounts.actors import Actor
from aftersail.returns import services as s
from aftersail.returns.eligibility import Basis, Case, Eligibility
from aftersail.returns.explain import explain
from aftersail.returns.models import ReturnRequest
from aftersail.returns.pdf import font_for, render_return_form, return_form_attachment
from aftersail.testing import factories as f
from aftersail.testing.returns import delivered_order, make_policy

FORM = {
    "en": ("Return form", "How to return", "Send the parcel to"),
    "de": ("Rücksendeformular", "So funktioniert die Rücksendung", "Senden Sie das Paket an"),
    "fr": ("Formulaire de retour", "Comment retourner vos articles", "Envoyez le colis à"),
    "es": ("Formulario de devolución", "Cómo hacer la devolución", "Envía el paquete a"),
    "pl": ("Formularz zwrotu", "Jak zwrócić produkty", "Wyślij paczkę na adres"),
    "ja": ("返品用紙", "返品の手順", "返送先"),
}


@pytest.mark.parametrize("language", sorted(FORM))
def test_return_form_in_the_customers_language(cast, language) -> None:
    make_policy(cast.store)
    customer = f.make_customer(cast.store, language=language)
    order = delivered_order(customer)
    with time_machine.travel(datetime(2026, 3, 12, 9, tzinfo=UTC), tick=False):
        rma = s.do_request_return(
            order, [s.Selection(line.id, 1) for line in order.lines.all()], actor=Actor.customer()
        )
    rma = s.do_choose_method(rma, ReturnRequest.Method.DROP_OFF, actor=Actor.system())
    pdf = render_return_form(rma, link="https://shop.example/returns/r/x/")
    name, content, mimetype = return_form_attachment(rma)
    assert (name, content[:5], mimetype) == (f"{rma.number}.pdf", b"%PDF-", "application/pdf")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for expected in (*FORM[language], rma.number, rma.drop_off_code, "JKT-1", "04109 Leipzig"):
        assert expected in text, (language, expected, text)
    # Every letter of the form has a glyph in the embedded font (no empty boxes), on any
    # machine: the font comes from a wheel, not from the system.
    font = pdfmetrics.getFont(font_for(language))
    if language != "ja":  # a CID font: the viewer supplies the glyphs
        assert b"OpenSans-Regular" in pdf
        missing = {c for c in text if not c.isspace() and ord(c) not in font.face.charToGlyph}
        assert missing == set(), (language, missing)


def test_the_latin_font_covers_every_shipped_latin_language() -> None:
    font = pdfmetrics.getFont(font_for("pl"))
    letters = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻäöüßÄÖÜéèêëàâçîïôùûÿœæñáíú¿¡€„“”«»–…"
    assert [c for c in letters if ord(c) not in font.face.charToGlyph] == []


EXPLAINED = {
    "en": "You can return this item without giving a reason until March 24, 2026, end of the "
    "day (Germany (Berlin) Time) (the legal withdrawal period of 14 days).",
    "de": "Sie können diesen Artikel bis 24. März 2026, bis Tagesende (Deutschland (Berlin) "
    "(Ortszeit)) "
    "ohne Angabe von Gründen zurückgeben (gesetzliche Widerrufsfrist von 14 Tagen).",
    "ja": "この商品は2026年3月24日（ドイツ（ベルリン）時間）まで理由を問わず返品いただけます"
    "（法定のクーリング・オフ期間14日）。",
}


@pytest.mark.parametrize("language", sorted(EXPLAINED))
def test_explanations_in_the_customers_language(language) -> None:
    from datetime import date

    result = Eligibility(
        Case.CHANGE_OF_MIND, True, Basis.WITHDRAWAL, deadline=date(2026, 3, 24), days=14
    )
    assert explain(result, "Europe/Berlin", language) == EXPLAINED[language]


def test_unknown_language_falls_back_to_english() -> None:
    result = Eligibility(Case.CHANGE_OF_MIND, True, Basis.POLICY)
    assert (
        explain(result, "UTC", "xx")
        == "You can return this item at any time under our return policy."
    )
