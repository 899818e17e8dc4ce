"""The Informes view offscreen: choices, preview, export, presets (pytest-qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from pazos_desktop.clock import clock_on
from pazos_desktop.database import Database
from tests.report_world import ON, build_world
from ui import errors
from ui.reports.periods import PRESETS, preset_period
from ui.reports.view import ReportsView

D = dt.date


def sync_runner(work, done, failed, progress=None):
    """Runs the task at once on this thread: deterministic tests of the view's logic."""
    try:
        result = work(progress or (lambda page: None))
    except BaseException as exc:
        failed(exc)
    else:
        done(result)


@pytest.fixture
def db(db_path):
    """The report world's database, whose clock says it is ON (15/07/2026)."""
    database = Database(str(db_path), actor="pytest", clock=clock_on(ON))
    yield database
    database.dispose()


def make_view(qtbot, db, session, runner=sync_runner):
    build_world(session)
    session.commit()
    view = ReportsView(db, runner=runner)
    qtbot.addWidget(view)
    view.preset.setCurrentIndex([code for _l, code in PRESETS].index("custom"))
    view.date_from.setDate(QDate(2026, 1, 1))
    view.date_to.setDate(QDate(2026, 6, 30))
    return view


def test_choices_and_request(qtbot, db, session):
    view = make_view(qtbot, db, session)
    clusters = view.lists["clusters"]
    assert [clusters.item(i).text() for i in range(clusters.count())] == [
        "Clúster Ávila",
        "Clúster Norte",
        "Clúster Sur",
    ]
    clusters.item(0).setCheckState(Qt.Checked)
    request = view.request()
    assert (request.date_from, request.date_to, request.on) == (D(2026, 1, 1), D(2026, 6, 30), ON)
    assert request.cluster_ids == [clusters.item(0).data(Qt.UserRole)]


def test_preview_shows_the_figures_and_renders(qtbot, db, session, artifacts):
    view = make_view(qtbot, db, session)
    view.resize(1100, 650)
    view.show()
    view.refresh_preview()
    texts = [
        view.preview.figures.itemAt(i).widget().text() for i in range(view.preview.figures.count())
    ]
    assert "7" in texts and "17 %" in texts and "$ 3.500.000" in texts
    assert view.preview.comparison.item(1, 3).text() == "+2"
    assert "Clúster Ávila" in view.preview.gaps.text()
    qtbot.wait(50)  # widgets added to a shown layout appear on the next event-loop turn
    view.grab().save(str(artifacts / "report_view.png"))


def test_export_pdf_and_bad_period(qtbot, db, session, tmp_path, monkeypatch):
    view = make_view(qtbot, db, session)
    written = []
    view.exported.connect(written.append)
    view.export_to(tmp_path / "informe.pdf")
    assert written == [str(tmp_path / "informe.pdf")] and (tmp_path / "informe.pdf").stat().st_size
    shown = []
    monkeypatch.setattr(
        errors, "presenter", lambda _parent, message, _detail: shown.append(message)
    )
    view.date_from.setDate(QDate(2026, 7, 1))
    view.refresh_preview()
    assert shown and "anterior a su inicio" in shown[0]
    assert view.preview_button.isEnabled()


def test_background_runner(qtbot, db, session):
    view = make_view(qtbot, db, session, runner=None)
    with qtbot.waitSignal(view.preview_ready, timeout=10_000) as blocker:
        view.refresh_preview()
    assert blocker.args[0].summary.overall.total == 7


def test_unexpected_error_is_shown_and_logged(qtbot, db, session, monkeypatch, caplog):
    view = make_view(qtbot, db, session)
    shown = []
    monkeypatch.setattr(errors, "presenter", lambda _parent, message, detail: shown.append(detail))

    def broken(_session, _request):
        raise RuntimeError("boom")

    monkeypatch.setattr("pazos_desktop.services.report.gather_report", broken)
    with caplog.at_level("ERROR", logger="pazos"):
        view.refresh_preview()
    assert shown and "RuntimeError: boom" in shown[0]
    assert "boom" in caplog.text and view.preview_button.isEnabled()


def test_preset_follows_the_clock_past_midnight(qtbot, db_path):
    """A window left open: the next refresh's "this month" is the new day's month."""
    days = iter([D(2026, 6, 30), D(2026, 7, 1)])
    current = {"day": next(days)}
    database = Database(str(db_path), actor="pytest", clock=lambda: clock_on(current["day"])())
    try:
        view = ReportsView(database, runner=sync_runner)
        qtbot.addWidget(view)
        view.preset.setCurrentIndex([code for _l, code in PRESETS].index("quarter"))
        assert view.date_from.date().toPython() == D(2026, 4, 1)
        current["day"] = next(days)
        view.apply_preset(view.preset.currentIndex())
        assert view.date_from.date().toPython() == D(2026, 7, 1)
        assert view.request().on == D(2026, 7, 1)
    finally:
        database.dispose()


def test_presets():
    today = D(2026, 8, 20)
    assert preset_period("half", today) == (D(2026, 7, 1), D(2026, 12, 31))
    assert preset_period("previous_half", today) == (D(2026, 1, 1), D(2026, 6, 30))
    assert preset_period("previous_quarter", D(2026, 2, 3)) == (D(2025, 10, 1), D(2025, 12, 31))
    assert preset_period("last_30", today) == (D(2026, 7, 22), today)
    assert preset_period("custom", today) is None
