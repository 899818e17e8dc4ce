"""The window's machinery: operations off the UI thread, one way to show errors, the job
pipeline's progress and cancel, the welcome dialog, settings, and a guard against PySide6's
refcount bug."""

from __future__ import annotations

import logging
import sys
import threading
import time

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select
from window_support import close_window, idle, session_of

from pazos_desktop.db.models.register import Commitment, Partner
from pazos_desktop.errors import PazosError
from pazos_desktop.services import settings
from pazos_desktop.services.partners import PartnerData, save_partner
from ui import app as ui_app
from ui import errors
from ui.dialogs.error import ErrorDialog
from ui.dialogs.welcome import WelcomeDialog
from ui.jobs.operations import Operations
from ui.main_window import MainWindow
from ui.prefs import Preferences

pytest_plugins = ["window_fixtures"]  # the window fixtures


def test_operation_runs_off_the_ui_thread(qtbot, empty_window):
    ops = empty_window.ops
    seen = {}

    def work(session):
        seen["thread"] = threading.current_thread()
        return session.scalar(select(func.count()).select_from(Partner))

    ops.run(work, lambda n: seen.setdefault("result", (n, threading.current_thread())))
    idle(qtbot, empty_window)
    assert seen["thread"] is not threading.main_thread()
    assert seen["result"] == (0, threading.main_thread())


def test_failed_change_is_rolled_back_and_shown(qtbot, empty_window, recorder):
    def half_then_fail(session):
        save_partner(session, PartnerData(name="Guardada a medias"))
        raise PazosError("Algo salió mal.")

    empty_window.ops.run(half_then_fail)
    idle(qtbot, empty_window)
    assert recorder.shown == ["Algo salió mal."]
    with session_of(empty_window) as s:
        assert s.scalar(select(func.count()).select_from(Partner)) == 0


def test_unexpected_error_gets_a_generic_message_and_is_logged(
    qtbot, empty_window, recorder, caplog
):
    with caplog.at_level(logging.ERROR, logger="pazos"):
        empty_window.ops.submit(lambda: 1 / 0)
        idle(qtbot, empty_window)
    assert recorder.shown == [errors.user_message(ZeroDivisionError())]
    assert "ZeroDivisionError" in caplog.text


def test_error_dialog_copies_details_and_names_the_log(qtbot, tmp_path):
    log = errors.setup_logging(tmp_path / "logs")
    try:
        dialog = ErrorDialog(None, "Mensaje para el usuario", "Traceback: detalle")
        qtbot.addWidget(dialog)
        dialog.copy_details()
        assert QApplication.clipboard().text() == "Traceback: detalle"
        texts = [w.text() for w in dialog.findChildren(type(dialog.message_label))]
        assert any(str(log) in t for t in texts)
        errors.log.error("una línea")
        assert "una línea" in log.read_text(encoding="utf-8")
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", None) == str(log):
                root.removeHandler(handler)
                handler.close()


def test_hooks_show_uncaught_exceptions(qtbot, recorder, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors.install_hooks()
    try:
        raise PazosError("desde un slot")
    except PazosError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    thread = threading.Thread(target=lambda: (_ for _ in ()).throw(PazosError("desde un hilo")))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(recorder.shown) == 2, timeout=5000)
    assert recorder.shown == ["desde un slot", "desde un hilo"]


def test_job_reports_progress_and_can_be_cancelled(qtbot, empty_window):
    results, cancelled, seen = [], [], []

    def work(job):
        for i in range(1000):
            job.check()  # the one cancel idiom: Cancelled raised, on_cancel called
            job.progress(i, 1000, f"elemento {i}")
        return "done"

    run = empty_window.ops.job(
        "Prueba", work, results.append, on_cancel=lambda: cancelled.append(1), parent=empty_window
    )
    run.cancel()
    idle(qtbot, empty_window)
    assert cancelled == [1] and results == []
    empty_window.ops.job(
        "Prueba",
        lambda job: (job.progress(3, 3, "fin"), 42)[1],
        results.append,
        progress=lambda *report: seen.append(report),
    )
    idle(qtbot, empty_window)
    assert results == [42] and seen == [(3, 3, "fin")]


