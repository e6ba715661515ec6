"""The intent classifier: character and word TF-IDF features, logistic regression.

Trained from the data files shipped in ``data/`` (and, after ``aftersail assistant train``,
the store's own categorized conversations) and cached as a pickle under
``var/assistant/``; nothing is downloaded. The cache is keyed by a fingerprint of the
training data, so new data retrains on first use.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import logging
import pickle  # only our own model file, written by this module
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from aftersail.assistant.intents import category_of, intent_of

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
BITEXT = DATA_DIR / "bitext_customer_support_20k.csv.gz"
SEED = DATA_DIR / "aftersales_seed.csv"
MODEL_VERSION = 1

Example = tuple[str, str]  # (text, label)


@dataclass(frozen=True)
class Prediction:
    label: str
    intent: str  # "" for a store category label
    category: str
    confidence: float  # probability of the best label, 0..1


def bitext_examples() -> list[Example]:
    with gzip.open(BITEXT, "rb") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig"))
        return [(row["utterance"], row["intent"]) for row in reader]


def seed_examples() -> list[Example]:
    with SEED.open(encoding="utf-8") as handle:
        return [(row["utterance"], row["intent"]) for row in csv.DictReader(handle)]


# The seed set is small next to Bitext's 21,534 rows; repeating it gives its languages and
# after-sales intents enough weight.
SEED_REPEAT = 4


def shipped_examples() -> list[Example]:
    return bitext_examples() + seed_examples() * SEED_REPEAT


def store_examples_file() -> Path:
    return Path(settings.VAR_DIR) / "assistant" / "store_examples.json"


def saved_store_examples() -> list[Example]:
    path = store_examples_file()
    if not path.exists():
        return []
    try:
        return [(str(text), str(label)) for text, label in json.loads(path.read_text())]
    except (ValueError, TypeError):
        log.warning("ignoring unreadable %s", path)
        return []


def build_pipeline() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    from sklearn.pipeline import make_pipeline, make_union  # type: ignore[import-untyped]

    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2),
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
    )
    return make_pipeline(features, LogisticRegression(C=20, max_iter=300))


class IntentClassifier:
    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline
        self.labels: list[str] = list(pipeline.classes_)

    @classmethod
    def train(cls, examples: Iterable[Example]) -> IntentClassifier:
        texts, labels = zip(*examples, strict=True)
        pipeline = build_pipeline()
        pipeline.fit(list(texts), list(labels))
        return cls(pipeline)

    def predict(self, text: str) -> Prediction:
        return self.predict_many([text])[0]

    def probabilities(self, texts: list[str]) -> Any:
        """Class probabilities, one row per text: the pipeline's ``predict_proba`` without
        scikit-learn's per-call plumbing (input checks, joblib), which costs more than the
        arithmetic for one short message. The model is multinomial logistic regression, so
        the probabilities are the softmax of the linear scores."""
        import numpy as np
        from scipy import sparse  # type: ignore[import-untyped]

        union, model = self.pipeline.steps[0][1], self.pipeline.steps[-1][1]
        clipped = [t[:2000] for t in texts]
        features = sparse.hstack(
            [vectorizer.transform(clipped) for _name, vectorizer in union.transformer_list]
        ).tocsr()
        scores = np.asarray(features @ model.coef_.T) + model.intercept_
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def predict_many(self, texts: list[str]) -> list[Prediction]:
        results = []
        for probabilities in self.probabilities(texts):
            best = int(probabilities.argmax())
            label = str(self.labels[best])
            results.append(
                Prediction(label, intent_of(label), category_of(label), float(probabilities[best]))
            )
        return results


def _fingerprint(examples: list[Example]) -> str:
    digest = hashlib.sha256(f"v{MODEL_VERSION}".encode())
    for text, label in examples:
        digest.update(f"{label}\t{text}\n".encode())
    return digest.hexdigest()[:16]


_lock = threading.Lock()
_cached: IntentClassifier | None = None


def get_classifier() -> IntentClassifier:
    """The classifier for the shipped plus saved store examples; trained once and cached
    under var/ (and in memory)."""
    global _cached
    if _cached is not None:
        return _cached
    with _lock:
        if _cached is None:
            _cached = _load_or_train(shipped_examples() + saved_store_examples())
    return _cached


def _load_or_train(examples: list[Example]) -> IntentClassifier:
    path = Path(settings.VAR_DIR) / "assistant" / f"intents-{_fingerprint(examples)}.pickle"
    if path.exists():
        try:
            with path.open("rb") as handle:
                return IntentClassifier(pickle.load(handle))  # noqa: S301 - our own file
        except Exception:
            log.warning("retraining: could not read %s", path, exc_info=True)
    classifier = IntentClassifier.train(examples)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("intents-*.pickle"):
        old.unlink(missing_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as handle:
        pickle.dump(classifier.pipeline, handle)
    temporary.replace(path)
    return classifier


def reset_cache() -> None:
    global _cached
    _cached = None
