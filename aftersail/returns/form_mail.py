"""The mail that brings the customer the link to their return, with the printable form.

Sent from a task after the return committed (a mail server that is down must neither undo
the return nor lose the mail); recorded on the return's timeline as ``form_sent``, which
also makes a repeated task send it only once per address.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from aftersail.accounts.actors import Actor
from aftersail.core.localization import customer_language, supported_language
from aftersail.messaging.actions import send_customer_email
from aftersail.returns import timeline
from aftersail.returns.events import FORM_SENT
from aftersail.returns.models import ReturnRequest
from aftersail.returns.pdf import render_return_form
from aftersail.returns.selectors import return_link


def form_mail_text(rma: ReturnRequest, link: str) -> tuple[str, str]:
    """(subject, text) in the active language."""
    store = rma.order.store
    lines = [
        _("Hello %(name)s,") % {"name": rma.customer.address_name},
        "",
        _("We have registered your return %(number)s for order %(order)s:")
        % {"number": rma.number, "order": rma.order.number},
        *(
            f"- {item.quantity} × {item.order_line.name} ({item.order_line.sku})"
            for item in rma.items.select_related("order_line")
        ),
        "",
        _("Open your return to choose how to send the items back and to print the return form:"),
        link,
        "",
        _("The return form is also attached to this mail as a PDF."),
        "",
        _("Kind regards,\n%(store)s") % {"store": store.name},
    ]
    subject = _("Your return %(number)s: the return form") % {"number": rma.number}
    return subject, "\n".join(lines)


def send_return_form(rma_id: int, to: str, language: str, link: str = "") -> bool:
    """Mails the return's link (``link``: the one the customer was shown, else a new one)
    and form to ``to``; False when it went there already (or the return is gone)."""
    rma = (
        ReturnRequest.objects.select_related("order__store", "customer", "destination")
        .filter(id=rma_id)
        .first()
    )
    if rma is None or rma.events.filter(kind=FORM_SENT, data__to=to).exists():
        return False
    store = rma.order.store
    language = supported_language(language) or customer_language(rma.customer, store)
    link = link or return_link(rma)
    with translation.override(language):
        subject, text = form_mail_text(rma, link)
    send_customer_email(
        store=store,
        to=to,
        subject=subject,
        text=text,
        attachments=[(f"{rma.number}.pdf", render_return_form(rma, link=link), "application/pdf")],
    )
    with transaction.atomic():
        timeline.record(rma, FORM_SENT, Actor.system(), to=to, language=language)
    return True
