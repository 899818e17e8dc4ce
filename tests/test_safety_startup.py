"""Start-up: each broken condition made for real, a clear message, a way out, nothing lost."""

from __future__ import annotations

import datetime as dt
import errno
import os
import random
import sqlite3

import pytest

from pazos_desktop.db.database import current_revision
from pazos_desktop.i18n import set_language
from pazos_desktop.safety import backup
from pazos_desktop.safety import location as safety
from pazos_desktop.safety.startup import (
    Recovery,
    StartupProblem,
    option_label,
    prepare_database,
    restore_latest,
    second_copy_message,
)
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)
from tests.safety_fixtures import dump, execute, overwrite_page, page_count, row_counts

# About checks of a SQLite file and its folder before it is opened.
pytestmark = pytest.mark.sqlite_only

NOW = dt.datetime(2026, 3, 15, 9, 30)


def _problem(target) -> StartupProblem:
    with pytest.raises(StartupProblem) as info:
        prepare_database(str(target), now=NOW)
    return info.value


def test_a_healthy_database_opens_and_gets_its_daily_backup(sample_db):
    db = prepare_database(str(sample_db), now=NOW)
    db.dispose()
    assert [b.reason for b in backup.list_backups(sample_db)] == ["daily"]
    prepare_database(str(sample_db), now=NOW + dt.timedelta(hours=3)).dispose()
    assert len(backup.list_backups(sample_db)) == 1


def test_a_new_database_is_created_without_complaint(tmp_path):
    db = prepare_database(str(tmp_path / "nueva" / "pazos.sqlite"), now=NOW)
    assert current_revision(db.engine) is not None
    db.dispose()


def test_truncated_file(sample_db):
    backup.before(sample_db, "daily", NOW)
    original = row_counts(sample_db)
    sample_db.write_bytes(sample_db.read_bytes()[: 40 * 1024])
    truncated = sample_db.read_bytes()
    problem = _problem(sample_db)
    assert problem.kind == "damaged"
    assert "está dañada" in problem.message and str(sample_db) in problem.message
    assert problem.options == [Recovery.RESTORE_LATEST, Recovery.CHOOSE_LOCATION, Recovery.QUIT]
    assert sample_db.read_bytes() == truncated  # never silently overwritten

    result = restore_latest(str(sample_db))
    assert result.safety_copy.read_bytes() == truncated
    prepare_database(str(sample_db), now=NOW).dispose()
    assert row_counts(sample_db) == original


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_page_overwritten(sample_db, seed):
    page = random.Random(seed).randint(2, page_count(sample_db))
    overwrite_page(sample_db, page)
    problem = _problem(sample_db)
    assert problem.kind == "damaged", f"page {page} not detected"
    assert Recovery.RESTORE_LATEST not in problem.options  # no backup exists yet


def test_not_a_database(tmp_path):
    path = tmp_path / "pazos.sqlite"
    path.write_text("Entidad;Compromiso\nSIDOC;Talleres\n" * 200, encoding="utf-8")
    problem = _problem(path)
    assert problem.kind == "not_database"
    assert "no es una base de datos de PAZOS" in problem.message
    assert path.read_text(encoding="utf-8").startswith("Entidad;Compromiso")


def test_another_programs_sqlite_database(tmp_path):
    path = tmp_path / "otra.sqlite"
    con = sqlite3.connect(path)
    con.executescript(
        "CREATE TABLE alembic_version (version_num TEXT); INSERT INTO alembic_version "
        "VALUES ('0001'); CREATE TABLE cliente (id INTEGER);"
    )
    con.close()
    problem = _problem(path)
    assert problem.kind == "foreign"
    assert problem.options == [Recovery.CHOOSE_LOCATION, Recovery.QUIT]


def test_database_from_a_newer_program(sample_db):
    execute(sample_db, "UPDATE alembic_version SET version_num = '0999_future'")
    before = dump(sample_db)
    problem = _problem(sample_db)
    assert problem.kind == "newer"
    assert "0999_future" in problem.message and "Actualice" in problem.message
    assert dump(sample_db) == before
    assert backup.list_backups(sample_db) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes into read-only folders; the simulated test below covers the message",
)
def test_read_only_folder_for_real(sample_db):
    sample_db.parent.chmod(0o555)
    try:
        problem = _problem(sample_db)
    finally:
        sample_db.parent.chmod(0o755)
    assert problem.kind == "folder"


@pytest.mark.parametrize(
    "code, words", [(errno.EROFS, "No se puede escribir"), (errno.ENOSPC, "lleno")]
)
def test_read_only_or_full_disk_simulated(sample_db, monkeypatch, code, words):
    def refuse(folder):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(safety, "_probe_write", refuse)
    before = dump(sample_db)
    problem = _problem(sample_db)
    assert problem.kind == "folder" and words in problem.message
    assert problem.options == [Recovery.CHOOSE_LOCATION, Recovery.QUIT]
    assert dump(sample_db) == before


def test_nearly_full_disk_is_refused(sample_db):
    assert safety.folder_problem(sample_db, min_free=1 << 62) is not None
    assert safety.folder_problem(sample_db) is None


@pytest.mark.parametrize(
    "path",
    [r"\\servidor\compartida\pazos.sqlite", "//servidor/compartida/pazos.sqlite"],
)
def test_unc_path_is_a_network_location(path):
    assert safety.is_unc_path(path)
    assert "carpeta de red" in safety.network_location_problem(safety.PurePath(path))


def test_long_local_windows_paths_are_not_unc():
    assert not safety.is_unc_path(r"\\?\C:\Datos\pazos.sqlite")
    assert not safety.is_unc_path(r"C:\Datos\pazos.sqlite")


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/nfs nfs4 rw 0 0
//srv/pazos /mnt/oficina cifs rw 0 0
user@host:/data /home/ana/remoto fuse.sshfs rw 0 0
/dev/sdb1 /mnt/nfs/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    "path, network",
    [
        ("/home/ana/pazos.sqlite", False),
        ("/mnt/nfs/pazos.sqlite", True),
        ("/mnt/oficina/sub/pazos.sqlite", True),
        ("/home/ana/remoto/pazos.sqlite", True),
        ("/mnt/nfs/local/pazos.sqlite", False),  # the deepest mount point decides
        ("/mnt/nfsx/pazos.sqlite", False),
    ],
)
def test_network_file_systems_from_proc_mounts(path, network):
    problem = safety.network_location_problem(safety.Path(path), mounts_text=MOUNTS)
    assert (problem is not None) == network


def test_network_share_offers_choose_location_or_open_anyway(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "network_location_problem", lambda path: "carpeta de red")
    target = tmp_path / "pazos.sqlite"
    problem = _problem(target)
    assert problem.kind == "network"
    assert problem.options == [Recovery.CHOOSE_LOCATION, Recovery.OPEN_ANYWAY, Recovery.QUIT]
    assert not target.exists()  # nothing created before the user chose
    prepare_database(str(target), allow_network=True, now=NOW).dispose()


def test_synced_folder_warning():
    problem = safety.network_location_problem(safety.Path("/home/ana/OneDrive - Alcaldía/p.db"))
    assert "sincronizada" in problem


def test_messages_and_options_in_english(sample_db):
    sample_db.write_bytes(sample_db.read_bytes()[:8192])
    set_language("en")
    problem = _problem(sample_db)
    assert "is damaged" in problem.message
    assert [option_label(o) for o in problem.options] == ["Choose another location…", "Quit"]
    assert "already open" in second_copy_message("1234@pc")
