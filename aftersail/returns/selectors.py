"""What other apps may read about returns.

:func:`return_options` answers "which items of this order can go back, on what legal basis
and until when" in the customer's language: the same evaluation the portal shows and a
started return stores (``policies.order_eligibility``), with the deadline on the customer's
calendar and in their zone, and the legal source as the customer reads it.
:func:`return_link` is the customer's signed link to one return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import Sum
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from aftersail.accounts.models import Agent
from aftersail.commerce.models import Order
from aftersail.core.localization import supported_language
from aftersail.customers.models import Customer
from aftersail.returns.access import return_link_token, visible_claims, visible_returns
from aftersail.returns.eligibility import Case, Refusal
from aftersail.returns.models import ReturnItem, ReturnRequest, ReturnStatus
from aftersail.returns.policies import order_eligibility, policy_for

__all__ = [
    "ALREADY_RETURNED",
    "ReturnOption",
    "customer_returns_context",
    "legal_citation",
    "policy_for",
    "return_link",
    "return_options",
]

# Not an eligibility.Refusal: the law would allow it, but an earlier return holds every piece.
ALREADY_RETURNED = "already_returned"


@dataclass(frozen=True)
class ReturnOption:
    """One order line, seen from the customer who wants to send it back."""

    line_id: int
    sku: str
    name: str
    quantity: int  # what can still go back: ordered minus what earlier returns hold
    eligible: bool
    basis: str  # eligibility.Basis
    deadline: date | None  # the last day, on the customer's calendar
    deadline_text: str  # that day in the customer's language, with their zone
    explanation: str  # why, in the customer's language (returns.explain)
    citation: str  # the legal source in the customer's language; "" for our own policy
    refusal: str = ""  # eligibility.Refusal or ALREADY_RETURNED when not eligible
    pending_delivery: bool = False  # the period starts with a delivery still to come
    sealed_only: bool = False  # goes back only while its protective seal is unbroken
    seal_citation: str = ""  # the legal exception that applies once the seal is broken


def quantities_in_returns(order: Order) -> dict[int, int]:
    """Pieces of each line already in a return that was not rejected."""
    rows = (
        ReturnItem.objects.filter(order_line__order=order)
        .exclude(rma__status=ReturnStatus.REJECTED)
        .values("order_line_id")
        .annotate(pieces=Sum("quantity"))
    )
    return {row["order_line_id"]: int(row["pieces"] or 0) for row in rows}


def return_options(
    order: Order,
    *,
    language: str,
    case: Case = Case.CHANGE_OF_MIND,
    now: datetime | None = None,
) -> list[ReturnOption]:
    """Every line of ``order`` with what the law of the customer's market and the store's
    policy allow for ``case``, explained in ``language``. A line that is returnable only
    sealed (hygiene goods, sealed media: e.g. Directive 2011/83/EU Art. 16(e), (i)) says so,
    because the customer has to know before sending it."""
    language = supported_language(language) or "en"
    sealed = order_eligibility(order, case, language=language, now=now)
    every_line = frozenset(row.line.id for row in sealed)
    opened = {
        row.line.id: row.result
        for row in order_eligibility(order, case, language=language, now=now, unsealed=every_line)
    }
    taken = quantities_in_returns(order)
    options = []
    with translation.override(language):
        for row in sealed:
            line, result = row.line, row.result
            left = line.quantity - taken.get(line.id, 0)
            if left <= 0:
                explanation = _("This item is already part of a return.")
                options.append(
                    ReturnOption(
                        line_id=line.id,
                        sku=line.sku,
                        name=line.name,
                        quantity=0,
                        eligible=False,
                        basis=str(result.basis),
                        deadline=None,
                        deadline_text="",
                        explanation=explanation,
                        citation="",
                        refusal=ALREADY_RETURNED,
                    )
                )
                continue
            unsealed = opened[line.id]
            sealed_only = (
                result.eligible
                and not unsealed.eligible
                and unsealed.refusal == Refusal.LEGAL_EXCEPTION
            )
            options.append(
                ReturnOption(
                    line_id=line.id,
                    sku=line.sku,
                    name=line.name,
                    quantity=left,
                    eligible=result.eligible,
                    basis=str(result.basis),
                    deadline=result.deadline,
                    deadline_text=row.deadline_text,
                    explanation=row.explanation,
                    citation=legal_citation(result.source, language),
                    refusal=str(result.refusal or ""),
                    pending_delivery=result.pending_delivery,
                    sealed_only=sealed_only,
                    seal_citation=legal_citation(unsealed.source, language) if sealed_only else "",
                )
            )
    return options


# "Directive 2011/83/EU Art. 9(1), 9(2)(b)", "Regulation 1182/71 Art. 3(4)": the act and its
# articles; whatever follows the articles is a note of the table's, not part of the name.
EU_ACT = re.compile(
    r"^(Directive|Regulation) (\d{2,4}/\d{1,4})(?:/(EU|EC))? Art\. "
    r"(\d+(?:\(\w+\))*(?:, \d+(?:\(\w+\))*)*)"
)


def legal_citation(source: str, language: str) -> str:
    """A source from the law table (``Directive 2011/83/EU Art. 9(1), 9(2)(b): 14 days from
    physical possession``) as the customer reads it: the reference without the table's note,
    an EU act under the name the Official Journal gives it in their language ("Richtlinie
    2011/83/EU", "directive 2011/83/UE"). Other acts keep the name the table gives them."""
    reference = re.split(r"[:;]", source, maxsplit=1)[0].strip()
    match = EU_ACT.match(reference)
    if match is None:
        return reference
    kind, number, suffix, articles = match.groups()
    with translation.override(supported_language(language) or "en"):
        templates = {
            ("Directive", "EU"): _("Directive %(number)s/EU, Article %(article)s"),
            ("Directive", "EC"): _("Directive %(number)s/EC, Article %(article)s"),
            ("Regulation", None): _("Regulation %(number)s, Article %(article)s"),
        }
    template = templates.get((kind, suffix))
    if template is None:
        return reference
    return template % {"number": number, "article": articles}


def return_link(rma: ReturnRequest) -> str:
    """The absolute, signed link that opens the return's page (with its printable form) for
    whoever holds it, as the lookup by order number and email would."""
    path = reverse("returns_portal:return_link", kwargs={"token": return_link_token(rma)})
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def customer_returns_context(customer: Customer, agent: Agent) -> dict[str, Any]:
    """What the desk's include ``returns/desk/_customer_returns.html`` needs."""
    orders = Order.objects.filter(customer=customer).order_by("-placed_at")[:5]
    language = (agent.languages or ["en"])[0]
    return {
        "customer": customer,
        "orders": [
            (order, order_eligibility(order, Case.CHANGE_OF_MIND, language=language))
            for order in orders
        ],
        "customer_returns": visible_returns(agent).filter(customer=customer),
        "customer_claims": visible_claims(agent).filter(customer=customer),
    }
