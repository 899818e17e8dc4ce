"""The window's side of data safety: one copy per database, and the recovery dialog's loop."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pazos_desktop.safety import backup
from pazos_desktop.safety import location as safety
from pazos_desktop.safety.startup import Recovery, StartupProblem
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)
from tests.safety_fixtures import dump, execute, row_counts
from ui.safety.recovery_dialog import RecoveryDialog, open_database_interactively
from ui.single_instance import SingleInstance, lock_path

ROOT = Path(__file__).resolve().parent.parent
HOLDER = """
import sys, time
from pathlib import Path
from ui.single_instance import SingleInstance
guard = SingleInstance(Path(sys.argv[1]))
print("locked" if guard.acquire() else "refused", flush=True)
time.sleep(120)
"""


@pytest.fixture
def other_copy(sample_db):
    """A second program process holding the database's lock."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(sample_db)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "locked"
    yield child
    child.kill()
    child.wait()
    child.stdout.close()


class Recorder:
    """Stands in for the dialogs: answers from a script, remembers what it was told."""

    def __init__(self, answers=(), files=()):
        self.answers, self.files = list(answers), list(files)
        self.asked: list[StartupProblem] = []
        self.told: list[tuple[str, str]] = []

    def ask(self, problem, parent):
        self.asked.append(problem)
        return self.answers.pop(0)

    def choose_file(self, parent):
        return self.files.pop(0)

    def tell(self, parent, title, message):
        self.told.append((title, message))

    def open(self, target):
        return open_database_interactively(
            str(target), ask=self.ask, choose_file=self.choose_file, tell=self.tell
        )


@pytest.mark.sqlite_only
def test_second_copy_is_told_and_writes_nothing(qapp, sample_db, other_copy):
    before = dump(sample_db)
    ui = Recorder()
    assert ui.open(sample_db) is None
    title, message = ui.told[0]
    assert "ya está abierto" in title
    assert f"proceso {other_copy.pid}@" in message and "No se modificó nada" in message
    assert dump(sample_db) == before
    assert backup.list_backups(sample_db) == []  # not even the daily backup


@pytest.mark.sqlite_only
def test_lock_of_a_killed_copy_is_reclaimed(qapp, sample_db, other_copy):
    assert not SingleInstance(sample_db).acquire()
    other_copy.kill()
    other_copy.wait()
    assert lock_path(sample_db).exists()  # left behind by the killed process
    guard = SingleInstance(sample_db)
    assert guard.acquire()
    guard.release()
    assert not lock_path(sample_db).exists()


@pytest.mark.sqlite_only
def test_the_opened_copy_keeps_the_lock_until_released(qapp, sample_db):
    opened = Recorder().open(sample_db)
    try:
        assert not SingleInstance(sample_db).acquire()
    finally:
        opened.db.dispose()
        opened.guard.release()
    assert SingleInstance(sample_db).acquire()


@pytest.mark.sqlite_only
def test_damaged_database_restore_latest_then_open(qapp, sample_db):
    backup.before(sample_db, "daily")
    counts = row_counts(sample_db)
    sample_db.write_bytes(sample_db.read_bytes()[:12288])
    ui = Recorder(answers=[Recovery.RESTORE_LATEST])
    opened = ui.open(sample_db)
    opened.db.dispose()
    opened.guard.release()
    assert ui.asked[0].kind == "damaged"
    assert "Se restauró la copia" in ui.told[0][1]
    assert row_counts(sample_db) == counts


@pytest.mark.sqlite_only
def test_network_share_choose_another_location(qapp, tmp_path, monkeypatch):
    share, local = tmp_path / "red" / "pazos.sqlite", tmp_path / "local" / "pazos.sqlite"
    monkeypatch.setattr(
        safety,
        "network_location_problem",
        lambda p: "carpeta de red" if "red" in p.parts else None,
    )
    ui = Recorder(answers=[Recovery.CHOOSE_LOCATION], files=[str(local)])
    opened = ui.open(share)
    opened.db.dispose()
    opened.guard.release()
    assert opened.target == str(local) and local.exists()
    assert not share.exists()


