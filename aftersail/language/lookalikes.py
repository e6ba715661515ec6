"""Tie-breaking between languages that share almost all of their spelling.

Byte n-gram models confuse Indonesian with Malay and Danish with Norwegian Bokmål because
most of their n-grams are the same. Their standard vocabularies still differ in common
words (Indonesian *uang, mobil, kantor, bisa, mau, karena*; Malay *wang, pejabat, mahu,
kerana*; Danish *mig, hvad, af, efter, noget, meget*; Bokmål *meg, hva, av, etter, noe,
mye*) and in spelling rules. When the model's choice is one language of such a pair, the
pair's marker words decide; with no markers, or a tie, the model's choice stands.

Sources of the word pairs: Kamus Besar Bahasa Indonesia and Kamus Dewan (standard
spellings); Den Danske Ordbog and Bokmålsordboka; the Wikipedia articles "Malaysian and
Indonesian differences" and "Danish and Norwegian" (comparison tables). Only words that are
standard in one language and absent or rare in the other's everyday use are listed; words
both use (ia, tak, semalam, når) are left out.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MARKERS: dict[str, frozenset[str]] = {
    "id": _words(
        "uang mobil kantor bisa mau karena silakan berhasil kemarin besok kapan paham "
        "pikir berbicara harus sepeda toko kamar gratis menikah enggak nggak gak aja "
        "banget dong sih kok kalian dingin bapak kantong bilang libur sebentar tampak "
        "telepon dokter musik film bus stasiun universitas kualitas televisi populer "
        "pensil nih tuh tau"
    ),
    "ms": _words(
        "wang pejabat mahu kerana sila berjaya esok bila "
        "faham fikir bercakap mesti basikal kedai bilik percuma kahwin nak dah je "
        "awak sejuk bapa sahaja baharu polis teksi hospital universiti "
        "tandas kanak-kanak gembira ialah daripada macam puan encik cuti tengok "
        "sekejap amat stesen televisyen kualiti telefon doktor filem muzik bas "
        "popular pensel bahawa "
    ),
    "da": _words(
        "mig dig sig hvad af efter noget nogen nogle meget nu blev havde mere tak købe "
        "købte hende os jer syg gøre gik fik bog måske igen end blive kender siger "
        "spørgsmål hjælp hjælpe sådan aldrig altid ud op hvornår lidt mand kvinde vand "
        "børn arbejde arbejder rigtig vej sne penge nogensinde sker øjeblik øje øjne "
        "hoved bruge tage tager giver vide sjov pige dreng kat smuk sød mad læse tænke "
        "tænker ven"
    ),
    "nb": _words(
        "meg deg seg hva av etter noe noen mye nå ble hadde mer takk kjøpe kjøpte henne "
        "oss dere syk gjøre gikk fikk bok kanskje igjen enn bli kjenner sier spørsmål "
        "hjelp hjelpe veldig sånn slik lite aldri alltid ut opp litt mann kvinne "
        "vann arbeid arbeider riktig vei snø penger noensinne skjer øyeblikk øye øyne "
        "hode bruke ta tar gir vite gøy jente gutt katt vakker søt mat lese tenke "
        "tenker venn"
    ),
}
# Spelling rules of the two written standards (Retskrivningsordbogen; Bokmålsordboka):
# Danish writes the diphthongs øj and ej (høj, vej, nej) where Bokmål writes øy and ei
# (høy, vei, nei); Bokmål doubles a final consonant after a short vowel (takk, mann, full,
# trygg) where Danish writes one (tak, mand, fuld, tryg); Danish -hed is Bokmål -het.
_SPELLING: dict[str, re.Pattern[str]] = {
    "da": re.compile(r"øj|ej|hed$|gsmål"),
    "nb": re.compile(r"øy|ei|het$|(kk|gg|pp|tt|nn|ll|mm)$"),
}
# Words in both lists of a pair say nothing about it.
for _a, _b in (("id", "ms"), ("da", "nb")):
    _shared = MARKERS[_a] & MARKERS[_b]
    MARKERS[_a], MARKERS[_b] = MARKERS[_a] - _shared, MARKERS[_b] - _shared

PAIRS: dict[str, str] = {"id": "ms", "ms": "id", "da": "nb", "nb": "da"}


def prefer_by_vocabulary(text: str, best: str) -> str:
    """``best``, unless it belongs to a look-alike pair and the text holds more marker
    words of the pair's other language than of ``best``."""
    runner_up = PAIRS.get(best)
    if runner_up is None:
        return best
    words = _WORD.findall(text.lower())
    own = sum(_is_marker(word, best) for word in words)
    other = sum(_is_marker(word, runner_up) for word in words)
    return runner_up if other > own else best


def _is_marker(word: str, language: str) -> bool:
    spelling = _SPELLING.get(language)
    return word in MARKERS[language] or (spelling is not None and bool(spelling.search(word)))
