"""Searching actions by any part of a word without reading every action (plans/search.py).

SQLite: an FTS5 table with the trigram tokenizer over the actions' code and text, kept by triggers.
PostgreSQL: trigram GIN indexes (pg_trgm) on the same expressions Django's case-insensitive
`contains` compares, so the query is the same one as before and the index serves it.
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE plans_action_search USING fts5("
    "code, text, content='plans_action', content_rowid='id', tokenize='trigram')",
    "INSERT INTO plans_action_search(plans_action_search) VALUES ('rebuild')",
    "CREATE TRIGGER plans_action_search_insert AFTER INSERT ON plans_action BEGIN"
    " INSERT INTO plans_action_search(rowid, code, text) VALUES (new.id, new.code, new.text); END",
    "CREATE TRIGGER plans_action_search_delete AFTER DELETE ON plans_action BEGIN"
    " INSERT INTO plans_action_search(plans_action_search, rowid, code, text)"
    " VALUES ('delete', old.id, old.code, old.text); END",
    "CREATE TRIGGER plans_action_search_update AFTER UPDATE OF code, text ON plans_action BEGIN"
    " INSERT INTO plans_action_search(plans_action_search, rowid, code, text)"
    " VALUES ('delete', old.id, old.code, old.text);"
    " INSERT INTO plans_action_search(rowid, code, text) VALUES (new.id, new.code, new.text); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS plans_action_search_insert",
    "DROP TRIGGER IF EXISTS plans_action_search_delete",
    "DROP TRIGGER IF EXISTS plans_action_search_update",
    "DROP TABLE IF EXISTS plans_action_search",
]
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    'CREATE INDEX plans_action_code_trgm ON plans_action USING gin (UPPER("code"::text) gin_trgm_ops)',
    'CREATE INDEX plans_action_text_trgm ON plans_action USING gin (UPPER("text"::text) gin_trgm_ops)',
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS plans_action_code_trgm",
    "DROP INDEX IF EXISTS plans_action_text_trgm",
]


def run(statements: dict):
    def apply(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("plans", "0009_publishing")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
