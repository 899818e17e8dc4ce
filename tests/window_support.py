"""Helpers for the window tests: a real MainWindow on a migrated copy of the database.

The fixtures are in window_fixtures.py (loaded with `pytest_plugins`)."""

from __future__ import annotations

from pathlib import Path

from conftest import SUITE_TODAY
from PySide6.QtWidgets import QApplication

from pazos_desktop.clock import clock_on
from ui import app as ui_app
from ui.main_window import MainWindow
from ui.prefs import Preferences
from ui.translations import apply_language

TODAY = SUITE_TODAY


from ui.interaction import Recorder  # noqa: E402,F401  (what the window fixtures install)


def open_window(qtbot, path: Path, prefs: Preferences) -> MainWindow:
    window = MainWindow(prefs, str(path), clock=clock_on(TODAY))
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
