"""Small model fields for the things Aftersail stores everywhere: zones, countries, languages."""

from __future__ import annotations

import re
import zoneinfo
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from aftersail.core.geo import is_country

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


@cache
def known_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(f"{value!r} is not an IANA time zone such as Europe/Berlin")


def validate_language_code(value: str) -> None:
    if not LANGUAGE_CODE_RE.match(value or ""):
        raise ValidationError(f"{value!r} is not a language code such as 'de' or 'pt-br'")


def validate_country_code(value: str) -> None:

    if not is_country(value):
        raise ValidationError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")


class TimeZoneField(models.CharField):
    """An IANA zone name such as ``Asia/Kolkata``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_time_zone)


class CountryField(models.CharField):
    """An ISO 3166-1 alpha-2 code, upper case (``DE``, ``JP``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 2)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_country_code)


class LanguageField(models.CharField):
    """A lower-case BCP 47 language code with an optional region (``de``, ``pt-br``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 16)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_language_code)


class LanguageListField(models.Field[list[str] | tuple[str, ...], list[str]]):
    """A list of language codes, stored as ``,de,en,`` so that ``speaks("de")`` can filter
    with a plain ``contains`` on every database."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def get_internal_type(self) -> str:
        return "CharField"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> list[str]:
        return self.to_python(value)

    def to_python(self, value: Any) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(code).strip().lower() for code in value if str(code).strip()]
        return [code for code in str(value).strip(",").split(",") if code]

    def get_prep_value(self, value: Any) -> str:
        if isinstance(value, str) and value.startswith(","):
            return value  # already in storage form (a lookup value built by speaks())
        codes = self.to_python(value)
        return f",{','.join(codes)}," if codes else ""

    def validate(self, value: Any, model_instance: Any) -> None:
        codes = self.to_python(value)
        if not codes and not self.blank:
            raise ValidationError("At least one language is needed")
        for code in codes:
            validate_language_code(code)

    def value_to_string(self, obj: Any) -> str:
        return ",".join(self.to_python(self.value_from_object(obj)))

    def formfield(self, **kwargs: Any) -> Any:
        from django import forms

        class LanguageListFormField(forms.CharField):
            def prepare_value(self, value: Any) -> Any:
                if isinstance(value, list | tuple):
                    return ", ".join(value)
                return value

            def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
                text = super().to_python(value) or ""
                return [c.strip().lower() for c in text.split(",") if c.strip()]

        defaults: dict[str, Any] = {
            "form_class": LanguageListFormField,
            "help_text": "Comma-separated codes",
        }
        defaults.update(kwargs)
        return super().formfield(**defaults)


def speaks(language: str, field: str = "languages") -> Q:
    """A filter for rows whose language list includes ``language``."""
    return Q(**{f"{field}__contains": f",{language.lower()},"})
