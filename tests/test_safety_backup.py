"""Backups: written with the backup API, verified, rotated, taken once a day and before risks."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest

from pazos_desktop.db.database import Database
from pazos_desktop.errors import PazosError
from pazos_desktop.safety import backup
from pazos_desktop.services.partners import PartnerData, save_partner
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)
from tests.safety_fixtures import row_counts

# About backups of SQLite files: the server's are in test_server_backup.py.
pytestmark = pytest.mark.sqlite_only

NOW = dt.datetime(2026, 3, 15, 9, 30)


def _add_partner(db: Database, name: str) -> None:
    with db.session() as s:
        save_partner(s, PartnerData(name=name, type="public"))


def test_backup_holds_commits_still_in_the_wal(sample_db, tmp_path):
    db = Database(str(sample_db))
    with db.engine.connect() as conn:  # keep a reader: SQLite cannot checkpoint past it
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        _add_partner(db, "Entidad solo en el WAL")
        assert sample_db.with_name("pazos.sqlite-wal").stat().st_size > 0
        shutil.copyfile(sample_db, tmp_path / "file-copy.sqlite")  # what must not be done
        out = backup.write_backup(sample_db, tmp_path / "copy.sqlite")
    db.dispose()
    query = "SELECT count(*) FROM partner WHERE name = 'Entidad solo en el WAL'"
    assert sqlite3.connect(out).execute(query).fetchone()[0] == 1
    assert sqlite3.connect(tmp_path / "file-copy.sqlite").execute(query).fetchone()[0] == 0
    assert backup.inspect_file(out).ok
    assert row_counts(out) == row_counts(sample_db)
    assert not out.with_name("copy.sqlite-wal").exists()


def test_automatic_backup_goes_to_backups_folder_with_reason(sample_db):
    path = backup.before(sample_db, "import", NOW)
    assert path.parent == sample_db.parent / "backups"
    assert path.name == "pazos-20260315-093000-import.sqlite"
    again = backup.before(sample_db, "import", NOW)  # same second: a new name, never overwrite
    assert again != path and again.exists() and path.exists()
    assert [b.reason for b in backup.list_backups(sample_db)] == ["import", "import"]


def test_no_backup_of_a_database_that_does_not_exist_yet(tmp_path):
    assert backup.before(tmp_path / "nueva.sqlite", "migration") is None
    assert not (tmp_path / "backups").exists()
    with pytest.raises(PazosError, match="No existe la base de datos"):
        backup.write_backup(tmp_path / "nueva.sqlite", tmp_path / "x.sqlite")


def test_daily_backup_at_most_once_a_day(sample_db):
    first = backup.daily(sample_db, NOW)
    assert first is not None
    assert backup.daily(sample_db, NOW + dt.timedelta(hours=8)) is None
    assert backup.daily(sample_db, NOW + dt.timedelta(days=1)) is not None
    assert len(backup.list_backups(sample_db)) == 2


def test_a_copy_that_fails_verification_never_takes_the_name(sample_db, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "integrity", lambda path, quick=False: "page 7: btree damaged")
    with pytest.raises(PazosError, match="no pasó la verificación"):
        backup.write_backup(sample_db, tmp_path / "copy.sqlite")
    assert list(tmp_path.glob("copy.sqlite*")) == []


def test_rotation_keeps_recent_daily_weekly_monthly(sample_db):
    folder = backup.backups_dir(sample_db)
    folder.mkdir()
    start = dt.datetime(2024, 1, 1, 8, 0)
    for day in range(800):  # two daily backups for 800 days
        for hour in (8, 17):
            taken = start + dt.timedelta(days=day, hours=hour - 8)
            (folder / f"pazos-{taken:%Y%m%d-%H%M%S}-daily.sqlite").write_bytes(b"")
    (folder / "mi-copia.sqlite").write_bytes(b"")  # not ours to rotate
    backup.rotate(sample_db)
    kept = backup.list_backups(sample_db)
    times = [b.taken_at for b in kept]
    newest = times[0]
    assert newest == start + dt.timedelta(days=799, hours=9)
    assert len({t.date() for t in times if newest - t < dt.timedelta(days=7)}) == 7
    assert len({(t.year, t.month) for t in times}) == 12
    assert min(times) > newest - dt.timedelta(days=370)
    assert len(kept) <= backup.KEEP_RECENT + 7 + 4 + 12
    assert (folder / "mi-copia.sqlite").exists()


def test_latest_good_backup_skips_damaged_and_foreign_ones(sample_db, tmp_path):
    good = backup.before(sample_db, "daily", NOW)
    damaged = backup.before(sample_db, "daily", NOW + dt.timedelta(days=1))
    damaged.write_bytes(damaged.read_bytes()[:5000])
    foreign = backup.backups_dir(sample_db) / "pazos-20260320-000000-daily.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    assert backup.latest_good_backup(sample_db) == good


def test_any_reason_text_gives_a_backup_that_is_listed(sample_db):
    made = backup.before(sample_db, "Antes de importar Compromisos_Fundación_SIDOC.xlsx")
    assert made is not None and made.name.endswith(
        "-antes-de-importar-compromisos-fundacion.sqlite"
    )
    assert made in [b.path for b in backup.list_backups(sample_db)]
