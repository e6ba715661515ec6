from typing import Any

from django.core.management.base import BaseCommand

from aftersail.search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the full-text search index from scratch (after bulk imports)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_index()
        self.stdout.write(f"Indexed {count} documents.")