@pytest.mark.sqlite_only
def test_quit_changes_nothing(qapp, tmp_path):
    path = tmp_path / "pazos.sqlite"
    path.write_text("no soy una base de datos", encoding="utf-8")
    ui = Recorder(answers=[Recovery.QUIT])
    assert ui.open(path) is None
    assert path.read_text(encoding="utf-8") == "no soy una base de datos"
    assert SingleInstance(path).acquire()  # the lock was let go


def test_recovery_dialog_renders(qapp, artifacts):
    problem = StartupProblem(
        "damaged",
        "La base de datos C:\\Users\\coordinacion\\AppData\\Local\\PAZOS\\PAZOS Coordinacion\\"
        "pazos.sqlite está dañada (database disk image is malformed). Puede restaurar la última "
        "copia de seguridad buena (la base dañada se conserva aparte) o elegir otra ubicación.",
        [Recovery.RESTORE_LATEST, Recovery.CHOOSE_LOCATION, Recovery.QUIT],
        None,
    )
    dialog = RecoveryDialog(problem)
    dialog.show()
    qapp.processEvents()
    dialog.grab().save(str(artifacts / "safety_recovery_dialog.png"))
    assert [b.text() for b in dialog.buttons.values()] == [
        "Restaurar la última copia de seguridad",
        "Elegir otra ubicación…",
        "Salir",
    ]
    dialog.buttons[Recovery.CHOOSE_LOCATION].click()
    assert dialog.choice == Recovery.CHOOSE_LOCATION


@pytest.mark.sqlite_only
def test_back_up_now_to_a_chosen_file(qapp, sample_db, tmp_path):
    from ui.safety.backup_actions import back_up_now

    told = []
    chosen = tmp_path / "copia de marzo.sqlite"
    written = back_up_now(
        None, sample_db, ask=lambda p, s: str(chosen), show=lambda *a: told.append(a)
    )
    assert written == chosen and dump(chosen) == dump(sample_db)
    assert "Copia de seguridad verificada" in told[0][2]
    assert back_up_now(None, sample_db, ask=lambda p, s: None, show=pytest.fail) is None


@pytest.mark.sqlite_only
def test_restore_from_a_chosen_backup_with_confirmation(qapp, sample_db, tmp_path):
    from ui.safety.backup_actions import restore_from_backup

    copy = backup.write_backup(sample_db, tmp_path / "copia.sqlite")
    execute(sample_db, "DELETE FROM progress_update")
    changed, closed, told = dump(sample_db), [], []

    def run(answer):
        return restore_from_backup(
            None,
            sample_db,
            close_database=lambda: closed.append(True),
            ask=lambda p, folder: str(copy),
            sure=lambda p, title, question: answer,
            show=lambda *a: told.append(a),
        )

    assert run(False) is None and dump(sample_db) == changed and not closed
    result = run(True)
    assert closed and dump(sample_db) == dump(copy)
    assert dump(result.safety_copy) == changed
    assert "Se restauró la copia" in told[-1][2]


@pytest.mark.sqlite_only
def test_restore_refuses_a_damaged_backup_in_the_window(qapp, sample_db, tmp_path):
    from ui.safety.backup_actions import restore_from_backup

    bad = tmp_path / "mala.sqlite"
    bad.write_bytes(sample_db.read_bytes()[:20000])
    before, told = dump(sample_db), []
    result = restore_from_backup(
        None, sample_db, ask=lambda p, f: str(bad), sure=pytest.fail, show=lambda *a: told.append(a)
    )
    assert result is None and dump(sample_db) == before
    assert "dañada o no es una base de datos" in told[0][2]


@pytest.mark.sqlite_only
def test_choosing_a_location_another_copy_holds_is_refused(qapp, sample_db, other_copy, tmp_path):
    from ui.safety.recovery_dialog import claim, resolve_problem

    problem = StartupProblem("network", "carpeta de red", [Recovery.CHOOSE_LOCATION], None)
    ui = Recorder(answers=[Recovery.CHOOSE_LOCATION], files=[str(sample_db)])
    attempt = claim(str(tmp_path / "red.sqlite"), tell=ui.tell)
    assert (
        resolve_problem(problem, attempt, ask=ui.ask, choose_file=ui.choose_file, tell=ui.tell)
        is None
    )
    assert "ya está abierto" in ui.told[0][0]
    assert SingleInstance(tmp_path / "red.sqlite").acquire()  # the first lock was let go
