"""What every portal page shows around its content, built once for all of them: the
language switcher's choices (each language named in itself) and the current language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from aftersail.core.geo import language_name


def language_switcher(request: HttpRequest) -> dict[str, object]:
    return {
        "languages": [
            {"code": code, "name": language_name(code, code)} for code, _ in settings.LANGUAGES
        ],
        "current_language": get_language() or settings.LANGUAGE_CODE,
    }
