"""The commitments table: creating, filtering by cluster and text, sorting, progress updates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from sqlalchemy import select
from window_support import TODAY, gone, idle, session_of, wait_dialog

from pazos_desktop.db.models.register import Commitment, ProgressUpdate
from pazos_desktop.domain.vocabulary import OVERDUE
from pazos_desktop.services import territory
from pazos_desktop.services.commitments import search
from pazos_desktop.services.commitments.search import CommitmentFilter
from ui.dialogs.commitment import CommitmentEditor, ProgressEditor
from ui.models.commitments import CommitmentTableModel

pytest_plugins = ["window_fixtures"]  # the window fixtures


def commitments_view(qtbot, window):
    view = window.show_view("commitments")
    idle(qtbot, window)
    return view


def core_ids(window, f: CommitmentFilter, sort="due_date", descending=False) -> list[int]:
    with session_of(window) as s:
        return search.commitment_ids(s, f, sort, descending)


def test_create_commitment(qtbot, window):
    view = commitments_view(qtbot, window)
    view.new_record()
    editor = wait_dialog(qtbot, CommitmentEditor)
    qtbot.keyClicks(editor.title, "Talleres de prueba en la escuela")
    editor.partner.setCurrentIndex(1)
    editor.component.setCurrentIndex(2)
    editor.clusters.list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(editor.target, "1.200")
    qtbot.keyClicks(editor.amount, "$ 2.500.000")
    qtbot.keyClicks(editor.due, "15/12/2030")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: gone(editor), timeout=10000)
    idle(qtbot, window)
    with session_of(window) as s:
        saved = s.scalars(
            select(Commitment).where(Commitment.title.like("Talleres de prueba%"))
        ).one()
        assert (saved.target_quantity, saved.amount_cop) == (1200, 2_500_000)
        assert saved.due_date.isoformat() == "2030-12-15" and len(saved.clusters) == 1
    assert saved.id in view.model.ids


def test_commitment_needs_clusters_and_nothing_is_saved(qtbot, window):
    view = commitments_view(qtbot, window)
    before = len(view.model.ids)
    view.new_record()
    editor = wait_dialog(qtbot, CommitmentEditor)
    qtbot.keyClicks(editor.title, "Sin clusteres")
    editor.save()
    qtbot.waitUntil(lambda: bool(editor.field_error("cluster_ids")), timeout=10000)
    assert editor.field_error("partner_id") and editor.field_error("component_id")
    idle(qtbot, window)
    assert len(core_ids(window, CommitmentFilter())) == before


def test_filter_by_cluster_and_text(qtbot, window):
    view = commitments_view(qtbot, window)
    qtbot.waitUntil(lambda: view.cluster.count() > 1, timeout=10000)
    view.cluster.setCurrentIndex(3)
    cluster_id = view.cluster.currentData()
    idle(qtbot, window)
    expected = core_ids(window, CommitmentFilter(cluster_ids=[cluster_id]))
    assert view.model.ids == expected and 0 < len(expected) < 150
    qtbot.keyClicks(view.search, "JORNADAS conciliacion")  # any case, no accents
    idle(qtbot, window)
    both = CommitmentFilter(cluster_ids=[cluster_id], text="jornadas conciliación")
    assert view.model.ids == core_ids(window, both)
    assert all(
        "Jornadas de conciliación" in view.model.row_at(i).title for i in range(len(view.model.ids))
    )
    n = len(view.model.ids)
    assert view.count_label.text() == f"{n} compromiso" + ("s" if n != 1 else "")
    view.clear_filters()
    idle(qtbot, window)
    assert len(view.model.ids) == len(core_ids(window, CommitmentFilter()))


def test_filter_by_status_overdue_and_due_range(qtbot, window):
    view = commitments_view(qtbot, window)
    view.status.setCurrentIndex(view.status.findData(OVERDUE))
    idle(qtbot, window)
    assert view.model.ids == core_ids(window, CommitmentFilter(statuses=[OVERDUE]))
    row = view.model.row_at(0)
    index = view.model.index(0, 7)
    assert index.data() == "Vencido" and row.effective_status == OVERDUE
    assert isinstance(index.data(Qt.ItemDataRole.BackgroundRole), QBrush)
    view.status.setCurrentIndex(0)
    view.due_from.setText("01/01/2026")
    view.due_to.setText("31/12/2026")
    view._filters_changed()
    idle(qtbot, window)
    import datetime as dt

    f = CommitmentFilter(due_from=dt.date(2026, 1, 1), due_to=dt.date(2026, 12, 31))
    assert view.model.ids == core_ids(window, f)


def test_sorting_happens_in_sql(qtbot, window):
    view = commitments_view(qtbot, window)
    for column in range(view.model.columnCount()):
        key = view.model.columns[column].key
        view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        idle(qtbot, window)
        assert view.model.ids == core_ids(window, CommitmentFilter(), key, True), key


def test_add_progress_update_and_detail(qtbot, window):
    view = commitments_view(qtbot, window)
    view.table.selectRow(0)
    commitment_id = view.model.id_at(0)
    idle(qtbot, window)
    before = view.detail.progress_model.rowCount()
    qtbot.mouseClick(view.detail.progress_button, Qt.MouseButton.LeftButton)
    editor = wait_dialog(qtbot, ProgressEditor)
    editor.achieved.setText("7")
    qtbot.keyClicks(editor.comment, "Avance registrado en la prueba")
    editor.save()
    qtbot.waitUntil(lambda: gone(editor), timeout=10000)
    idle(qtbot, window)
    with session_of(window) as s:
        update = s.scalars(
            select(ProgressUpdate).where(ProgressUpdate.comment == "Avance registrado en la prueba")
        ).one()
        assert (update.commitment_id, update.achieved_quantity, update.date) == (
            commitment_id,
            7,
            TODAY,
        )
        assert s.get(Commitment, commitment_id).achieved_quantity == 7
    assert view.detail.progress_model.rowCount() == before + 1
    assert view.detail.history_model.rowCount() > 0


def test_enter_opens_editor_with_the_record(qtbot, window):
    view = commitments_view(qtbot, window)
    view.table.setFocus()
    view.table.selectRow(2)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    editor = wait_dialog(qtbot, CommitmentEditor)
    assert editor.data.id == view.model.id_at(2)
    assert editor.title.text() == view.model.row_at(2).title
    assert not editor.is_dirty()
    editor.reject()


def test_model_passes_qt_checks_and_loads_pages_lazily(qtbot, window, qtmodeltester):
    view = commitments_view(qtbot, window)
    model: CommitmentTableModel = view.model
    assert len(model.cache) <= 100 < len(model.ids) or len(model.ids) <= 100
    qtmodeltester.check(model)
    idle(qtbot, window)
    qtmodeltester.check(view.detail.progress_model)
    qtmodeltester.check(view.detail.history_model)


def test_lazy_pages_at_scale(qtbot, empty_window, qtmodeltester):
    """250 commitments: the first page comes with the ids, the others when first shown."""
    from pazos_desktop.services import components, partners
    from pazos_desktop.services.commitments.editing import CommitmentData, save_commitment

    with session_of(empty_window) as s:
        partner = partners.save_partner(s, partners.PartnerData(name="Entidad A"))
        cluster = territory.save_cluster(s, territory.ClusterData(name="Norte"))
        component = components.list_components(s)[0]
        for i in range(250):
            save_commitment(
                s,
                CommitmentData(
                    partner_id=partner.id,
                    component_id=component.id,
                    title=f"Compromiso {i:03}",
                    cluster_ids=[cluster.id],
                ),
            )
    view = commitments_view(qtbot, empty_window)
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    idle(qtbot, empty_window)
    model = view.model
    assert len(model.ids) == 250 and len(model.cache) == 100
    assert model.index(230, 3).data() == "…"  # asks for page 2
    idle(qtbot, empty_window)
    assert model.index(230, 3).data() == "Compromiso 230"
    assert len(model.cache) == 150  # pages 0 and 2
    qtmodeltester.check(model)
