"""A full-text index over core.SearchEntry: FTS5 on SQLite (kept in step by triggers), GIN on PostgreSQL."""

from django.db import migrations

FTS = "analytics_search_fts"
SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(lemmas, content='core_searchentry', "
    "content_rowid='id', tokenize=\"unicode61 remove_diacritics 0\")",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_insert AFTER INSERT ON core_searchentry BEGIN "
    f"INSERT INTO {FTS}(rowid, lemmas) VALUES (new.id, new.lemmas); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_delete AFTER DELETE ON core_searchentry BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, lemmas) VALUES ('delete', old.id, old.lemmas); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_update AFTER UPDATE ON core_searchentry BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, lemmas) VALUES ('delete', old.id, old.lemmas); "
    f"INSERT INTO {FTS}(rowid, lemmas) VALUES (new.id, new.lemmas); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {FTS}_insert", f"DROP TRIGGER IF EXISTS {FTS}_delete",
               f"DROP TRIGGER IF EXISTS {FTS}_update", f"DROP TABLE IF EXISTS {FTS}"]
POSTGRES_CREATE = ["CREATE INDEX IF NOT EXISTS searchentry_fts_russian ON core_searchentry "
                   "USING GIN (to_tsvector('russian', lemmas))"]
POSTGRES_DROP = ["DROP INDEX IF EXISTS searchentry_fts_russian"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("analytics", "0001_initial"), ("core", "0001_initial")]

    operations = [
        migrations.RunPython(_run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
                             _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})),
    ]
