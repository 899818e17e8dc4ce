"""The Informes view offscreen: choices, preview, export, presets (pytest-qt)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from tests.report_world import ON, build_world
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


def make_view(qtbot, db, session, runner=sync_runner):
    build_world(session)
    session.commit()
    view = ReportsView(db, runner=runner, today=ON)
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
    monkeypatch.setattr("ui.reports.view.QMessageBox.warning", lambda *a: shown.append(a[2]))
    view.date_from.setDate(QDate(2026, 7, 1))
    view.refresh_preview()
    assert shown and "anterior a su inicio" in shown[0]
    assert view.preview_button.isEnabled()


def test_background_runner(qtbot, db, session):
    view = make_view(qtbot, db, session, runner=None)
    with qtbot.waitSignal(view.preview_ready, timeout=10_000) as blocker:
        view.refresh_preview()
    assert blocker.args[0].summary.overall.total == 7


def test_presets():
    today = D(2026, 8, 20)
    assert preset_period("half", today) == (D(2026, 7, 1), D(2026, 12, 31))
    assert preset_period("previous_half", today) == (D(2026, 1, 1), D(2026, 6, 30))
    assert preset_period("previous_quarter", D(2026, 2, 3)) == (D(2025, 10, 1), D(2025, 12, 31))
    assert preset_period("last_30", today) == (D(2026, 7, 22), today)
    assert preset_period("custom", today) is None
