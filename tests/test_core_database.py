"""The database module against the pitfalls of SQLite and Alembic (PITFALLS.md)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from pazos_desktop.db.database import (
    Database,
    check,
    current_revision,
    foreign_keys_enabled,
    head_revision,
)
from pazos_desktop.errors import DatabaseProblem
from pazos_desktop.safety.opening import open_database


def test_new_database_is_created_and_migrated_to_head(tmp_path, fresh_target):
    target = fresh_target if "://" in fresh_target else str(tmp_path / "sub" / "nueva.sqlite")
    db = open_database(target)
    try:
        assert current_revision(db.engine) == head_revision()
        report = check(db.engine)
        assert report.ok, report
    finally:
        db.dispose()


@pytest.mark.sqlite_only
def test_every_connection_has_foreign_keys_wal_and_full_sync(db):
    assert foreign_keys_enabled(db.engine)
    for _ in range(3):  # new pooled connections too
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError, match="(?i)foreign key"), db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO contact (partner_id, name, archived, version, created_at, "
                "updated_at) VALUES (999, 'x', FALSE, 1, '2026-01-01', '2026-01-01')"
            )
        )


@pytest.mark.sqlite_only
def test_ddl_is_transactional(db):
    """With the BEGIN recipe a failed DDL batch rolls back whole (pysqlite alone would not)."""
    with pytest.raises(OperationalError, match="already exists"), db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE half_done (id INTEGER)"))
        conn.execute(text("CREATE TABLE partner (id INTEGER)"))  # already exists: fails
    with db.engine.connect() as conn:
        tables = conn.execute(text("SELECT name FROM sqlite_master WHERE name='half_done'")).all()
    assert tables == []


def test_migrating_again_is_harmless(db_path):
    for _ in range(2):
        db = open_database(str(db_path))
        assert check(db.engine).ok
        db.dispose()


@pytest.mark.sqlite_only
def test_file_that_is_not_a_database_gets_a_message(tmp_path):
    bogus = tmp_path / "notas.sqlite"
    bogus.write_bytes(b"esto no es una base de datos " * 200)
    with pytest.raises(DatabaseProblem, match="no es una base de datos"):
        open_database(str(bogus))
    assert bogus.read_bytes().startswith(b"esto no es")  # never overwritten


def test_database_from_a_newer_program_is_refused(db_path):
    db = Database(str(db_path))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num='9999_future'"))
    db.dispose()
    with pytest.raises(DatabaseProblem, match="más reciente"):
        open_database(str(db_path))


def test_session_rolls_back_everything_on_error(db):
    from pazos_desktop.services import partners

    with pytest.raises(RuntimeError), db.session() as s:
        partners.save_partner(s, partners.PartnerData(name="Guardada a medias"))
        raise RuntimeError("corte de luz")
    with db.session() as s:
        assert partners.list_partners(s, include_archived=True) == []


def test_history_actor_comes_from_the_database_object(db_path):
    from pazos_desktop.services import partners
    from pazos_desktop.services.history.stored import history_for

    db = Database(str(db_path), actor="Secretaría técnica")
    with db.session() as s:
        p = partners.save_partner(s, partners.PartnerData(name="X"))
        assert history_for(s, "partner", p.id)[0].actor == "Secretaría técnica"
    db.dispose()


def test_revision_graph_read_without_alembic_matches_alembic():
    from alembic.script import ScriptDirectory

    from pazos_desktop.db.database import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_opening_a_database_at_head_does_not_import_alembic(db_path):
    import subprocess
    import sys

    probe = (
        "import sys; from pazos_desktop.safety.opening import open_database; "
        f"open_database({str(db_path)!r}).dispose(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
