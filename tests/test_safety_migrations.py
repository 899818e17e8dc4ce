"""Migrations with data: pytest-alembic's built-in tests, then real data through every revision.

Generic over revisions: the chain is read from migrations/versions, and the throwaway
revisions below are written after whatever the head is, in a copy of the migrations folder.
"""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from pytest_alembic.config import Config as AlembicTestConfig
from pytest_alembic.tests import (  # noqa: F401  (pytest-alembic's four built-in tests)
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

from pazos_desktop.db import database
from pazos_desktop.db.database import current_revision, make_engine, upgrade
from pazos_desktop.errors import DatabaseProblem
from pazos_desktop.paths import migrations_dir
from pazos_desktop.safety import backup
from pazos_desktop.safety.opening import open_database
from pazos_desktop.safety.restore import restore
from pazos_desktop.safety.startup import prepare_database
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)
from tests.safety_fixtures import dump, row_counts

# About SQLite's copy-and-move migrations; a server's: test_server_migrations.py.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def alembic_config():
    return AlembicTestConfig(config_options={"script_location": str(migrations_dir())})


@pytest.fixture
def alembic_engine(tmp_path):
    """A real file (WAL, our pragmas, transactional DDL), as the program uses."""
    engine = make_engine(str(tmp_path / "alembic.sqlite"))
    yield engine
    engine.dispose()


