"""The assistant's side of a conversation: ``reply(state, text, language) -> AssistantTurn``.

The state is a JSON-serializable dict the caller keeps between turns (the chat session);
``reply`` never changes the one passed in. The assistant answers only from data it has
looked up (orders and shipments after verification, knowledge-base articles, what the
returns app says can go back), starts returns through the returns app's door
(``returning``), and hands over to a person when it is unsure, when the customer asks for
one, or when it cannot help.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date
from django.utils import translation

from aftersail.assistant import phrases
from aftersail.assistant.classifier import IntentClassifier, Prediction, get_classifier
from aftersail.assistant.confirmation import UNCLEAR
from aftersail.assistant.entities import extract, order_number_pattern
from aftersail.assistant.hooks import KnowledgeSearch, default_knowledge_search
from aftersail.assistant.intents import HUMAN_INTENTS
from aftersail.assistant.models import AssistantSettings
from aftersail.assistant.returning import ReturnSteps
from aftersail.assistant.verification import verified_order
from aftersail.commerce.models import Order, Store
from aftersail.conversations.models import Category
from aftersail.core.localization import supported_language

ORDER_INTENTS = frozenset({"track_order", "delivery_period"})
RETURN_INTENTS = frozenset({"return_item"})
# A pending verification is dropped only for a clearly different question.
SWITCH_CONFIDENCE = 0.85
MAX_FAILED_VERIFICATIONS = 2


@dataclass
class AssistantTurn:
    text: str
    language: str
    intent: str
    category: str
    confidence: float
    handover: bool = False
    reason: str = ""  # why the assistant handed over
    facts: dict[str, Any] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    links: list[dict[str, str]] = field(default_factory=list)
    order_id: int | None = None  # the verified order, for the caller to link

    @property
    def note(self) -> str:
        """For the person who takes over: an internal note with what the assistant
        understood and found ("" when it did not hand over)."""
        return handover_note(self) if self.handover else ""


def handover_note(turn: AssistantTurn) -> str:
    """The internal note the agent sees: what the assistant understood and collected."""
    lines = [
        f"Assistant handed over ({turn.reason or 'asked'}).",
        f"Language: {turn.language}. Category: {turn.category or '-'}. "
        f"Intent: {turn.intent or '-'} (confidence {turn.confidence:.2f}).",
    ]
    facts = {key: value for key, value in sorted(turn.facts.items()) if value}
    if facts:
        lines.append("Facts: " + ", ".join(f"{key} {value}" for key, value in facts.items()))
    if turn.state.get("verified_order"):
        lines.append(f"Verified order: {turn.state['verified_order']}.")
    if turn.state.get("return_summary"):
        lines.append(f"Return check: {turn.state['return_summary']}.")
    return "\n".join(lines)


def _settings(store: Store) -> AssistantSettings:
    found = AssistantSettings.objects.filter(store=store).first()
    return found or AssistantSettings(store=store)


class _Dialogue(ReturnSteps):
    def __init__(
        self,
        state: dict[str, Any] | None,
        text: str,
        language: str,
        store: Store,
        classifier: IntentClassifier,
        knowledge_search: KnowledgeSearch | None,
    ) -> None:
        self.state: dict[str, Any] = copy.deepcopy(state or {})
        self.facts: dict[str, Any] = self.state.setdefault("facts", {})
        self.text = (text or "")[:5000]
        self.language = supported_language(language) or "en"
        self.store = store
        self.classifier = classifier
        self.search = knowledge_search
        self.settings = _settings(store)
        self.prediction = Prediction("", "", Category.OTHER, 0.0)

    # -- turn building --------------------------------------------------------------
    def _turn(
        self, *texts: Any, handover: bool = False, reason: str = "", **extra: Any
    ) -> AssistantTurn:
        with translation.override(self.language):
            text = " ".join(str(part) for part in texts)
        intent = self.state.get("intent", self.prediction.intent)
        category = self.state.get("category", self.prediction.category)
        self.state["language"] = self.language
        if handover:
            self.state["handed_over"] = True
            self.state.pop("awaiting", None)
        return AssistantTurn(
            text=text,
            language=self.language,
            intent=intent,
            category=category,
            confidence=round(self.prediction.confidence, 4),
            handover=handover,
            reason=reason,
            facts=dict(self.facts),
            state=self.state,
            **extra,
        )

    def _handover(self, reason: str, *texts: Any) -> AssistantTurn:
        return self._turn(*(texts or (phrases.HANDOVER,)), handover=True, reason=reason)

    # -- the turn -------------------------------------------------------------------
    def run(self) -> AssistantTurn:
        found = extract(self.text, order_number_pattern(self.store))
        if found.order_numbers:
            self.facts["order_number"] = found.order_numbers[0]
        if found.emails:
            self.facts["email"] = found.emails[0]
        if found.tracking_numbers:
            self.facts["tracking_number"] = found.tracking_numbers[0][1]
            self.facts["carrier"] = found.tracking_numbers[0][0]
        gave_facts = bool(found.order_numbers or found.emails)
        self.prediction = self.classifier.predict(self.text)
        switching = (
            not gave_facts
            and self.prediction.confidence >= SWITCH_CONFIDENCE
            and self.prediction.intent != self.state.get("intent")
        )
        if self._awaits_return_confirmation():
            answer = self._read_confirmation()
            if answer.kind != UNCLEAR or not switching:
                return self._answer_return_offer(answer)
            self._drop_return_offer()  # a clearly different question: the offer lapses
        pending = self.state.get("awaiting") == "verification"
        if pending and not switching:
            return self._continue_verification()
        self.state.pop("awaiting", None)
        if self.prediction.confidence < self.settings.confidence_threshold:
            return self._handover("unsure")
        self._remember_intent()
        if self.prediction.intent in HUMAN_INTENTS:
            return self._handover("asked for a person")
        intent = self.prediction.intent
        if intent in ORDER_INTENTS or intent in RETURN_INTENTS:
            return self._continue_verification()
        return self._answer_from_knowledge()

    def _remember_intent(self) -> None:
        self.state["intent"] = self.prediction.intent
        self.state["category"] = self.prediction.category

    # -- verification and orders ----------------------------------------------------
    def _continue_verification(self) -> AssistantTurn:
        order_number = self.facts.get("order_number")
        email = self.facts.get("email")
        if not order_number or not email:
            self.state["awaiting"] = "verification"
            ask = (
                phrases.ASK_ORDER_AND_EMAIL
                if not order_number and not email
                else phrases.ASK_EMAIL
                if order_number
                else phrases.ASK_ORDER_NUMBER
            )
            return self._turn(ask)
        order = verified_order(self.store, order_number, email)
        if order is None:
            self.state["failed_verifications"] = self.state.get("failed_verifications", 0) + 1
            self.facts.pop("order_number", None)
            self.facts.pop("email", None)
            if self.state["failed_verifications"] >= MAX_FAILED_VERIFICATIONS:
                return self._handover("verification failed")
            self.state["awaiting"] = "verification"
            return self._turn(phrases.NO_MATCH)
        self.state.pop("awaiting", None)
        self.state["verified_order"] = order.number
        if self.state.get("intent") in RETURN_INTENTS:
            return self._offer_return(order)
        return self._order_status(order)

    def _order_status(self, order: Order) -> AssistantTurn:
        shipments = [s for s in order.shipments.all() if not s.is_return]
        if not shipments:
            return self._turn(
                phrases.NOT_SHIPPED % {"order": order.number},
                phrases.ANYTHING_ELSE,
                order_id=order.pk,
            )
        parts: list[Any] = []
        needs_person = False
        for shipment in sorted(shipments, key=lambda s: (s.created_at, s.pk)):
            with translation.override(self.language):
                status = str(phrases.STATUS.get(shipment.status, shipment.get_status_display()))
            parts.append(
                phrases.PARCEL
                % {
                    "carrier": carrier_name(shipment.carrier),
                    "tracking": shipment.tracking_number,
                    "status": status,
                }
            )
            if shipment.delivered_at:
                date = format_date(shipment.delivered_at.date(), "long", locale=self.language)
                parts.append(phrases.DELIVERED_ON % {"date": date})
            elif shipment.estimated_delivery:
                date = format_date(shipment.estimated_delivery, "long", locale=self.language)
                parts.append(phrases.EXPECTED % {"date": date})
            needs_person = needs_person or shipment.status in phrases.NEEDS_PERSON
        if needs_person:
            turn = self._handover("shipment needs attention", *parts)
            turn.order_id = order.pk
            return turn
        return self._turn(*parts, phrases.ANYTHING_ELSE, order_id=order.pk)

    # -- knowledge base -------------------------------------------------------------
    def _answer_from_knowledge(self) -> AssistantTurn:
        search = self.search or default_knowledge_search()
        hits = list(search(self.text, self.language, self.store))[:1]
        if not hits:
            return self._handover("no article")
        hit = hits[0]
        return self._turn(
            phrases.ARTICLE % {"title": hit.title, "url": hit.url},
            phrases.ARTICLE_FOLLOW_UP,
            links=[{"title": str(hit.title), "url": str(hit.url)}],
        )


CARRIERS = {
    "dhl": "DHL",
    "dhl_express": "DHL Express",
    "ups": "UPS",
    "fedex": "FedEx",
    "dpd": "DPD",
    "gls": "GLS",
    "inpost": "InPost",
    "postnl": "PostNL",
    "colissimo": "Colissimo",
}


def carrier_name(slug: str) -> str:
    return CARRIERS.get(slug, slug.replace("_", " ").title())


def reply(
    state: dict[str, Any] | None,
    text: str,
    language: str,
    *,
    store: Store,
    knowledge_search: KnowledgeSearch | None = None,
    classifier: IntentClassifier | None = None,
) -> AssistantTurn:
    """The assistant's answer to ``text``; ``turn.state`` is the state for the next turn."""
    dialogue = _Dialogue(
        state, text, language, store, classifier or get_classifier(), knowledge_search
    )
    with translation.override(dialogue.language):
        return dialogue.run()
