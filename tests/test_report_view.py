"""The Informes view offscreen: choices, preview, export, presets (pytest-qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from pazos_desktop.clock import clock_on
from pazos_desktop.db.database import Database
from tests.report_world import ON, build_world
from ui import interaction
from ui.jobs.operations import Operations
from ui.reports.periods import PRESETS, preset_period
from ui.reports.view import ReportsView

D = dt.date


@pytest.fixture
def db(db_path):
    """The report world's database, whose clock says it is ON (15/07/2026)."""
    database = Database(str(db_path), actor="pytest", clock=clock_on(ON))
    yield database
    database.dispose()


@pytest.fixture
def recorder(monkeypatch) -> interaction.Recorder:
    rec = interaction.Recorder()
    monkeypatch.setattr(interaction, "current", rec)
    return rec


@pytest.fixture
def ops(qapp, db):
    operations = Operations(db)
    yield operations
    operations.shutdown()


def idle(qtbot, ops) -> None:
    qtbot.waitUntil(lambda: ops.idle, timeout=20000)


def make_view(qtbot, ops, session):
    build_world(session)
    session.commit()
    view = ReportsView(ops)
    qtbot.addWidget(view)
    idle(qtbot, ops)
    view.preset.setCurrentIndex([code for _l, code in PRESETS].index("custom"))
    view.date_from.setDate(QDate(2026, 1, 1))
    view.date_to.setDate(QDate(2026, 6, 30))
    return view


def test_choices_are_read_on_the_worker_and_make_the_request(qtbot, ops, session):
    view = make_view(qtbot, ops, session)
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


def test_preview_shows_the_figures_and_renders(qtbot, ops, session, artifacts):
    view = make_view(qtbot, ops, session)
    view.resize(1100, 650)
    view.show()
    with qtbot.waitSignal(view.preview_ready, timeout=20000):
        view.refresh_preview()
    texts = [
        view.preview.figures.itemAt(i).widget().text() for i in range(view.preview.figures.count())
    ]
    assert "7" in texts and "17 %" in texts and "$ 3.500.000" in texts
    assert view.preview.comparison.item(1, 3).text() == "+2"
    assert "Clúster Ávila" in view.preview.gaps.text()
    qtbot.wait(50)  # widgets added to a shown layout appear on the next event-loop turn
    view.grab().save(str(artifacts / "report_view.png"))


def test_export_pdf_says_where_and_a_bad_period_is_refused(qtbot, ops, session, tmp_path, recorder):
    view = make_view(qtbot, ops, session)
    written = []
    view.exported.connect(written.append)
    view.export_to(tmp_path / "informe.pdf")
    idle(qtbot, ops)
    assert written == [str(tmp_path / "informe.pdf")] and (tmp_path / "informe.pdf").stat().st_size
    assert recorder.opened == [str(tmp_path / "informe.pdf")]  # feedback: open it, or its folder
    view.date_from.setDate(QDate(2026, 7, 1))
    view.refresh_preview()
    idle(qtbot, ops)
    assert recorder.shown and "anterior a su inicio" in recorder.shown[0]
    assert view.preview_button.isEnabled()


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, ops, session, tmp_path, recorder):
    view = make_view(qtbot, ops, session)
    view.export_to(tmp_path / "informe.pdf")
    view.cancel()  # before the first page is drawn: the job's one cancel check stops it
    idle(qtbot, ops)
    assert "cancelada" in view.status.text() and not (tmp_path / "informe.pdf").exists()
    assert recorder.shown == [] and view.pdf_button.isEnabled()


def test_unexpected_error_is_shown_and_logged(qtbot, ops, session, monkeypatch, caplog, recorder):
    view = make_view(qtbot, ops, session)

    def broken(_session, _request):
        raise RuntimeError("boom")

    monkeypatch.setattr("pazos_desktop.services.report.coordination.gather_report", broken)
    with caplog.at_level("ERROR", logger="pazos"):
        view.refresh_preview()
        idle(qtbot, ops)
    assert recorder.details and "RuntimeError: boom" in recorder.details[0]
    assert "boom" in caplog.text and view.preview_button.isEnabled()


def test_preset_follows_the_clock_past_midnight(qtbot, db_path):
    """A window left open: the next refresh's "this month" is the new day's month."""
    days = iter([D(2026, 6, 30), D(2026, 7, 1)])
    current = {"day": next(days)}
    database = Database(str(db_path), actor="pytest", clock=lambda: clock_on(current["day"])())
    operations = Operations(database)
    try:
        view = ReportsView(operations)
        qtbot.addWidget(view)
        idle(qtbot, operations)
        view.preset.setCurrentIndex([code for _l, code in PRESETS].index("quarter"))
        assert view.date_from.date().toPython() == D(2026, 4, 1)
        current["day"] = next(days)
        view.apply_preset(view.preset.currentIndex())
        assert view.date_from.date().toPython() == D(2026, 7, 1)
        assert view.request().on == D(2026, 7, 1)
    finally:
        operations.shutdown()
        database.dispose()


def test_presets():
    today = D(2026, 8, 20)
    assert preset_period("half", today) == (D(2026, 7, 1), D(2026, 12, 31))
    assert preset_period("previous_half", today) == (D(2026, 1, 1), D(2026, 6, 30))
    assert preset_period("previous_quarter", D(2026, 2, 3)) == (D(2025, 10, 1), D(2025, 12, 31))
    assert preset_period("last_30", today) == (D(2026, 7, 22), today)
    assert preset_period("custom", today) is None
