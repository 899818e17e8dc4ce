"""Backups of a server database: portable verified SQLite files, by the same commands and
functions as a file's; restore onto the server in one transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys

import pytest
from sqlalchemy import func, select, text

from pazos_desktop.cli import main
from pazos_desktop.db import tablecopy
from pazos_desktop.db.database import Database, current_revision, head_revision
from pazos_desktop.db.models.register import Commitment, Partner
from pazos_desktop.errors import DatabaseProblem, PazosError
from pazos_desktop.safety import backup, startup
from pazos_desktop.safety.opening import open_database
from pazos_desktop.safety.restore import restore_into
from pazos_desktop.safety.server_backup import backups_folder, write_backup
from pazos_desktop.services.partners import PartnerData, save_partner
from tests.meetings_fixtures import sample_db, sample_template  # noqa: F401

pytestmark = pytest.mark.server_only
NOW = dt.datetime(2026, 3, 15, 9, 30)


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {p.name: p.rows for p in tablecopy.proofs(conn).values()}


def _proofs(db: Database) -> dict:
    with db.engine.connect() as conn:
        return tablecopy.proofs(conn)


def test_a_backup_of_the_server_is_a_pazos_sqlite_file_holding_everything(sample_db, tmp_path):  # noqa: F811
    out = write_backup(sample_db, tmp_path / "copia.sqlite")
    report = backup.inspect_file(out)
    assert report.ok and report.revision == head_revision()
    assert not (tmp_path / "copia.sqlite-wal").exists()
    copy = Database(str(out))
    try:
        assert _proofs(copy) == _proofs(sample_db)  # every row of every table, value for value
        with copy.session() as s:
            assert s.scalar(select(func.count()).select_from(Commitment)) > 100
    finally:
        copy.dispose()


def test_automatic_backups_go_to_the_users_data_folder_per_server(sample_db):  # noqa: F811
    folder = backup.folder_of(sample_db)
    assert folder == backups_folder(sample_db)
    assert "PAZOS Coordinacion" in str(folder) and folder.name.startswith("127.0.0.1-")
    made = backup.before(sample_db, "import", NOW)
    assert made.parent == folder and made.name == "pazos-20260315-093000-import.sqlite"
    assert backup.daily(sample_db, NOW) is None  # an automatic backup today already counts
    assert [b.reason for b in backup.list_backups(sample_db)] == ["import"]
    assert backup.daily(sample_db, NOW + dt.timedelta(days=1)) is not None


def test_start_up_takes_the_daily_backup_of_the_server(sample_db):  # noqa: F811
    startup.prepare_database(sample_db.url, now=NOW).dispose()
    assert [b.reason for b in backup.list_backups(sample_db)] == ["daily"]


def test_restore_onto_the_server_brings_everything_back(sample_db, tmp_path):  # noqa: F811
    copy = write_backup(sample_db, tmp_path / "copia.sqlite")
    before = _proofs(sample_db)
    with sample_db.session() as s:
        save_partner(s, PartnerData(name="Creada después de la copia"))
        s.execute(text("DELETE FROM progress_update WHERE id < 20"))
    result = restore_into(sample_db, copy, NOW)
    assert _proofs(sample_db) == before
    assert result.safety_copy is not None and backup.inspect_file(result.safety_copy).ok
    with sample_db.session() as s:  # the sequences follow the restored ids
        made = save_partner(s, PartnerData(name="Después de restaurar"))
        assert made.id == s.scalar(select(func.max(Partner.id)))


def test_a_restore_that_fails_half_way_leaves_the_server_as_it_was(
    sample_db,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    copy = write_backup(sample_db, tmp_path / "copia.sqlite")
    with sample_db.session() as s:
        save_partner(s, PartnerData(name="Solo en el servidor"))
    before = _proofs(sample_db)

    def broken(read, written):
        raise DatabaseProblem("falla a propósito después de vaciar y copiar")

    monkeypatch.setattr(tablecopy, "compare", broken)
    with pytest.raises(DatabaseProblem, match="a propósito"):
        restore_into(sample_db, copy, NOW)
    assert _proofs(sample_db) == before


def test_restore_refuses_a_file_that_is_not_a_backup(sample_db, tmp_path):  # noqa: F811
    bad = tmp_path / "mala.sqlite"
    bad.write_bytes(b"no soy una copia" * 100)
    before = _counts(sample_db)
    with pytest.raises(PazosError, match="dañada o no es una base de datos"):
        restore_into(sample_db, bad)
    assert _counts(sample_db) == before


def test_cli_backup_backups_and_restore_on_a_server(sample_db, tmp_path, capsys, monkeypatch):  # noqa: F811
    url = sample_db.url
    out = tmp_path / "a mano.sqlite"
    assert main(["--db", url, "backup", "--out", str(out)]) == 0
    assert f"Copia de seguridad verificada: {out}" in capsys.readouterr().out
    assert main(["--db", url, "backup", "--out", str(out)]) == 1  # never overwrites
    assert main(["--db", url, "backup"]) == 0
    assert main(["--db", url, "backups"]) == 0
    listed = capsys.readouterr().out
    assert f"Copias en {backup.folder_of(sample_db)}:" in listed and "manual" in listed

    with sample_db.session() as s:
        save_partner(s, PartnerData(name="Nueva en el servidor"))
    changed = _counts(sample_db)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda _q: "n")
    assert main(["--db", url, "restore", str(out)]) == 1
    assert "No se restauró nada" in capsys.readouterr().out and _counts(sample_db) == changed
    monkeypatch.setattr(
        "builtins.input", lambda q: "s" if "servidor" in q or "127.0.0.1" in q else "n"
    )
    assert main(["--db", url, "restore", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Base de datos restaurada desde" in said and "La base anterior quedó guardada" in said
    assert _counts(sample_db)["partner"] == changed["partner"] - 1


def test_a_migration_of_the_server_is_preceded_by_a_backup(db_path):
    from pazos_desktop.db.database import downgrade

    db = Database(str(db_path))
    downgrade(db.engine, "0002")
    db.dispose()
    opened = open_database(str(db_path))
    try:
        assert current_revision(opened.engine) == head_revision()
        saved = backup.list_backups(opened)
        assert [b.reason for b in saved] == ["migration"]
        assert backup.inspect_file(saved[0].path).revision == "0002"
    finally:
        opened.dispose()


def test_the_window_backs_up_and_restores_a_server(sample_db, tmp_path):  # noqa: F811
    from ui.safety.backup_actions import back_up_now, restore_from_backup

    told: list[str] = []
    chosen = tmp_path / "desde la ventana.sqlite"
    written = back_up_now(
        None, sample_db, ask=lambda _p, _s: str(chosen), show=lambda *a: told.append(a[-1])
    )
    assert written == chosen and "Copia de seguridad verificada" in told[-1]
    folders = []
    result = restore_from_backup(
        None,
        sample_db,
        ask=lambda _p, folder: folders.append(folder) or str(chosen),
        sure=lambda _p, _t, question: "127.0.0.1" in question,
        show=lambda *a: told.append(a[-1]),
    )
    assert result is not None and folders == [backup.folder_of(sample_db)]
    assert "Se restauró la copia" in told[-1]


def test_backup_file_opens_on_its_own_like_any_pazos_database(sample_db, tmp_path):  # noqa: F811
    out = write_backup(sample_db, tmp_path / "portable.sqlite")
    con = sqlite3.connect(out)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT value FROM app_setting WHERE key='app'").fetchone()[0] == (
            "pazos-coordinacion"
        )
    finally:
        con.close()
    assert main(["--db", str(out), "check"]) == 0
