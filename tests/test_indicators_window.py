"""The window's indicators: the dashboard panel (figures from the core, trend per cluster,
click-through), the view Indicadores and its editors (a correction is a new version)."""

from __future__ import annotations

from PySide6.QtCharts import QLineSeries, QScatterSeries
from window_support import idle, session_of, wait_dialog

from pazos_desktop.services.indicators import values as indicator_values
from pazos_desktop.services.indicators.panel import load_panel
from ui.indicators.editor import IndicatorEditor, ValueEditor

pytest_plugins = ["window_fixtures"]  # the window fixtures


def panel(qtbot, window):
    view = window.show_view("dashboard")
    idle(qtbot, window)
    return view.indicators


def test_panel_shows_the_core_figures_and_the_trend_per_cluster(qtbot, window, qtmodeltester):
    p = panel(qtbot, window)
    with session_of(window) as s:
        expected = load_panel(s)
    qtmodeltester.check(p.model)
    assert [r.indicator.code for r in p.model.rows] == [r.indicator.code for r in expected.rows]
    assert p.model.rows[0].indicator.level == "impact"  # impact indicators first
    homicides = next(i for i, r in enumerate(p.model.rows) if r.indicator.code == "HOM-01")
    p.table.selectRow(homicides)
    row = expected.row(p.model.rows[homicides].indicator.id)
    latest = row.latest
    shown = p.model.index(homicides, 2).data()
    assert f"n={latest.figure.numerator:.0f}" in shown and str(latest.year) in shown
    lines = [s for s in p.chart.chart_.series() if isinstance(s, QLineSeries)]
    assert [s.name() for s in lines] == ["Municipio (total)", *(c.name for c in row.clusters)]
    assert len(lines[0].points()) == len(row.whole.years)
    flagged = [s for s in p.chart.chart_.series() if isinstance(s, QScatterSeries)]
    assert flagged and flagged[0].count() > 0  # small clusters: fewer than 10 homicides
    p.rolling.setChecked(True)
    assert "3 años" in p.chart.chart_.title()
    rolled = [s for s in p.chart.chart_.series() if isinstance(s, QLineSeries)][0]
    assert len(rolled.points()) == len(row.whole.years) - 2  # the first two years have none


def test_double_click_opens_the_values_of_the_indicator(qtbot, window):
    p = panel(qtbot, window)
    p.table.selectRow(3)
    wanted = p.selected().indicator
    p.open_current()
    idle(qtbot, window)
    assert window.current_key() == "indicators"
    view = window.views["indicators"]
    qtbot.waitUntil(lambda: view.sheets.current() is not None, timeout=10000)
    idle(qtbot, window)
    assert view.sheets.current().id == wanted.id
    assert view.values.model.rows and all(
        v.indicator_id == wanted.id for v in view.values.model.rows
    )
    p.open_current(tab=1)
    idle(qtbot, window)
    assert view.tabs.currentIndex() == 1
    assert [r.id for r in view.linked.model.rows] == sorted(wanted.commitment_ids)


def test_a_corrected_value_is_a_new_version_in_the_view(qtbot, window):
    view = window.show_view("indicators")
    idle(qtbot, window)
    codes = [r.code for r in view.sheets.model.rows]
    view.sheets.table.selectRow(codes.index("FO-01"))
    idle(qtbot, window)
    first = next(v for v in view.values.model.rows if v.is_current)
    view.values.select_id(first.id)
    view.correct_value()
    editor = wait_dialog(qtbot, ValueEditor)
    assert not editor.period.isEnabled()  # a correction keeps its key
    editor.numerator.setText(str(int(first.numerator) - 1))
    editor.save()
    qtbot.waitUntil(lambda: editor.result_data is not None, timeout=10000)
    idle(qtbot, window)
    assert editor.result_data.data_version == first.data_version + 1
    with session_of(window) as s:
        versions = [
            v
            for v in indicator_values.list_values(s, first.indicator_id)
            if v.cluster_id == first.cluster_id and v.period_start == first.period_start
        ]
    assert [(v.data_version, v.is_current) for v in versions] == [(2, True), (1, False)]


def test_sheet_editor_shows_errors_under_the_field(qtbot, window):
    view = window.show_view("indicators")
    idle(qtbot, window)
    view.new_record()
    editor = wait_dialog(qtbot, IndicatorEditor)
    editor.code.setText("HOM-01")  # taken
    editor.name.setText("Otra tasa")
    editor.commitments.filter.setText("SIDOC")
    assert 0 < editor.commitments.proxy.rowCount() < editor.commitments.model.rowCount()
    editor.save()
    qtbot.waitUntil(lambda: editor.field_error("code") != "", timeout=10000)
    assert "ya existe" in editor.field_error("code")
    editor.done(0)