def revisions_base_to_head() -> list[str]:
    script = ScriptDirectory.from_config(database.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


# --- real data through every revision ---------------------------------------------------------


def _columns(con: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA {schema}.table_info({table})")]


def _fill_from(path: Path, source: Path) -> None:
    """Copy the sample's rows into an older schema: the tables and columns it already has."""
    con = sqlite3.connect(path)  # plain sqlite3: foreign keys off while tables fill in any order
    con.execute("ATTACH DATABASE ? AS src", (str(source),))
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    with con:
        for table in tables:
            if table == "alembic_version" or table.startswith("sqlite_"):
                continue
            shared = [c for c in _columns(con, table) if c in _columns(con, table, "src")]
            cols = ", ".join(shared)
            if shared:
                source = ", ".join(_as_before(table, c, _columns(con, table)) for c in shared)
                con.execute(
                    f"INSERT OR REPLACE INTO {table} ({cols}) SELECT {source} FROM src.{table} AS m"
                )
    con.execute("DETACH DATABASE src")
    con.close()


def _as_before(table: str, column: str, target_columns: list[str]) -> str:
    """The sample's value as an older revision held it. Before numbering per series (0004)
    one consecutive ran through all meetings of a year: two series' actas No. 1 become 1 and
    101, as they would have been numbered then (else one row would replace the other)."""
    if table == "meeting" and column == "number" and "series" not in target_columns:
        return (
            "m.number + 100 * (SELECT count(*) FROM src.meeting AS o WHERE o.year = m.year"
            " AND o.number = m.number AND o.id < m.id)"
        )
    return f"m.{column}"


def _rows(path: Path) -> dict[str, set[tuple]]:
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: set(con.execute(f"SELECT * FROM {t}")) for t in names if t != "alembic_version"}
    finally:
        con.close()


# What freezing an approved acta at the first start after an upgrade changes in its row.
FROZEN_AT_UPGRADE = {"version", "updated_at", "approved_at", "approved_pdf_sha256"}


def _unfrozen_view(path: Path, rows: set[tuple]) -> set[tuple]:
    con = sqlite3.connect(path)
    names = _columns(con, "meeting")
    con.close()
    keep = [i for i, name in enumerate(names) if name not in FROZEN_AT_UPGRADE]
    return {tuple(row[i] for i in keep if i < len(row)) for row in rows}


@pytest.mark.parametrize("start", revisions_base_to_head())
def test_seeded_database_upgrades_to_head_keeping_every_row(start, sample_template, tmp_path):
    path = tmp_path / "pazos.sqlite"
    engine = make_engine(str(path))
    upgrade(engine, start)
    engine.dispose()
    _fill_from(path, sample_template)
    before = _rows(path)
    assert sum(len(rows) for rows in before.values()) > 500  # really seeded

    open_database(str(path)).dispose()

    after = _rows(path)
    for table, rows in before.items():
        width = len(next(iter(rows))) if rows else 0
        kept = {row[:width] for row in after[table]}  # later revisions may add columns
        if table == "meeting":  # approved actas frozen at the upgrade: their hash and version
            rows, kept = _unfrozen_view(path, rows), _unfrozen_view(path, kept)
        assert rows <= kept, f"{table}: {len(rows - kept)} rows lost from revision {start}"
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    if start != revisions_base_to_head()[-1]:
        assert [b.reason for b in backup.list_backups(path)] == ["migration"]


# --- throwaway revisions after the head -------------------------------------------------------

REVISION = """\
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
"""

FAILS_HALF_WAY = """\
op.create_table("tmp_meeting", sa.Column("id", sa.Integer, primary_key=True))
with op.batch_alter_table("commitment", recreate="always") as batch:
    batch.add_column(sa.Column("extra", sa.Text))
op.execute("UPDATE partner SET notes = 'cambiado por la migración'")
raise RuntimeError("falla a propósito a mitad de camino")
"""

# A copy-and-move of `commitment`, the parent of ON DELETE CASCADE children: with foreign
# keys on, dropping the old table would silently delete every cluster link and progress update.
BATCH_ON_PARENT = """\
with op.batch_alter_table("commitment", recreate="always") as batch:
    batch.add_column(sa.Column("extra", sa.Text))
"""

BREAKS_REFERENCES = """\
op.execute("UPDATE contact SET partner_id = 999999 WHERE id = 1")
"""


@pytest.fixture
def extra_revision(tmp_path, monkeypatch):
    """Returns add(body): a copy of migrations/ with one more revision, made the active one."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))

    def add(body: str, revision: str = "9001") -> str:
        down = revisions_base_to_head()[-1]
        text = REVISION.format(revision=revision, down=down, body=textwrap.indent(body, "    "))
        (folder / "versions" / f"{revision}_throwaway.py").write_text(text, encoding="utf-8")
        monkeypatch.setattr(database, "migrations_dir", lambda: folder)
        return revision

    return add


def test_migration_failing_half_way_leaves_the_database_exactly_as_it_was(
    sample_db, extra_revision, monkeypatch
):
    before = dump(sample_db)
    extra_revision(FAILS_HALF_WAY)
    for _attempt in range(2):  # the second start meets the same clean state, no "already exists"
        with pytest.raises(DatabaseProblem, match="quedó como estaba") as info:
            prepare_database(str(sample_db))
        assert "falla a propósito" in info.value.message
        assert dump(sample_db) == before
    saved = backup.list_backups(sample_db)
    assert saved and saved[-1].reason == "migration"
    assert dump(saved[-1].path) == before

    monkeypatch.undo()  # the next program version without the bad revision starts fine
    prepare_database(str(sample_db)).dispose()
    assert dump(sample_db)[:50] == before[:50]


def test_batch_migration_of_a_parent_table_keeps_its_children(sample_db, extra_revision):
    counts = row_counts(sample_db)
    assert counts["commitment_cluster"] > 0 and counts["progress_update"] > 0
    head = extra_revision(BATCH_ON_PARENT)
    db = open_database(str(sample_db))
    assert current_revision(db.engine) == head
    db.dispose()
    assert row_counts(sample_db) == counts
    con = sqlite3.connect(sample_db)
    assert "extra" in _columns(con, "commitment")
    con.close()


def test_migration_breaking_references_is_rolled_back(sample_db, extra_revision):
    before = dump(sample_db)
    extra_revision(BREAKS_REFERENCES)
    with pytest.raises(DatabaseProblem, match="referencias rotas en la tabla contact"):
        open_database(str(sample_db))
    assert dump(sample_db) == before


def test_restoring_an_older_backup_migrates_it(sample_db, extra_revision, tmp_path):
    old = backup.write_backup(sample_db, tmp_path / "vieja.sqlite")
    head = extra_revision(BATCH_ON_PARENT)
    open_database(str(sample_db)).dispose()
    result = restore(sample_db, old)
    assert (result.revision_before, result.revision_after) == (revisions_base_to_head()[-2], head)
    assert row_counts(sample_db) == row_counts(old)
    assert current_revision(make_engine(str(sample_db))) == head
