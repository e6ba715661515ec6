"""Re-extract the messages of every app that has a ``locale/`` folder (needs GNU gettext).

Run as ``python -m aftersail.core.i18n_extract`` (``make messages``). Each app keeps its own
catalogues, so work on two apps never conflicts in one file.
"""

from __future__ import annotations

import os
import sys
from contextlib import chdir
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    languages = [code for code, _name in settings.LANGUAGES if code != "en"]
    for locale_dir in sorted(PACKAGE_DIR.glob("*/locale")):
        with chdir(locale_dir.parent):
            call_command("makemessages", locale=languages, no_obsolete=True, add_location="file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
