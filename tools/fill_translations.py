"""Write translations into an app's gettext catalogues.

    python tools/fill_translations.py aftersail/portal translations.json

``translations.json`` maps language -> {msgid: msgstr} (a list of strings for plural
entries). Run ``make messages`` first so the catalogues hold every msgid; entries left
without a translation are listed. Translators may equally edit the .po files by hand.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po, write_po

REVISION = datetime.datetime(2026, 11, 22, 12, 0, tzinfo=datetime.UTC)


def fill(app_dir: Path, table: dict[str, dict[str, str | list[str]]]) -> list[str]:
    problems = []
    for language, entries in table.items():
        po_path = app_dir / "locale" / language / "LC_MESSAGES" / "django.po"
        with po_path.open("rb") as source:
            catalog = read_po(source, locale=language)
        locale = Locale.parse(language)
        catalog.locale = locale
        catalog.project, catalog.version = "Aftersail", "0.1"
        catalog.msgid_bugs_address = "i18n@aftersail.example"
        catalog.last_translator = "Aftersail team <i18n@aftersail.example>"
        catalog.language_team = f"{locale.english_name} <i18n@aftersail.example>"
        catalog.header_comment = (
            f"# {locale.english_name} translations of Aftersail ({app_dir.name}).\n"
            "# Copyright (C) 2026 The Aftersail authors\n"
            "# Distributed under the same license as Aftersail (MIT)."
        )
        if catalog.revision_date is None or isinstance(catalog.revision_date, str):
            catalog.revision_date = REVISION
        for message in catalog:
            if not message.id:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            if key in entries:
                value = entries[key]
                message.string = tuple(value) if isinstance(message.id, tuple) else value
                message.flags.discard("fuzzy")
            elif not message.string:
                problems.append(f"{language}: no translation for {key!r}")
        catalog.fuzzy = False
        with po_path.open("wb") as target:
            write_po(target, catalog, width=100, include_previous=False)
    return problems


if __name__ == "__main__":
    app, table_file = Path(sys.argv[1]), Path(sys.argv[2])
    missing = fill(app, json.loads(table_file.read_text(encoding="utf-8")))
    print("\n".join(missing) or "all entries translated")
    sys.exit(1 if missing else 0)
