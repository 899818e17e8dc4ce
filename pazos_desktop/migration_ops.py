"""Helpers for Alembic revisions that must run on SQLite and on a PostgreSQL server alike.

SQLite changes a table by copying it (`batch_alter_table(..., recreate="always")`); the same
copy on PostgreSQL fails on a parent table (its children's foreign keys point at the old
one), and a server does not need it: it alters in place. Revisions call these instead of
`op.batch_alter_table(..., recreate="always")` (a test checks that none does).
"""

from __future__ import annotations

from alembic import op


def on_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def batch_alter_table(table_name: str, **kw):
    """Copy-and-move on SQLite, plain ALTER TABLE elsewhere."""
    kw["recreate"] = "always" if on_sqlite() else "auto"
    return op.batch_alter_table(table_name, **kw)


def reset_sequences(*tables: str) -> None:
    """After rows were inserted with explicit ids: the next id of each table follows them.

    PostgreSQL's sequences do not move when a row gives its own id (SQLite takes max + 1).
    """
    if on_sqlite():
        return
    for table in tables:
        op.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)"
        )
