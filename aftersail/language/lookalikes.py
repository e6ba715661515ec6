"""Tie-breaking between languages that share almost all of their spelling.

Byte n-gram models confuse Indonesian with Malay, Danish with Bokmål and Swedish, Czech
with Slovak and Russian with Ukrainian and Bulgarian, because most of their n-grams are
the same. Their standard vocabularies still differ in common words (``lookalike_words``)
and in spelling rules (below). When the model's choice belongs to such a group, the member
whose markers the text holds most often wins; with no markers, or a tie with the model's
choice, the model's choice stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from aftersail.language.lookalike_words import GROUPS, MARKERS

_WORD = re.compile(r"[^\W\d_]+")

# Spelling rules of the written standards, one pattern per language, matched against each
# lower-cased word. Sources: Retskrivningsordbogen; Bokmålsordboka; Svenska Akademiens
# ordlista; Pravidlá slovenského pravopisu; Kamus Dewan / KBBI spelling of loanwords.
_SPELLING: dict[str, re.Pattern[str]] = {
    # Indonesian -itas/-isasi loanwords are Malay -iti; Malay writes -syen for -si.
    "id": re.compile(r"(ri|li|ni|vi|si)tas$"),
    "ms": re.compile(r"(ri|li|ni|vi|si)ti$|syen$"),
    # Danish writes the diphthongs øj and ej (høj, vej) where Bokmål writes øy and ei;
    # Danish past tenses end in -ede (spillede; Bokmål spilte, spilet) and definite
    # plurals in -erne (butikkerne; Bokmål butikkene);
    # Danish -hed is Bokmål -het; Bokmål and Swedish double a final consonant after a
    # short vowel (takk/tack, mann, full) where Danish writes one (tak, mand, fuld);
    # Bokmål writes kj and -sjon (kjøpe, stasjon); Swedish writes ck (mycket, flicka),
    # -het like Bokmål and ej like Danish (tjej, hej).
    "da": re.compile(r"øj|^(?!nej$|hej$).*ej|hed$|gsmål|..ede$|..erne$"),
    "nb": re.compile(r"øy|ei|het$|(kk|gg|pp|tt|nn|ll|mm)$|sjon$|^kj"),
    "sv": re.compile(r"ck|(gg|pp|tt|nn|ll|mm)$|het$|ej"),
    # Czech nouns in -ost are Slovak -osť; Slovak infinitives end in -ť (robiť, mať);
    # Slovak writes the diphthongs ie and ia (miesto, viem, robia, polícia) where Czech
    # writes í or -ie only at the end of loanwords (místo, vím, policie); Czech -ství is
    # Slovak -stvo.
    "cs": re.compile(r"..ost$|ství$"),
    "sk": re.compile(r"..ť$|ie[bcčdďfghjklľmnňprsštťvzž]|.ia$"),
    # Russian adjectives in -ая/-яя (not Bulgarian стая, накрая); Russian and Ukrainian
    # write ть and -ого, Bulgarian never does; Russian and Bulgarian past participles end
    # in -л where Ukrainian writes -в (звонил, дзвонив); Russian 3rd person plural -ют is
    # Ukrainian -ють; Ukrainian reflexive -ся after a vowel is Russian -сь (займуся,
    # займусь), Ukrainian 1st person plural -емо/-ймо is Russian -ем/-йте, and Ukrainian
    # infinitives end in -ти (робити; Russian делать); Bulgarian definite nouns in -ята.
    "ru": re.compile(r"^(?=.{5}).*(?<!кр)(ая|яя)$|ть$|ться$|(?<!мн)ого$|..[аиея]л$|..ют$"),
    "uk": re.compile(
        r"ть$|ться$|(?<!мн)ого$|..[аиі]в$|[аеиоуяюії]ся$|..(ем|йм|єм)о$|...(ити|іти|ути)$|"
        r"...(?<!кст)ати$"
    ),
    "bg": re.compile(r"..[аиея]л$|..ята$"),
}
# Ukrainian writes an apostrophe before я ю є ї after a labial (м'ясо, п'ять).
_UKRAINIAN_APOSTROPHE = re.compile(r"[бпвмфр]['’ʼ][яюєї]", re.IGNORECASE)
# Indonesian capitalizes the polite "Anda" everywhere; Malay writes "anda".
_MALAY_ANDA = re.compile(r"\banda\b")
_INDONESIAN_ANDA = re.compile(r"(?<=\w )Anda\b")

_GROUP_OF: dict[str, tuple[str, ...]] = {language: group for group in GROUPS for language in group}


# The spelling rules matched against the whole text at once, one word a line: a word counts
# once per language however often its rule matches it.
_SPELLING_BY_LINE: dict[str, re.Pattern[str]] = {
    language: re.compile(rf"^(?=.*?(?:{pattern.pattern})).+$", re.MULTILINE)
    for language, pattern in _SPELLING.items()
}
# Indonesian and Malay attach pronouns and particles to the word (teleponnya, istriku,
# cakapkan, bolehkah): the marker is the stem.
_MALAY_SUFFIXES = ("nya", "ku", "mu", "lah", "kah", "kan", "pun")
_MALAY_MARKERS = MARKERS["id"] | MARKERS["ms"]


def _stem(word: str) -> str:
    for suffix in _MALAY_SUFFIXES:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def marker_counts(text: str, languages: Sequence[str]) -> dict[str, int]:
    """How many words of ``text`` mark each of ``languages`` (a word on a language's list
    that also follows one of its spelling rules counts twice)."""
    words = _WORD.findall(text.lower())
    one_word_a_line = "\n".join(words)
    counts = {}
    for language in languages:
        markers = MARKERS[language]
        count = sum(word in markers for word in words)
        spelling = _SPELLING_BY_LINE.get(language)
        if spelling is not None:
            count += len(spelling.findall(one_word_a_line))
        if language in ("id", "ms"):
            count += sum(
                len(word) > 5 and word not in _MALAY_MARKERS and _stem(word) in markers
                for word in words
            )
        counts[language] = count
    if "uk" in counts:
        counts["uk"] += len(_UKRAINIAN_APOSTROPHE.findall(text))
    if "ms" in counts:
        counts["ms"] += len(_MALAY_ANDA.findall(text))
    if "id" in counts:
        counts["id"] += len(_INDONESIAN_ANDA.findall(text))
    return counts


def same_group(first: str, second: str) -> bool:
    """Whether two languages are the same or look-alikes of each other."""
    return first == second or second in _GROUP_OF.get(first, ())


def prefer_by_vocabulary(text: str, best: str, ranking: Sequence[str] = ()) -> str:
    """``best``, unless it belongs to a look-alike group and the text holds more marker
    words of another member. ``ranking`` is the model's order of the languages still
    allowed (by the alphabet rules); when given, only those members compete, and among
    members with as many markers the one it puts first wins."""
    group = _GROUP_OF.get(best)
    if group is None:
        return best
    order = [language for language in ranking if language in group] or list(group)
    counts = marker_counts(text, order)
    winner = max(order, key=lambda language: counts[language])  # first of the tied
    return winner if counts[winner] > counts[best] else best
