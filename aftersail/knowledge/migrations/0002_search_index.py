"""The SQLite full-text index of published article versions (PostgreSQL needs no table: it
matches ``to_tsvector`` of ``search_document`` at query time, see ``search.py``)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts USING fts5("
    "language UNINDEXED, title, document, tokenize='unicode61 remove_diacritics 2')"
)


def create_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def drop_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS knowledge_fts")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
