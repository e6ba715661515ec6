"""Two partial indexes that let PostgreSQL search customers, orders and shipments apart
from the messages, and walk the newest conversations and messages without the others
(see ``aftersail/search/fulltext.py``). Nothing on SQLite."""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE INDEX search_document_entity_tsv ON search_searchdocument USING GIN (tsv) "
    "WHERE kind NOT IN ('conversation', 'message')",
    "CREATE INDEX search_document_text_id ON search_searchdocument (id) "
    "WHERE kind IN ('conversation', 'message')",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_text_id",
    "DROP INDEX IF EXISTS search_document_entity_tsv",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD))]
