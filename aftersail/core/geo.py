"""Country and language names, localized through Babel's CLDR data (bundled in its wheel)."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError


@cache
def _territories() -> dict[str, str]:
    # Two-letter keys only: CLDR also names regions such as "150" (Europe).
    return {code: name for code, name in Locale("en").territories.items() if len(code) == 2}


def is_country(code: str) -> bool:
    return code in _territories() and code not in {"EU", "EZ", "UN", "QO", "ZZ"}


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def country_name(code: str, language: str = "en") -> str:
    return _locale(language).territories.get(code, code)


def language_name(code: str, language: str = "en") -> str:
    """``language_name("de", "fr") == "allemand"``; unknown codes come back unchanged."""
    base = code.split("-")[0]
    return _locale(language).languages.get(base, code)
