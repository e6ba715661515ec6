"""``aftersail assistant eval`` and ``aftersail assistant train [--store SLUG]``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from aftersail.assistant.evaluation import evaluate, retrain


class Command(BaseCommand):
    help = "The assistant's intent classifier: 'eval' measures it, 'train' retrains it."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        evaluate_parser = sub.add_parser("eval", help="Accuracy, macro-F1, hand-overs, latency.")
        evaluate_parser.add_argument("--threshold", type=float, default=0.5)
        train = sub.add_parser(
            "train", help="Retrain with the store's own categorized conversations."
        )
        train.add_argument("--store", help="Only this store's conversations (slug).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "eval":
            self.stdout.write(evaluate(threshold=options["threshold"]).format())
            return
        shipped, own = retrain(options.get("store"))
        self.stdout.write(
            f"Trained on {shipped} shipped examples and {own} of the store's own conversations."
        )
