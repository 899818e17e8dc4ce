"""Restore: the backup is checked first, the current database is kept, nothing is lost."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from pazos_desktop.db.database import Database
from pazos_desktop.errors import DatabaseProblem, PazosError
from pazos_desktop.safety import backup
from pazos_desktop.safety.restore import restore
from pazos_desktop.services.partners import PartnerData, get_partner, save_partner
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)
from tests.safety_fixtures import dump, execute, overwrite_page, row_counts

# About restoring SQLite files: onto a server, test_server_backup.py.
pytestmark = pytest.mark.sqlite_only

NOW = dt.datetime(2026, 3, 15, 9, 30)


def _partner_names(path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM partner")}
    finally:
        con.close()


def test_restore_brings_back_the_backup_and_keeps_the_current_database(sample_db, tmp_path):
    copy = backup.write_backup(sample_db, tmp_path / "antes.sqlite")
    db = Database(str(sample_db))
    with db.session() as s:
        save_partner(s, PartnerData(name="Entidad nueva después de la copia", type="public"))
    db.dispose()
    current = dump(sample_db)

    result = restore(sample_db, copy, NOW)

    assert "Entidad nueva después de la copia" not in _partner_names(sample_db)
    assert dump(sample_db) == dump(copy)
    assert result.safety_copy.parent == backup.backups_dir(sample_db)
    assert dump(result.safety_copy) == current  # what was replaced is kept, verified
    assert list(sample_db.parent.glob("*.restoring*")) == []


def test_an_open_window_sees_the_restored_data(sample_db, tmp_path):
    copy = backup.write_backup(sample_db, tmp_path / "antes.sqlite")
    window = Database(str(sample_db))
    with window.session() as s:
        partner = save_partner(s, PartnerData(name="Entidad efímera", type="public"))
    restore(sample_db, copy, NOW)
    with window.session() as s, pytest.raises(PazosError, match="no existe"):
        get_partner(s, partner.id)
    window.dispose()


@pytest.mark.parametrize("damage", ["truncated", "not_a_database", "foreign", "newer"])
def test_a_bad_backup_is_refused_and_nothing_changes(sample_db, tmp_path, damage):
    bad = backup.write_backup(sample_db, tmp_path / "mala.sqlite")
    if damage == "truncated":
        bad.write_bytes(bad.read_bytes()[: 30 * 1024])
    elif damage == "not_a_database":
        bad.write_text("nombre;sigla\nSIDOC;S\n", encoding="utf-8")
    elif damage == "foreign":
        execute(bad, "UPDATE app_setting SET value = 'otra-app' WHERE key = 'app'")
    else:
        execute(bad, "UPDATE alembic_version SET version_num = 'f00d'")
    before = dump(sample_db)
    messages = {
        "truncated": "está dañada o no es una base de datos",
        "not_a_database": "está dañada o no es una base de datos",
        "foreign": "no es una base de datos de PAZOS",
        "newer": "versión más reciente",
    }
    with pytest.raises(DatabaseProblem, match=messages[damage]):
        restore(sample_db, bad, NOW)
    assert dump(sample_db) == before
    assert backup.list_backups(sample_db) == []


def test_restore_over_a_damaged_database_moves_it_aside(sample_db, tmp_path):
    copy = backup.write_backup(sample_db, tmp_path / "buena.sqlite")
    overwrite_page(sample_db, 3)
    damaged_bytes = sample_db.read_bytes()
    result = restore(sample_db, copy, NOW)
    assert result.safety_copy.name == "damaged-20260315-093000-pazos.sqlite"
    assert result.safety_copy.read_bytes() == damaged_bytes  # kept as it was, for an expert
    assert backup.integrity(sample_db) == "ok"
    assert row_counts(sample_db) == row_counts(copy)
    backup.rotate(sample_db)
    assert result.safety_copy.exists()  # rotation never deletes it


def test_restore_into_a_missing_database_creates_it(sample_db, tmp_path):
    target = tmp_path / "otra" / "pazos.sqlite"
    target.parent.mkdir()
    result = restore(target, sample_db, NOW)
    assert result.safety_copy is None
    assert row_counts(target) == row_counts(sample_db)
