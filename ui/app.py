"""Starts the Qt application: window first, then the core (SQLAlchemy) behind it.

The main window is shown before `pazos_desktop.db.database` is imported. From the event loop:
the single-instance lock and "is there a database yet?" on the worker, the welcome dialog on
a first start, then `startup.prepare_database` (location checks, daily backup, migration) on
the worker; a start-up problem is resolved on the UI thread with the recovery dialog
(`ui.safety.recovery_dialog.resolve_problem`) and the opening retried.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui import errors
from ui.main_window import MainWindow
from ui.prefs import Preferences

# Tests replace these to answer the recovery dialog and the file chooser without a click.
recovery_ask = None
recovery_choose_file = None


def run(db_target: str, lang: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("PAZOS Coordinación")
    prefs = Preferences()
    window = MainWindow(prefs, db_target, deferred=True)
    # An empty frame at once; its contents follow on the first loop turn.
    window.showMaximized() if window.start_maximized else window.show()
    QTimer.singleShot(0, lambda: build_and_start(window, lang))
    try:
        return app.exec()
    finally:
        if window.ops is not None:
            window.ops.shutdown()
            if window.ops.db is not None:
                window.ops.db.dispose()
        window.release_lock()


def build_and_start(window: MainWindow, lang: str) -> None:
    from ui.translations import apply_language, explicit_language

    errors.install_hooks()
    if not explicit_language():
        lang = window.prefs.language() or lang
    apply_language(lang)
    window.build()
    errors.setup_logging()
    show_previous_figures(window, then=lambda: start(window))


def show_previous_figures(window: MainWindow, then=lambda: None) -> None:
    """The previous run's dashboard at once, then `then()` (opening the database).

    The figures are read with plain sqlite3 (no SQLAlchemy) on the worker, and shown only while
    the database's change counter still matches (pazos_desktop.services.figures_cache). The database is
    opened after they are painted, not meanwhile: importing SQLAlchemy on the worker would
    share the interpreter with the UI thread building the dashboard and slow both."""
    from pazos_desktop.clock import RunContext
    from pazos_desktop.i18n import get_language
    from pazos_desktop.services import figures_cache

    folder, target = window.data_folder, window.db_target
    today, lang = RunContext.start(window.clock).today, get_language()

    def read():
        return figures_cache.load(folder, target, today, lang)

    def shown(figures) -> None:
        try:
            window.show_previous_figures(figures)
        finally:
            then()

    def failed(_exc) -> None:
        then()  # no early figures: open the database as usual

    window.ops.submit(read, shown, failed)


def start(window: MainWindow, on_welcome=None) -> None:
    """Take the database's lock and look for it on the worker; ask first when there is none.
    Called once per window: from here on, a restore that let go of the database reopens it."""
    target = window.db_target
    window.reopen_requested.connect(lambda: open_db(window))

    def check():
        from pazos_desktop.db.database import database_exists
        from ui.safety.recovery_dialog import claim

        told: list[str] = []
        attempt = claim(target, None, tell=lambda _parent, _title, text: told.append(text))
        return attempt, told, database_exists(target)

    def checked(result) -> None:
        attempt, told, found = result
        if attempt is None:  # another copy of the program has this database open
            from pazos_desktop.errors import PazosError

            errors.show_error(window, PazosError("\n".join(told)))
            window.close()
            return
        window.attempt = attempt
        if found:
            open_db(window)
        else:
            welcome(window, on_welcome)

    window.ops.submit(check, checked, window.database_failed, window)


def welcome(window: MainWindow, on_welcome=None) -> None:
    from ui.dialogs.welcome import SAMPLE, WelcomeDialog

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
    """Check, back up, migrate and open on the worker; a problem goes to the recovery dialog.
    On a server, the person signs in first (ui/people/sign_in.py)."""
    from ui.people import sign_in

    attempt = window.attempt
    if sign_in.wanted(attempt.target) and window.credentials is None:
        window.credentials = sign_in.first(window, attempt.target)
        if window.credentials is None:
            window.close()
            return
        attempt.target = sign_in.with_login(attempt.target, window.credentials.login)
    password = window.credentials.password if window.credentials else None

    def work(job):
        from pazos_desktop.safety.startup import prepare_database

        db = prepare_database(
            attempt.target,
            allow_network=attempt.allow_network,
            clock=window.clock,
            password=password,
        )
        if sample:
            from pazos_desktop.clock import today_in
            from pazos_desktop.sample import build_sample, holds_data

            def fill(session) -> None:
                if not holds_data(session):
                    build_sample(session, today_in(session))

            job.in_session(fill, db=db)
        return db

    def failed(exc: BaseException) -> None:
        from pazos_desktop.db.server import LoginRefused
        from pazos_desktop.safety.startup import StartupProblem

        if isinstance(exc, LoginRefused):  # wrong, expired, disabled: say so and ask again
            window.credentials = sign_in.again(window, attempt.target, exc)
            if window.credentials is None:
                window.close()
                return
            attempt.target = sign_in.with_login(attempt.target, window.credentials.login)
            open_db(window, sample)
        elif isinstance(exc, StartupProblem):
            recover(window, exc, sample)
        else:
            window.database_failed(exc)

    def opened(db) -> None:
        sign_in.signed_in(window, attempt.target)
        window.database_opened(db)

    title = window.tr("Abriendo la base de datos…")
    window.ops.job(title, work, opened, failed, parent=window, dialog=False)


def recover(window: MainWindow, problem, sample: bool) -> None:
    """Ask the way out of a start-up problem; restoring the latest backup runs on the worker."""
    from pazos_desktop.safety.startup import Recovery
    from ui.safety.recovery_dialog import ask_recovery, resolve_problem

    choice = (recovery_ask or ask_recovery)(problem, window)
    if choice == Recovery.RESTORE_LATEST:
        restore_latest_then_open(window, sample)
        return
    options = {"ask": lambda _problem, _parent: choice}
    if recovery_choose_file is not None:
        options["choose_file"] = recovery_choose_file
    attempt = resolve_problem(problem, window.attempt, window, **options)
    if attempt is None:
        window.loading.setText(problem.message)
        window.close()
        return
    window.attempt = attempt
    window.db_target = attempt.target
    open_db(window, sample)


def restore_latest_then_open(window: MainWindow, sample: bool) -> None:
    from pazos_desktop.i18n import _
    from pazos_desktop.safety.startup import DIALOG_TITLE, RESTORED_MESSAGE, restore_latest
    from ui import interaction

    target = window.attempt.target

    def restored(result) -> None:
        text = _(RESTORED_MESSAGE).format(path=result.restored_from, kept=result.safety_copy)
        interaction.inform(window, _(DIALOG_TITLE), text)
        open_db(window, sample)

    def failed(exc: BaseException) -> None:
        from pazos_desktop.errors import PazosError

        if isinstance(exc, PazosError):
            interaction.warn(window, _(DIALOG_TITLE), exc.message)
        else:
            errors.show_error(window, exc)
        open_db(window, sample)  # the problem is asked about again, with its other ways out

    title = _(DIALOG_TITLE)
    window.ops.job(title, lambda _job: restore_latest(target), restored, failed, parent=window)
