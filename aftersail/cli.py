"""The ``aftersail`` command: ``serve``, ``worker``, ``demo`` and every Django command.

``aftersail help`` lists them all; ``aftersail <command> --help`` explains one.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["aftersail", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
