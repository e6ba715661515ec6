"""``aftersail language eval FOLDER``: per-language and overall detection accuracy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aftersail.language.evaluation import evaluate_folder, format_report


class Command(BaseCommand):
    help = "Language tools. 'eval FOLDER' measures detection on FOLDER/<lang>.txt files."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        evaluate = sub.add_parser("eval", help="Accuracy on a folder of <lang>.txt files.")
        evaluate.add_argument("folder", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["folder"]
        if not folder.is_dir() or not any(folder.glob("*.txt")):
            raise CommandError(f"{folder} holds no <lang>.txt files")
        self.stdout.write(format_report(evaluate_folder(folder)))
