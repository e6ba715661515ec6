"""Plain sentences for an eligibility, in the customer's language and time zone."""

from __future__ import annotations

from babel.dates import format_date
from django.utils import translation
from django.utils.translation import gettext as _

from aftersail.core.localization import supported_language, zone_label
from aftersail.returns.eligibility import Basis, Eligibility, Refusal


def format_deadline(result: Eligibility, zone: str, language: str) -> str:
    if result.deadline is None:
        return ""
    return _("%(date)s, end of the day (%(zone)s)") % {
        "date": format_date(result.deadline, format="long", locale=language),
        "zone": zone_label(zone, language),
    }


def explain(result: Eligibility, zone: str, language: str) -> str:
    language = supported_language(language) or "en"
    with translation.override(language):
        return _explain(result, format_deadline(result, zone, language))


def _explain(result: Eligibility, deadline: str) -> str:
    values = {"deadline": deadline, "days": result.days or 0}
    if not result.eligible:
        refusals = {
            Refusal.EXPIRED: _("The period for this ended on %(deadline)s."),
            Refusal.LEGAL_EXCEPTION: _(
                "This item cannot be returned for a change of mind: it was made to order, is "
                "perishable, or its protective seal was opened."
            ),
            Refusal.EXCLUDED: _("Our return policy excludes this item."),
            Refusal.FINAL_SALE: _(
                "This item was sold as final sale and cannot be returned for a change of mind."
            ),
            Refusal.NO_BASIS: _(
                "Neither the law nor our policy covers this case; write to us and we will look "
                "for a solution."
            ),
        }
        text = refusals[result.refusal or Refusal.NO_BASIS]
        return text % values if "%(" in text else text
    if result.pending_delivery:
        return _(
            "You can return this item without giving a reason; the period starts when your "
            "order has been delivered."
        )
    if result.deadline is None:
        unlimited = {
            Basis.POLICY: _("You can return this item at any time under our return policy."),
            Basis.CONSUMER_GUARANTEE: _(
                "The consumer guarantees of your country cover defects for a reasonable time."
            ),
        }
        return unlimited.get(result.basis, unlimited[Basis.POLICY])
    texts = {
        Basis.WITHDRAWAL: _(
            "You can return this item without giving a reason until %(deadline)s (the legal "
            "withdrawal period of %(days)s days)."
        ),
        Basis.NO_TERMS: _(
            "You can return this item until %(deadline)s under the law of your country."
        ),
        Basis.POLICY: _("You can return this item until %(deadline)s under our return policy."),
        Basis.SHORT_TERM_REJECT: _(
            "You can reject this faulty item for a full refund until %(deadline)s."
        ),
        Basis.LEGAL_GUARANTEE: _("The legal guarantee covers defects until %(deadline)s."),
        Basis.COMMERCIAL_WARRANTY: _("Our warranty covers defects until %(deadline)s."),
        Basis.DELIVERY_FAULT: _(
            "Report damage in transit or a wrong or missing item until %(deadline)s and we will "
            "put it right at our cost."
        ),
    }
    return texts[result.basis] % values
