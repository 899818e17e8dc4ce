"""Helpers for the window tests: a real MainWindow on a migrated copy of the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from conftest import copy_database
from pazos_desktop.database import Database
from pazos_desktop.sample import build_sample
from ui import app as ui_app
from ui import errors
from ui.main_window import MainWindow
from ui.prefs import Preferences
from ui.translations import apply_language

TODAY = dt.date.today()


class Recorder:
    """Stands in for the error dialog and the yes/no prompts."""

    def __init__(self):
        self.shown: list[str] = []
        self.questions: list[str] = []
        self.answer = True

    def present(self, _parent, message, _detail):
        self.shown.append(message)

    def confirm(self, _title, text):
        self.questions.append(text)
        return self.answer


@pytest.fixture
def recorder(monkeypatch) -> Recorder:
    rec = Recorder()
    monkeypatch.setattr(errors, "presenter", rec.present)
    monkeypatch.setattr(errors, "confirmer", rec.confirm)
    return rec


@pytest.fixture
def prefs(tmp_path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


_templates: dict[str, Path] = {}


@pytest.fixture(scope="session")
def sample_template(migrated_template, tmp_path_factory) -> Path:
    """The sample data built once per run (several modules import this fixture)."""
    if "sample" not in _templates:
        folder = tmp_path_factory.mktemp("sample")
        path = copy_database(migrated_template, folder / "sample.sqlite")
        db = Database(str(path), actor="pytest")
        with db.session() as session:
            build_sample(session, TODAY)
        db.dispose()
        _templates["sample"] = path
    return _templates["sample"]


@pytest.fixture
def sample_db_path(sample_template, tmp_path) -> Path:
    return copy_database(sample_template, tmp_path / "sample.sqlite")


def open_window(qtbot, path: Path, prefs: Preferences) -> MainWindow:
    window = MainWindow(prefs, str(path))
    qtbot.addWidget(window)
    window.show()
    ui_app.start(window)
    qtbot.waitUntil(lambda: window.ops.db is not None and window.ops.idle, timeout=15000)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.ops.shutdown()
    if window.ops.db is not None:
        window.ops.db.dispose()
    apply_language("es")


@pytest.fixture
def window(qtbot, sample_db_path, prefs, recorder):
    win = open_window(qtbot, sample_db_path, prefs)
    yield win
    close_window(win)


@pytest.fixture
def empty_window(qtbot, db_path, prefs, recorder):
    win = open_window(qtbot, db_path, prefs)
    yield win
    close_window(win)


def idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.ops.idle, timeout=10000)


def dialog_of(cls):
    """The open dialog of class `cls` (editors are opened window-modal, not blocking)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    return found[-1] if found else None


def wait_dialog(qtbot, cls):
    """The dialog once open and active (keyboard shortcuts only reach the active window)."""
    qtbot.waitUntil(lambda: dialog_of(cls) is not None, timeout=10000)
    dialog = dialog_of(cls)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    return dialog


def session_of(window: MainWindow):
    return window.ops.db.session()


def gone(widget) -> bool:
    """Closed (editors delete themselves on close)."""
    import shiboken6

    return not shiboken6.isValid(widget) or not widget.isVisible()
