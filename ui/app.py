"""Starts the Qt application: window first, then the core (SQLAlchemy) behind it.

The main window is shown before `pazos_desktop.database` is imported; opening and migrating
the database (and the welcome dialog on a first start) happen from the event loop, the work
itself on the operations worker.
"""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from . import errors
from .main_window import MainWindow
from .prefs import Preferences
from .translations import apply_language, explicit_language


def run(db_target: str, lang: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("PAZOS Coordinación")
    prefs = Preferences()
    if not explicit_language():
        lang = prefs.language() or lang
    apply_language(lang)
    errors.install_hooks()
    window = MainWindow(prefs, db_target)
    window.show()
    QTimer.singleShot(0, lambda: (errors.setup_logging(), start(window)))
    try:
        return app.exec()
    finally:
        window.ops.shutdown()
        if window.ops.db is not None:
            window.ops.db.dispose()


def start(window: MainWindow, on_welcome=None) -> None:
    """Open the database on the worker; ask first when there is none yet."""
    target = window.db_target

    def exists():
        from pazos_desktop.database import database_exists

        return database_exists(target)

    def checked(found: bool) -> None:
        if found:
            open_db(window)
        else:
            welcome(window, on_welcome)

    window.ops.submit(exists, checked, window.database_failed, window)


def welcome(window: MainWindow, on_welcome=None) -> None:
    from .dialogs.welcome import SAMPLE, WelcomeDialog

    dialog = WelcomeDialog(window, window.db_target)

    def done(_result: int) -> None:
        if dialog.choice is None:
            window.close()
            return
        open_db(window, sample=dialog.choice == SAMPLE)

    dialog.finished.connect(done)
    dialog.open()
    if on_welcome is not None:
        on_welcome(dialog)


def open_db(window: MainWindow, sample: bool = False) -> None:
    target = window.db_target

    def work():
        from pazos_desktop.database import open_database

        db = open_database(target)
        if sample:
            from pazos_desktop.sample import build_sample, holds_data

            with db.session() as session:
                if not holds_data(session):
                    build_sample(session, dt.date.today())
        return db

    window.ops.submit(work, window.database_opened, window.database_failed, window)
