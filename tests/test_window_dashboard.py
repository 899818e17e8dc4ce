"""The dashboard: figures from the core, a matrix cell click opens the filtered list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_support import idle, session_of

from pazos_desktop.domain.vocabulary import OVERDUE
from pazos_desktop.services.commitments import search
from pazos_desktop.services.commitments.search import CommitmentFilter
from pazos_desktop.services.report import summaries
from ui.models.matrix import MatrixModel, cell_text

pytest_plugins = ["window_fixtures"]  # the window fixtures


def dashboard(qtbot, window):
    view = window.show_view("dashboard")
    idle(qtbot, window)
    return view


def test_dashboard_shows_the_core_figures(qtbot, window, qtmodeltester):
    view = dashboard(qtbot, window)
    with session_of(window) as s:
        totals = summaries.status_totals(s)
        overall = summaries.overall(s)
        overdue = search.overdue(s, limit=50)
    assert view.total_card.value.text() == str(overall.total)
    assert view.cards[OVERDUE].value.text() == str(totals[OVERDUE])
    assert view.cards[OVERDUE].label.text() == "Vencido"
    assert [r.id for r in view.overdue_model.rows] == [r.id for r in overdue]
    assert view.chart.chart_.series()
    qtmodeltester.check(view.matrix_model)
    qtmodeltester.check(view.overdue_model)
    qtmodeltester.check(view.soon_model)


def test_matrix_cell_click_opens_filtered_commitments(qtbot, window):
    view = dashboard(qtbot, window)
    model: MatrixModel = view.matrix_model
    row, column = 2, 1
    cluster_id, component_id = model.ids(row, column)
    cell = model.matrix.cell(cluster_id, component_id)
    index = model.index(row, column)
    assert index.data() == cell_text(cell)
    rect = view.matrix_view.visualRect(index)
    qtbot.mouseClick(view.matrix_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    idle(qtbot, window)
    assert window.current_key() == "commitments"
    commitments = window.views["commitments"]
    qtbot.waitUntil(lambda: commitments.cluster.currentData() == cluster_id, timeout=10000)
    assert commitments.component.currentData() == component_id
    f = CommitmentFilter(cluster_ids=[cluster_id], component_ids=[component_id])
    with session_of(window) as s:
        expected = search.commitment_ids(s, f)
    assert commitments.model.ids == expected
    assert len(expected) == cell.total


def test_total_column_filters_by_cluster_only(qtbot, window):
    view = dashboard(qtbot, window)
    model = view.matrix_model
    last_column = model.columnCount() - 1
    view.open_cell(model.index(0, last_column))
    idle(qtbot, window)
    commitments = window.views["commitments"]
    cluster_id = model.ids(0, last_column)[0]
    assert commitments.model.filter.cluster_ids == [cluster_id]
    assert commitments.model.filter.component_ids == []
