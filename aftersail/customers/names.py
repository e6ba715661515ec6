"""Fitting the names people write into the customer's name fields.

Names arrive from mail headers, forms, chat widgets and shop platforms: any length, any
script, sometimes with NUL bytes or unpaired surrogates that PostgreSQL refuses outright (a
``DataError`` that used to send a new sender's mail to quarantine). A name is cleaned and cut
here, never refused: someone whose name does not fit is still a customer.
"""

from __future__ import annotations

import unicodedata

from aftersail.customers.models import Customer

NAME_LENGTH: int = Customer._meta.get_field("name").max_length or 200
GIVEN_NAME_LENGTH: int = Customer._meta.get_field("given_name").max_length or 100

ZERO_WIDTH_JOINER = "\u200d"
# Categories that never belong in a name: controls (NUL, escape, line breaks) and surrogate
# halves (what a lossy decode leaves behind; neither SQLite's UTF-8 nor psycopg takes them).
_DROPPED_CATEGORIES = frozenset({"Cc", "Cs"})
# Marks that attach to the character before them; a cut before one would strip an accent
# or a vowel sign from its letter.
_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me"})


def clean_text(text: str) -> str:
    """NFC, without control characters or surrogates, whitespace runs as one space."""
    kept = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char) not in _DROPPED_CATEGORIES
    )
    return " ".join(unicodedata.normalize("NFC", kept).split())


def _is_regional_indicator(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _extends(char: str) -> bool:
    """Whether ``char`` continues the user-perceived character before it."""
    return (
        unicodedata.category(char) in _MARK_CATEGORIES
        or char == ZERO_WIDTH_JOINER
        or "\ufe00" <= char <= "\ufe0f"  # variation selectors (text or emoji style)
        or "\U000e0100" <= char <= "\U000e01ef"  # variation selectors supplement
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin-tone modifiers
        or "\U000e0020" <= char <= "\U000e007f"  # tags (subdivision flags such as Scotland's)
        or "\u1160" <= char <= "\u11ff"  # Hangul medial vowels and final consonants
    )


def _is_boundary(text: str, index: int) -> bool:
    """Whether a cut between ``text[index - 1]`` and ``text[index]`` keeps every
    user-perceived character whole.

    An approximation of Unicode's extended grapheme clusters (UAX #29) that covers what
    appears in names: accents and vowel signs, emoji with modifiers and joiners, flags. It
    errs on the side of cutting earlier."""
    if index <= 0 or index >= len(text):
        return True
    char, before = text[index], text[index - 1]
    if _extends(char) or before == ZERO_WIDTH_JOINER:
        return False
    if _is_regional_indicator(char):
        # Flags are pairs of regional indicators: a cut may fall only after an even run.
        run = 0
        while index - run - 1 >= 0 and _is_regional_indicator(text[index - run - 1]):
            run += 1
        return run % 2 == 0
    return True


def cut(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters at a grapheme boundary."""
    if len(text) <= limit:
        return text
    end = limit
    while end > 0 and not _is_boundary(text, end):
        end -= 1
    if end == 0:
        # One "character" longer than the whole field (a letter under hundreds of stacked
        # marks): keep what fits rather than nothing.
        end = limit
    return text[:end].rstrip()


def fit_name(name: str) -> str:
    """The full name, cleaned and cut to the name field."""
    return cut(clean_text(name), NAME_LENGTH)


def given_name_of(name: str) -> str:
    """How to address someone called ``name``: its first word, cut to the given-name field
    (a first word can be longer than the field; an address's local part often is)."""
    words = clean_text(name).split()
    return cut(words[0], GIVEN_NAME_LENGTH) if words else ""
