"""Reading a customer's answer to "Shall I start the return?": yes, no, item numbers, or
something else.

The words are not gettext translations but one list for every language the desk speaks:
customers mix languages ("ok", "yes" in a German chat), and a reply is short enough that a
word from another language is not a risk. Numbers win over yes and no ("nein, nur 2" means
item 2) but only beside a few plain words; an answer with both a yes and a no word is
unclear, and so is anything else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

YES_WORDS = frozenset(
    {
        # English
        "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "correct", "right",
        # German
        "ja", "jawohl", "jep", "gerne", "gern", "klar", "genau", "bitte", "richtig", "passt",
        # French
        "oui", "ouais", "d'accord", "volontiers", "exact", "exactement",
        # Spanish
        "sí", "si", "vale", "claro", "correcto", "acuerdo",
        # Polish
        "tak", "dobrze", "jasne", "pewnie", "poproszę", "proszę",
    }
)  # fmt: skip
NO_WORDS = frozenset(
    {
        "no", "nope", "not", "cancel", "stop", "don't",
        "nein", "nee", "nicht", "abbrechen",
        "non", "pas", "annuler",
        "cancelar", "tampoco",
        "nie", "anuluj",
    }
)  # fmt: skip
# Japanese runs words together: these are looked for inside the text. The no-phrases are
# checked first, because "いいえ" contains "いい" ("good") and "やめてください" contains
# "ください" ("please").
JAPANESE_NO = ("いいえ", "いや", "やめ", "キャンセル", "結構です", "不要")
JAPANESE_YES = (
    "はい", "ええ", "うん", "お願い", "おねがい", "了解", "大丈夫", "いいです", "ください",
)  # fmt: skip

# Words that may stand beside item numbers ("nein, nur 2", "Nummer 1 und 3 bitte"); any
# other word makes the numbers doubtful ("<script>alert(1)</script>" names no item).
NUMBER_COMPANIONS = YES_WORDS | NO_WORDS | frozenset(
    {
        "and", "only", "just", "item", "items", "number", "numbers", "no", "nr", "the",
        "und", "nur", "bloß", "artikel", "nummer", "nummern", "die", "den", "der", "das",
        "et", "seulement", "uniquement", "juste", "article", "articles", "numéro", "numéros",
        "le", "la", "les",
        "y", "solo", "sólo", "solamente", "artículo", "artículos", "número", "números", "el",
        "los", "las",
        "i", "oraz", "tylko", "produkt", "produkty", "numer", "numery", "pozycja", "pozycje",
    }
)  # fmt: skip
JAPANESE_COMPANIONS = ("番号", "番", "と", "だけ", "のみ", "商品", "を", "で", "です", "、", "。")

WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
NUMBER_RE = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
EMAIL_OR_LONG_NUMBER_RE = re.compile(r"\S+@\S+|\d{3,}")


@dataclass(frozen=True)
class Answer:
    kind: str  # "yes", "no", "numbers" or "unclear"
    numbers: tuple[int, ...] = field(default_factory=tuple)


YES, NO, NUMBERS, UNCLEAR = "yes", "no", "numbers", "unclear"


def read_answer(text: str) -> Answer:
    """What ``text`` answers to a yes/no question that also accepts item numbers."""
    text = unicodedata.normalize("NFKC", (text or "")[:500]).lower().replace("’", "'")
    # An email address or an order number in the answer is not an item number.
    text = EMAIL_OR_LONG_NUMBER_RE.sub(" ", text)
    numbers = tuple(dict.fromkeys(int(n) for n in NUMBER_RE.findall(text)))
    if numbers:
        rest = text
        for phrase in (*JAPANESE_COMPANIONS, *JAPANESE_YES):
            rest = rest.replace(phrase, " ")
        if set(WORD_RE.findall(rest)) <= NUMBER_COMPANIONS:
            return Answer(NUMBERS, numbers)
        return Answer(UNCLEAR)
    words = set(WORD_RE.findall(text))
    said_no = bool(words & NO_WORDS)
    said_yes = bool(words & YES_WORDS)
    if any(phrase in text for phrase in JAPANESE_NO):
        said_no = True
    elif any(phrase in text for phrase in JAPANESE_YES):
        said_yes = True
    if said_yes and not said_no:
        return Answer(YES)
    if said_no and not said_yes:
        return Answer(NO)
    return Answer(UNCLEAR)