def test_jobs_open_their_sessions_in_the_pipeline(qtbot, empty_window):
    found = []

    def work(job):
        return job.in_session(lambda s: s.scalar(select(func.count()).select_from(Partner)))

    empty_window.ops.job("Contar", work, found.append)
    idle(qtbot, empty_window)
    assert found == [0]


def test_no_progress_dialog_is_left_after_a_quick_job(qtbot, empty_window, recorder):
    """The result message comes after the progress dialog is gone, and it never comes back
    (QProgressDialog's own timer used to show the finished dialog again over the message)."""
    from ui.jobs.progress import DELAY_MS, ProgressWindow

    seen_when_told = []

    def told(_result) -> None:
        seen_when_told.append(_visible(ProgressWindow))

    empty_window.ops.job("Rápido", lambda job: job.progress(1, 1, "listo"), told)
    idle(qtbot, empty_window)
    qtbot.wait(DELAY_MS * 2)
    assert seen_when_told == [[]] and _visible(ProgressWindow) == []


def test_a_long_job_shows_its_dialog_and_cancel_closes_it(qtbot, empty_window):
    from ui.jobs.progress import DELAY_MS, ProgressWindow

    cancelled = []

    def work(job):
        while not job.cancelled():
            time.sleep(0.005)  # not Event.wait(timeout): under faketime a timed wait never ends
        job.check()

    job = empty_window.ops.job("Largo", work, on_cancel=lambda: cancelled.append(1))
    try:
        qtbot.waitUntil(lambda: bool(_visible(ProgressWindow)), timeout=10000)
        dialog = _visible(ProgressWindow)[0]
        dialog.cancel_button.click()
    finally:
        job.cancel()  # never leave the one worker looping for the tests after this one
    idle(qtbot, empty_window)
    assert cancelled == [1]
    qtbot.wait(DELAY_MS)
    assert _visible(ProgressWindow) == []


def _visible(cls) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]


