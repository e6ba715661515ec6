"""Compile every app's gettext catalogues (.po -> .mo) with Babel, so no GNU gettext is needed.

Run as ``python -m aftersail.core.i18n_compile``; ``make demo`` and ``make test`` do.
Fuzzy entries are left out, as msgfmt does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def catalogues(root: Path = PACKAGE_DIR) -> list[Path]:
    return sorted(root.glob("*/locale/*/LC_MESSAGES/*.po"))


def compile_catalogue(po_path: Path, *, force: bool = False) -> bool:
    """Writes the .mo beside the .po when it is missing or older; True when written."""
    mo_path = po_path.with_suffix(".mo")
    if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        return False
    locale = po_path.parent.parent.name
    with po_path.open("rb") as source:
        catalog = read_po(source, locale=locale)
    with mo_path.open("wb") as target:
        write_mo(target, catalog, use_fuzzy=False)
    return True


def main(argv: list[str]) -> int:
    force = "--force" in argv
    written = [po for po in catalogues() if compile_catalogue(po, force=force)]
    if written:
        print(f"compiled {len(written)} translation catalogue(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
