"""``aftersail assistant eval`` and ``train``: measuring and retraining the classifier."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from aftersail.assistant.classifier import (
    DATA_DIR,
    SEED_REPEAT,
    Example,
    IntentClassifier,
    bitext_examples,
    get_classifier,
    reset_cache,
    seed_examples,
    shipped_examples,
    store_examples_file,
)
from aftersail.assistant.entities import extract
from aftersail.assistant.intents import STORE_LABEL_PREFIX
from aftersail.conversations.models import Conversation, Message

OUT_OF_SCOPE = DATA_DIR / "out_of_scope.txt"
HELD_OUT_SHARE = 0.2
SEED = 0


@dataclass
class EvalResult:
    train_size: int
    test_size: int
    accuracy: float
    macro_f1: float
    out_of_scope: int
    out_of_scope_handed_over: int
    in_scope_handed_over: int
    latency_ms: dict[str, float]

    def format(self) -> str:
        share = self.out_of_scope_handed_over / self.out_of_scope if self.out_of_scope else 0
        lat = self.latency_ms
        return "\n".join(
            [
                f"training examples: {self.train_size}, held-out: {self.test_size}",
                f"accuracy: {self.accuracy:.2%}",
                f"macro-F1: {self.macro_f1:.2%}",
                f"in-scope handed over (confidence below threshold): "
                f"{self.in_scope_handed_over / self.test_size:.2%}",
                f"out-of-scope handed over: {self.out_of_scope_handed_over}/{self.out_of_scope} "
                f"({share:.2%})",
                f"latency per message (classify + entities): p50 {lat['p50']:.2f} ms, "
                f"p95 {lat['p95']:.2f} ms, p99 {lat['p99']:.2f} ms",
            ]
        )


def out_of_scope_texts(path: Path = OUT_OF_SCOPE) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _percentile(sorted_values: list[float], share: float) -> float:
    index = min(len(sorted_values) - 1, round(share * (len(sorted_values) - 1)))
    return sorted_values[index]


def evaluate(threshold: float = 0.5, latency_samples: int = 1000) -> EvalResult:
    """Trains on a stratified 80 % of the Bitext data (plus the seed set) and measures on
    the other 20 %; out-of-scope messages count as handed over when the classifier's
    confidence is below ``threshold`` (the rule ``reply()`` applies)."""
    from sklearn.metrics import accuracy_score, f1_score  # type: ignore[import-untyped]
    from sklearn.model_selection import train_test_split  # type: ignore[import-untyped]

    texts, labels = zip(*bitext_examples(), strict=True)
    train_x, test_x, train_y, test_y = train_test_split(
        list(texts), list(labels), test_size=HELD_OUT_SHARE, random_state=SEED, stratify=labels
    )
    training = list(zip(train_x, train_y, strict=True)) + seed_examples() * SEED_REPEAT
    classifier = IntentClassifier.train(training)
    predictions = classifier.predict_many(test_x)
    predicted = [p.label for p in predictions]
    oos = out_of_scope_texts()
    oos_predictions = classifier.predict_many(oos)
    timings = []
    for text in test_x[:latency_samples]:
        start = time.perf_counter()
        classifier.predict(text)
        extract(text)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return EvalResult(
        train_size=len(training),
        test_size=len(test_x),
        accuracy=float(accuracy_score(test_y, predicted)),
        macro_f1=float(f1_score(test_y, predicted, average="macro")),
        out_of_scope=len(oos),
        out_of_scope_handed_over=sum(p.confidence < threshold for p in oos_predictions),
        in_scope_handed_over=sum(p.confidence < threshold for p in predictions),
        latency_ms={
            "p50": _percentile(timings, 0.50),
            "p95": _percentile(timings, 0.95),
            "p99": _percentile(timings, 0.99),
        },
    )


def store_examples(store_slug: str | None = None) -> list[Example]:
    """The first customer message of every categorized conversation, in any language,
    labelled with the conversation's category."""
    conversations = Conversation.objects.exclude(category="")
    if store_slug:
        conversations = conversations.filter(store__slug=store_slug)
    examples: list[Example] = []
    for conversation_id, category in conversations.values_list("id", "category").iterator():
        first = (
            Message.objects.filter(conversation_id=conversation_id, kind=Message.Kind.INBOUND)
            .order_by("created_at", "id")
            .values_list("body_text", flat=True)
            .first()
        )
        if first and first.strip():
            examples.append((first.strip()[:2000], f"{STORE_LABEL_PREFIX}{category}"))
    return examples


def save_store_examples(examples: Iterable[Example]) -> Path:
    path = store_examples_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(list(examples), ensure_ascii=False), encoding="utf-8")
    return path


def retrain(store_slug: str | None = None) -> tuple[int, int]:
    """Saves the store's examples and retrains; returns (shipped, store) example counts."""

    examples = store_examples(store_slug)
    save_store_examples(examples)
    reset_cache()
    get_classifier()
    return len(shipped_examples()), len(examples)