@pytest.mark.sqlite_only
def test_welcome_dialog_builds_sample_data(qtbot, tmp_path, prefs, recorder):
    target = tmp_path / "nueva" / "pazos.sqlite"
    window = MainWindow(prefs, str(target))
    qtbot.addWidget(window)
    shown = []
    ui_app.start(window, on_welcome=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    dialog: WelcomeDialog = shown[0]
    assert not target.exists()
    dialog.sample_button.click()
    qtbot.waitUntil(lambda: window.ops.db is not None and window.ops.idle, timeout=30000)
    try:
        with session_of(window) as s:
            assert s.scalar(select(func.count()).select_from(Commitment)) > 100
            assert settings.get_setting(s, "sample_data") == "1"
    finally:
        close_window(window)


@pytest.mark.sqlite_only
def test_welcome_dialog_empty_database(qtbot, tmp_path, prefs, recorder):
    target = tmp_path / "vacia.sqlite"
    window = MainWindow(prefs, str(target))
    qtbot.addWidget(window)
    shown = []
    ui_app.start(window, on_welcome=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    shown[0].empty_button.click()
    qtbot.waitUntil(lambda: window.ops.db is not None and window.ops.idle, timeout=30000)
    try:
        assert target.exists()
        with session_of(window) as s:
            assert s.scalar(select(func.count()).select_from(Partner)) == 0
        assert window.current_key() == "dashboard"
    finally:
        close_window(window)


@pytest.mark.sqlite_only
def test_damaged_database_goes_to_the_recovery_dialog(qtbot, tmp_path, prefs, monkeypatch):
    from pazos_desktop.safety.startup import Recovery

    target = tmp_path / "rota.sqlite"
    target.write_bytes(b"esto no es una base de datos" * 100)
    asked = []
    monkeypatch.setattr(
        ui_app, "recovery_ask", lambda problem, _p: asked.append(problem) or Recovery.QUIT
    )
    window = MainWindow(prefs, str(target))
    qtbot.addWidget(window)
    window.show()
    ui_app.start(window)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert "no es una base de datos" in asked[0].message
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)  # "quit" closes the window
    assert window.ops.db is None and not window.nav.isEnabled()
    window.ops.shutdown()


@pytest.mark.sqlite_only
def test_second_copy_on_the_same_database_is_refused(qtbot, window, prefs, recorder):
    second = MainWindow(prefs, window.db_target)
    qtbot.addWidget(second)
    second.show()
    ui_app.start(second)
    qtbot.waitUntil(lambda: bool(recorder.shown), timeout=10000)
    assert "abierto" in recorder.shown[0] or "abierta" in recorder.shown[0]
    assert second.ops.db is None
    second.ops.shutdown()


def test_backup_now_and_restore_from_the_file_menu(qtbot, window, tmp_path):
    copy = tmp_path / "copia.sqlite"
    told = []
    titles = [a.text() for a in window.file_menu.actions()]
    assert "Hacer una copia de seguridad ahora…" in titles
    window.back_up_now(ask=lambda _p, _s: str(copy), show=lambda *a: told.append(a[-1]))
    assert not told  # the copy is made off the UI thread…
    idle(qtbot, window)
    assert copy.exists() and copy.stat().st_size > 0 and "verificada" in told[0]
    with session_of(window) as s:
        s.add(Partner(name="Creada después", name_key="creada despues", type="public"))
    window.restore_backup(
        ask=lambda _p, _f: str(copy), sure=lambda *_a: True, show=lambda *a: told.append(a[-1])
    )
    qtbot.waitUntil(lambda: window.ops.db is not None and window.ops.idle, timeout=15000)
    with session_of(window) as s:
        assert s.scalar(select(func.count()).where(Partner.name == "Creada después")) == 0
        assert s.scalar(select(func.count()).select_from(Commitment)) > 100
    assert window.current_key() == "dashboard"


def test_settings_view_saves_to_the_database(qtbot, window, recorder):
    view = window.show_view("settings")
    idle(qtbot, window)
    view.org_name.setText("Alcaldía de Prueba")
    view.page_size.setCurrentIndex(view.page_size.findData("a4"))
    view.doc_code.setText("GD-F-01")
    view.doc_approval.setText("31/01/2026")
    view.save()
    idle(qtbot, window)
    with session_of(window) as s:
        stored = settings.all_settings(s)
    assert (stored["org_name"], stored["page_size"], stored["doc_code"]) == (
        "Alcaldía de Prueba",
        "a4",
        "GD-F-01",
    )
    assert stored["doc_approval_date"] == "2026-01-31"
    view.doc_approval.setText("31-31-2026x")
    view.save()
    assert view.org_error.isVisibleTo(view)
    assert view.db_path.isReadOnly() and view.db_path.text() == window.ops.db.describe()


def test_export_folder_and_columns_are_user_preferences(qtbot, window, tmp_path):
    view = window.show_view("settings")
    view.export_folder.setText(str(tmp_path))
    view.export_folder.editingFinished.emit()
    assert window.prefs.export_folder() == str(tmp_path)
    commitments = window.show_view("commitments")
    idle(qtbot, window)
    commitments.table.horizontalHeader().resizeSection(0, 333)
    window.close()
    assert window.prefs.columns("commitments") is not None


class _Emitter(QObject):
    fired = Signal()


def test_pyside_signals_keep_reference_counts():
    """PySide6 6.12.0 dropped a reference to True on every emit() (and to None on each
    no-argument slot call): on Python 3.11 the program aborts after a few thousand signals.
    pyproject.toml excludes that version; this fails if such a build comes back."""
    emitter, calls = _Emitter(), []
    emitter.fired.connect(lambda: calls.append(1))
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert len(calls) == 200
    assert after[0] - before[0] > -50 and after[1] - before[1] > -50, (before, after)


def test_preferences_roundtrip(tmp_path):
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    assert prefs.language() is None
    prefs.set_language("en")
    prefs.sync()
    again = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    assert again.language() == "en"


@pytest.fixture
def qt_ops(qapp, db):
    ops = Operations(db)
    yield ops
    ops.shutdown()


def test_call_now_for_benchmarks(qt_ops):
    assert qt_ops.call_now(lambda s: s.scalar(select(func.count()).select_from(Partner))) == 0
