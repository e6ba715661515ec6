"""Letters and letter sequences that one written language uses and its look-alikes never do.

A text holding such a letter cannot be in those look-alike languages, whatever the byte
n-gram model says. Each rule only rules out the close neighbours that lack the letter
(a German text may hold ``ä``; it is never ruled out by the Swedish rule), and the
Scandinavian rules need the other alphabet's letters to be absent, so that a Danish
message naming "Malmö" stays Danish.

Sources: the official alphabets and orthographies (Pravidla českého pravopisu; Pravidlá
slovenského pravopisu; Pravopis Polski, Słownik ortograficzny PWN; Український правопис
2019; Правописен речник на българския език; Правила русской орфографии и пунктуации;
Retskrivningsordbogen; Bokmålsordboka; Svenska skrivregler; Ortografía de la lengua
española (RAE); Vocabulário Ortográfico da Língua Portuguesa; DOOM (Romanian)), and the
Wikipedia articles "Cyrillic alphabets" and "Latin alphabets" for the comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class AlphabetRule:
    present: re.Pattern[str]  # found in the lower-cased text...
    rules_out: tuple[str, ...]  # ...these languages are impossible,
    unless: re.Pattern[str] | None = None  # unless this is found too.


def _rule(present: str, rules_out: str, unless: str | None = None) -> AlphabetRule:
    return AlphabetRule(
        re.compile(present), tuple(rules_out.split()), re.compile(unless) if unless else None
    )


RULES: tuple[AlphabetRule, ...] = (
    # Czech ř ů ě against Slovak ľ ĺ ŕ ô ä; Polish ł ś ź ż ć ń ą ę are in neither.
    _rule("[řůě]", "sk"),
    _rule("[ľĺŕôä]", "cs"),
    _rule("[łśźżćńąę]", "cs sk"),
    # Ukrainian і ї є ґ; Russian ы э ё; Bulgarian ѝ. Ukrainian has no ъ; Russian writes ъ
    # only as a separator before е ё ю я, Bulgarian as a vowel (път, съм); Bulgarian
    # writes ь only before о (шофьор), Russian and Ukrainian everywhere (быть, день).
    _rule("[іїєґ]", "ru bg"),
    _rule("[ыэё]", "uk bg"),
    _rule("ѝ", "ru uk"),
    _rule("ъ", "uk"),
    _rule("ъ(?![еёюя])", "ru"),
    _rule("ь(?!о)", "bg"),
    # Swedish ä ö against Danish and Norwegian æ ø.
    _rule("[äö]", "da nb", unless="[æø]"),
    _rule("[æø]", "sv", unless="[äö]"),
    # Spanish ñ ¿ ¡; Portuguese ã õ; ç in Portuguese (and French, Turkish) but never in
    # Spanish or Italian; Romanian ă ș ț.
    _rule("[ñ¿¡]", "pt it ro"),
    _rule("[ãõ]", "es it ro"),
    _rule("ç", "es it ro"),
    _rule("[ășțşţ]", "it pt es fr"),
)

# Ukrainian typed on a keyboard without і often uses the Latin i inside Cyrillic words.
_LATIN_I_IN_CYRILLIC = re.compile(r"(?<=[а-яіїєґ])i|i(?=[а-яіїєґ])", re.IGNORECASE)


def normalize(text: str) -> str:
    """``text`` with a Latin i inside a Cyrillic word turned into the Cyrillic і."""
    if "i" not in text and "I" not in text:
        return text
    return _LATIN_I_IN_CYRILLIC.sub(lambda match: "і" if match[0] == "i" else "І", text)


def ruled_out(text: str) -> set[str]:
    """Languages the letters of ``text`` rule out."""
    lowered = text.lower()
    excluded: set[str] = set()
    for rule in RULES:
        if rule.present.search(lowered) and not (rule.unless and rule.unless.search(lowered)):
            excluded.update(rule.rules_out)
    return excluded
