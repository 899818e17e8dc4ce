"""The reporting cycle in the window: the *Reportes de los aliados* grid (states in colour and
words, filters, the keyboard), a report reviewed and sent back with remarks, another accepted,
a period closed and reopened with reasons, the Panel's tile, and evidence added to a progress
update and deleted with a reason. PNGs under tests/_artifacts/reporting/."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select
from window_support import TODAY, idle, wait_dialog

from pazos_desktop.db.models.register import HistoryEntry
from pazos_desktop.db.models.reporting import Evidence, PartnerReport
from pazos_desktop.services.reporting.closures import list_closures
from ui.reporting.dialogs import CloseDialog, EvidenceDialog
from ui.reporting.review import ReviewDialog

pytest_plugins = ["window_fixtures"]


def _view(qtbot, window):
    view = window.show_view("reporting")
    idle(qtbot, window)
    return view


def _cell_with(view, label: str):
    model = view.model
    for row in range(model.rowCount()):
        for column in range(1, model.columnCount()):
            if model.index(row, column).data() == label:
                return model.index(row, column)
    return None


def _states(grid, period) -> set[str]:
    return {grid.state(p[0], period.code) for p in grid.partners} - {None}


def _state(window, partner_id: int, code: str) -> str:
    with window.ops.db.session() as s:
        return s.scalar(
            select(PartnerReport.state).where(
                PartnerReport.partner_id == partner_id, PartnerReport.period_code == code
            )
        )


def _review(qtbot, window, view, label: str) -> ReviewDialog:
    view.state_box.setCurrentIndex(0)
    index = _cell_with(view, label)
    assert index is not None, label
    view.table.setFocus()
    view.table.setCurrentIndex(index)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter opens the cell's report
    return wait_dialog(qtbot, ReviewDialog)


def test_grid_filters_review_send_back_and_accept(qtbot, window, recorder, artifacts, tmp_path):
    out = artifacts / "reporting"
    out.mkdir(parents=True, exist_ok=True)
    window.resize(1366, 768)
    view = _view(qtbot, window)
    everyone = view.model.rowCount()
    assert everyone > 5 and view.model.columnCount() == 1 + len(view.grid.periods)
    assert "recibidos" in view.summary.text()
    window.grab().save(str(out / "view.png"))
    late = next(p for p in view.grid.periods if "overdue" in _states(view.grid, p))
    view.period_box.setCurrentIndex(view.grid.periods.index(late))
    view.state_box.setCurrentIndex(view.state_box.findData("overdue"))
    idle(qtbot, window)
    assert 0 < view.model.rowCount() < everyone
    assert {view.grid.state(r[0], late.code) for r in view.model.rows} == {"overdue"}
    view.search.setText("zzz ninguna")
    assert view.model.rowCount() == 0
    view.search.clear()

    dialog = _review(qtbot, window, view, "Recibido")
    partner, code = dialog.review.line.partner_id, dialog.review.line.period.code
    assert dialog.return_button.isEnabled() and dialog.table.rowCount() > 0
    dialog.table.item(0, 5).setText("Revise el logrado: parece del periodo, no acumulado")
    dialog.general.setPlainText("Faltan las listas de asistencia")
    dialog.grab().save(str(out / "review.png"))
    dialog.resize(780, dialog.height())  # a narrow screen: every column in sight, none hidden
    qtbot.waitUntil(lambda: dialog.width() == 780)
    table = dialog.table
    assert table.horizontalScrollBar().maximum() == 0
    remark = table.columnViewportPosition(5) + table.columnWidth(5)
    assert table.columnWidth(5) >= 100 and remark <= table.viewport().width()
    dialog.grab().save(str(out / "review_narrow.png"))
    recorder.files.append(str(tmp_path))
    dialog.return_button.click()
    qtbot.waitUntil(lambda: _state(window, partner, code) == "returned", timeout=20000)
    idle(qtbot, window)
    assert any("Reporte devuelto" in text for _title, text in recorder.told)
    assert list(tmp_path.glob("*.xlsx")) and list(tmp_path.glob("*.eml"))

    dialog = _review(qtbot, window, view, "Recibido")
    other, code = dialog.review.line.partner_id, dialog.review.line.period.code
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: _state(window, other, code) == "accepted", timeout=20000)
    idle(qtbot, window)


def test_close_and_reopen_a_period(qtbot, window, recorder):
    view = _view(qtbot, window)
    view.actions.close_period()
    dialog = wait_dialog(qtbot, CloseDialog)
    dialog.save()  # without a reason: the core's message under the field
    idle(qtbot, window)
    assert dialog.field_error("reason") == "Motivo: escriba por qué."
    dialog.reason.setPlainText("Presentado en la mesa del 3 de diciembre")
    dialog.save()
    idle(qtbot, window)
    with window.ops.db.session() as s:
        [closure] = [
            c for c in list_closures(s) if c.active and c.period_code == view.period().code
        ]
    assert closure.reason == "Presentado en la mesa del 3 de diciembre"
    assert "Cerrado (todos los clústeres)" in view.summary.text()
    recorder.texts.append("Falta el reporte de una entidad")
    view.actions.reopen_period()
    idle(qtbot, window)
    with window.ops.db.session() as s:
        reopened = next(c for c in list_closures(s) if c.id == closure.id)
        reasons = s.scalars(
            select(HistoryEntry.reason).where(
                HistoryEntry.entity == "period_closure", HistoryEntry.entity_id == closure.id
            )
        ).all()
    assert reopened.reopen_reason == "Falta el reporte de una entidad"
    assert "Falta el reporte de una entidad" in reasons
    assert "Reabierto el" in view.summary.text()


def test_panel_tile_and_evidence_of_a_progress_update(qtbot, window, recorder, tmp_path):
    dashboard = window.show_view("dashboard")
    idle(qtbot, window)
    tile = dashboard.reporting
    assert tile.figures is not None and "Reportes de este periodo" in tile.text.text()
    assert "sin aceptar" in tile.text.text()
    tile.go.click()
    assert window.current_view() is window.view("reporting")

    commitments = window.show_view("commitments")
    idle(qtbot, window)
    detail = commitments.detail
    rows = commitments.model
    for row in range(rows.rowCount()):
        commitments.table.selectRow(row)
        idle(qtbot, window)
        if detail.evidence.updates:
            break
    panel = detail.evidence
    before = panel.panel.model.rowCount()
    panel.add()
    dialog = wait_dialog(qtbot, EvidenceDialog)
    picture = tmp_path / "jornada.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    dialog.path.setText(str(picture))
    dialog.description.setPlainText("Foto de la jornada")
    dialog.personal.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: panel.panel.model.rowCount() == before + 1, timeout=15000)
    panel.panel.table.selectRow(0)
    panel.open()
    idle(qtbot, window)
    assert recorder.opened and recorder.opened[-1].endswith(".png")
    chosen = panel.panel.current()
    recorder.texts.append("Foto repetida")
    panel.delete()
    qtbot.waitUntil(lambda: panel.panel.model.rowCount() == before, timeout=15000)
    with window.ops.db.session() as s:
        assert s.get(Evidence, chosen.id) is None


def test_sheets_go_out_sent_and_come_back_received(qtbot, window, recorder, tmp_path):
    from openpyxl import load_workbook

    from pazos_desktop.excel.partner.sheets import KEYS
    from pazos_desktop.services.reporting import states
    from ui.excel.partner_dialog import ExcelPartnerDialog
    from ui.excel.preview_dialog import ExcelPreviewDialog

    window.prefs.set_export_folder(str(tmp_path))
    view = _view(qtbot, window)
    period = view.period()
    with window.ops.db.session() as s:
        line = next(
            x for x in states.period_lines(s, period, TODAY) if x.stored in ("pending", "sent")
        )
    view.actions.export_sheets()
    dialog = wait_dialog(qtbot, ExcelPartnerDialog)
    assert dialog.period().code == period.code  # the view's period, chosen first
    for row in range(dialog.list.count()):
        item = dialog.list.item(row)
        mine = item.data(Qt.ItemDataRole.UserRole) == line.partner_id
        item.setCheckState(Qt.CheckState.Checked if mine else Qt.CheckState.Unchecked)
    dialog.ok.click()
    qtbot.waitUntil(lambda: _state(window, line.partner_id, period.code) == "sent", timeout=20000)
    idle(qtbot, window)
    [sheet] = tmp_path.glob("*.xlsx")
    wb = load_workbook(sheet)
    ws = wb["Compromisos"]
    first = next(r for r in ws.iter_rows(min_row=4) if isinstance(r[0].value, int))
    first[KEYS.index("comment")].value = "Sin novedades este mes"
    wb.save(sheet)
    recorder.files.append([str(sheet)])
    window.excel_menu.entries["import_returned_sheets"].trigger()
    preview = wait_dialog(qtbot, ExcelPreviewDialog)
    assert preview.apply_button.isEnabled()
    preview.apply_button.click()
    qtbot.waitUntil(
        lambda: _state(window, line.partner_id, period.code) == "received", timeout=20000
    )
    idle(qtbot, window)
    assert any("Reportes recibidos: 1" in text for _title, text in recorder.told)
