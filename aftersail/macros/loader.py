"""Loading the shipped macro library into a desk, without a data migration."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from aftersail.commerce.models import Store
from aftersail.macros.library import LIBRARY, MacroSpec
from aftersail.macros.models import Macro, MacroVariant


@dataclass
class LoadResult:
    macros_created: int = 0
    variants_created: int = 0


@transaction.atomic
def load_library(store: Store | None = None, library: list[MacroSpec] | None = None) -> LoadResult:
    """Adds the library's macros and missing language variants; never changes a macro or a
    variant that exists already (the merchant may have edited it). Running it twice adds
    nothing the second time."""
    result = LoadResult()
    for spec in library if library is not None else LIBRARY:
        macro, created = Macro.objects.get_or_create(
            store=store,
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "set_status": spec["set_status"],
                "set_category": spec["set_category"],
                "add_tags": list(spec["add_tags"]),
            },
        )
        result.macros_created += created
        existing = set(macro.variants.values_list("language", flat=True))
        for language, body in spec["variants"].items():
            if language not in existing:
                MacroVariant.objects.create(macro=macro, language=language, body=body)
                result.variants_created += 1
    return result
