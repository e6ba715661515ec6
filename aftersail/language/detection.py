"""Which language a customer writes in, offline.

The model is py3langid's naive-Bayes byte n-gram model (a modernized langid.py, Lui &
Baldwin 2012), shipped inside its PyPI wheel: nothing is downloaded at run time. It is
restricted to ``CANDIDATES`` (the languages our customers write in), which both speeds it up
and removes look-alike languages nobody writes to the desk in. docs/language.md compares it
with lingua, langid.py and fastText's lid.176 model on ``shared/data/langid``.

Short or mixed texts are unreliable: ``detect_language`` then keeps the language we already
know for the customer (their profile, the conversation), and only a confident detection
overrides it.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from aftersail.language.alphabets import normalize, ruled_out
from aftersail.language.lookalikes import prefer_by_vocabulary, same_group

# ISO 639-1 codes; "nb" is Norwegian Bokmål, which the model calls "no".
CANDIDATES: tuple[str, ...] = (
    "ar", "bg", "cs", "da", "de", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "id",
    "it", "ja", "ko", "lt", "ms", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sv", "th",
    "tr", "uk", "vi", "zh",
)  # fmt: skip
_MODEL_CODES = {"nb": "no"}
_OUR_CODES = {model: ours for ours, model in _MODEL_CODES.items()}

# Fewer letters than this say too little to override a known language ("ok", "Danke!",
# "Hello, where is it?"): about one short sentence.
MIN_LETTERS = 20
# Below this probability the text is mixed or ambiguous: keep the language we know.
MIN_CONFIDENCE = 0.50
# Longer texts carry no more signal; the cut keeps detection time flat.
MAX_CHARS = 2000


@dataclass(frozen=True)
class Detection:
    language: str  # an ISO 639-1 code from CANDIDATES, or "" when nothing was detected
    confidence: float  # 0..1
    letters: int  # how many letters the decision rests on
    mixed: bool = False  # sentences in clearly different languages

    @property
    def reliable(self) -> bool:
        return (
            bool(self.language)
            and not self.mixed
            and self.letters >= MIN_LETTERS
            and self.confidence >= MIN_CONFIDENCE
        )


_lock = threading.Lock()


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    with _lock:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages([_MODEL_CODES.get(code, code) for code in CANDIDATES])
        return identifier


def _count_letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")
# Sentences checked for a second language; the share of letters the main language must hold.
MAX_SEGMENTS = 6
SEGMENT_MIN_LETTERS = 12
MAIN_SHARE = 0.75


def _best(sample: str, break_ties: bool = True) -> tuple[str, float]:
    sample = normalize(sample)
    excluded = ruled_out(sample)
    ranked = [
        (_OUR_CODES.get(model_code, model_code), float(probability))
        for model_code, probability in _identifier().rank(sample)
    ]
    allowed = dict(item for item in ranked if item[0] not in excluded)
    if not allowed:  # pragma: no cover - every language excluded
        return "", 0.0
    code = next(iter(allowed))
    if not break_ties:
        return code, allowed[code]
    chosen = prefer_by_vocabulary(sample, code, list(allowed))
    if chosen != code:
        # The pair's two probabilities together are the model's confidence in the pair.
        return chosen, allowed[code] + allowed[chosen]
    return code, allowed[code]


def _is_mixed(sample: str, language: str) -> bool:
    """Whether confidently detected sentences in other languages hold a large share."""
    segments = [s for s in _SENTENCE_END.split(sample) if _count_letters(s) >= SEGMENT_MIN_LETTERS]
    if len(segments) < 2:
        return False
    other = total = 0
    for segment in segments[:MAX_SEGMENTS]:
        letters = _count_letters(segment)
        # A sentence in a look-alike of the main language is not a second language: the
        # whole text decided between them (and skipping the tie-break halves the time).
        code, probability = _best(segment, break_ties=False)
        total += letters
        if not same_group(code, language) and probability >= MIN_CONFIDENCE:
            other += letters
    return other > (1 - MAIN_SHARE) * total


def detect(text: str) -> Detection:
    """The most likely language of ``text`` with its probability; never raises."""
    sample = (text or "")[:MAX_CHARS]
    letters = _count_letters(sample)
    if not letters:
        return Detection("", 0.0, 0)
    language, probability = _best(sample)
    return Detection(language, probability, letters, mixed=_is_mixed(sample, language))


def detect_language(text: str, known: str = "") -> str:
    """The language to file ``text`` under: the detected one when the detection is
    reliable, else the ``known`` language (customer profile, conversation), else the
    detected guess, else ""."""
    detection = detect(text)
    if detection.reliable:
        return detection.language
    return known or detection.language


def warm_up() -> None:
    """Loads the model (about 0.3 s) so that the first message is not slower."""
    detect("warm up")
