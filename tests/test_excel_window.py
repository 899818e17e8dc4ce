"""The Excel menu driven as a coordinator would: export the partner sheets, fill one as the
partner, import it through the preview; a bad row blocks the import; a conflict is accepted;
the workbook goes out and comes back as a bulk import. PNGs under tests/_artifacts/excel_ui/."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select
from window_support import idle

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.register import Commitment, HistoryEntry, Partner, ProgressUpdate
from pazos_desktop.db.models.reporting import PartnerReport
from pazos_desktop.domain.formats import format_quantity
from pazos_desktop.excel.common import safe_file_stem
from pazos_desktop.safety import backup
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.reporting.periods import sending_period
from ui.excel.partner_dialog import ExcelPartnerDialog
from ui.excel.preview_dialog import ExcelPreviewDialog

pytest_plugins = ["window_fixtures"]
OUT = Path(__file__).parent / "_artifacts" / "excel_ui"
NEW, STATUS, DATE, COMMENT = 11, 12, 13, 14  # the partner's columns of a commitment sheet


@pytest.fixture
def told(recorder) -> list[tuple[str, str]]:
    """What the actions told the user (the interaction seam's recorder)."""
    return recorder.told


@pytest.fixture
def excel(window, tmp_path, told):
    window.prefs.set_export_folder(str(tmp_path / "exportes"))
    return window.excel_menu


def _wait_told(qtbot, told: list, count: int) -> str:
    qtbot.waitUntil(lambda: len(told) >= count, timeout=20000)
    return told[count - 1][1]


def _open_dialog(qtbot, excel, cls):
    qtbot.waitUntil(
        lambda: isinstance(excel.actions.dialog, cls) and excel.actions.dialog.isVisible(),
        timeout=20000,
    )
    return excel.actions.dialog


def _export_sheets(qtbot, excel, told, keep: set[str] | None = None) -> list[Path]:
    excel.entries["export_partner_sheets"].trigger()
    dialog = _open_dialog(qtbot, excel, ExcelPartnerDialog)
    if keep is not None:
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            chosen = any(item.text().startswith(k) for k in keep)
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
    assert dialog.ok.isEnabled()
    if keep is None:
        _save(dialog, "partner_sheets_dialog.png")
    dialog.ok.click()
    text = _wait_told(qtbot, told, len(told) + 1)
    assert text.startswith(("Se guardó 1 hoja ", "Se guardaron "))
    return sorted(Path(dialog.folder()).glob("*.xlsx"))


def _unreviewed_partner(window) -> str:
    """A partner with commitments whose report of the period the sheets ask about is not
    accepted in the sample: importing its sheet raises no conflict of the reporting cycle."""
    with window.ops.db.session(read_only=True) as s:
        period = sending_period(s, today_in(s))
        accepted = select(PartnerReport.partner_id).where(
            PartnerReport.state == "accepted", PartnerReport.period_code == period.code
        )
        query = (
            select(Partner.name)
            .join(Commitment)
            .where(Partner.archived.is_(False), Partner.id.not_in(accepted))
            .order_by(Partner.name)
        )
        return s.scalars(query).first()


def _fill(path: Path, values: dict[int, dict[int, object]]) -> None:
    """Type into the partner's cells: {commitment id: {column: value}}."""
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    for row in ws.iter_rows(min_row=4):
        for col, value in values.get(row[0].value, {}).items():
            ws.cell(row[0].row, col).value = value
    wb.save(path)


def _sheet_ids(path: Path) -> list[int]:
    ws = load_workbook(path, read_only=True)["Compromisos"]
    return [r[0] for r in ws.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]


def _import(qtbot, excel, recorder, paths: list[Path]) -> ExcelPreviewDialog:
    recorder.files.append([str(p) for p in paths])
    excel.entries["import_returned_sheets"].trigger()
    return _open_dialog(qtbot, excel, ExcelPreviewDialog)


def _save(widget, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(OUT / name))
    return OUT / name


def _cells(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_export_fill_import_accept(qtbot, window, excel, told, recorder):
    files = _export_sheets(qtbot, excel, told)
    with window.ops.db.session() as s:
        with_commitments = s.scalar(
            select(func.count(func.distinct(Commitment.partner_id)))
            .join(Partner)
            .where(Partner.archived.is_(False))
        )
    assert len(files) == with_commitments >= 2
    path = next(f for f in files if safe_file_stem(_unreviewed_partner(window)) in f.name)
    with window.ops.db.session() as s:
        # An open commitment: a report on it raises no doubt (a closed one reopened would).
        rows = [s.get(Commitment, i) for i in _sheet_ids(path)]
        first = next(c for c in rows if c.status in ("pipeline", "in_progress"))
        second = next(c.id for c in rows if c.id != first.id)
        new, day, first = first.achieved_quantity + 7, first.start_date, first.id
    status, label = "suspended", "Suspendido"
    _fill(
        path,
        {
            first: {NEW: new, STATUS: label, DATE: day, COMMENT: "Bien"},
            second: {COMMENT: "Reunión con el barrio"},
        },
    )
    dialog = _import(qtbot, excel, recorder, [path])
    assert dialog.tabs.currentWidget() is dialog.change_view  # no problems, no conflicts
    lines = _cells(dialog.changes)
    shown = format_quantity(new)
    # Lines follow the sheet's rows, whose order depends on the sample's dates (the run's day).
    assert [path.name, "Logrado", shown] in [[line[0], line[4], line[6]] for line in lines]
    assert dialog.change_view.isColumnHidden(0) and path.name in dialog.summary.text()
    assert any(line[4] == "Estado" and line[6] == label for line in lines)
    assert dialog.apply_button.isEnabled()
    _save(dialog, "preview_changes.png")
    dialog.apply_button.click()
    assert "avances registrados: 2" in _wait_told(qtbot, told, 2)
    idle(qtbot, window)
    with window.ops.db.session() as s:
        after = commitments.get_commitment(s, first)
        assert (after.achieved_quantity, after.status) == (new, status)
        # Dated on the last day of the sheet's period: not always its newest update.
        imported = [u for u in commitments.list_progress(s, second) if u.source == "import"]
        assert [u.comment for u in imported][:1] == ["Reunión con el barrio"]
        reasons = s.scalars(
            select(HistoryEntry.reason).where(HistoryEntry.entity_id == first)
        ).all()
        assert f"importación de {path.name}" in reasons
    backups = list(backup.folder_of(window.ops.db).glob("*-import.sqlite"))
    assert backups, "a backup is taken before the import"


def test_bad_row_blocks_apply(qtbot, window, excel, told, recorder):
    path = _export_sheets(qtbot, excel, told, keep={"Fundación SIDOC"})[0]
    first, second = _sheet_ids(path)[:2]
    _fill(path, {first: {NEW: -3}, second: {STATUS: "Volando", NEW: 2}})
    before = _counts(window)
    dialog = _import(qtbot, excel, recorder, [path])
    assert dialog.tabs.currentWidget() is dialog.problem_view
    negative, unknown = _cells(dialog.problems)
    assert negative[:3] == [path.name, "Compromisos", "5"]
    assert (
        negative[3].startswith("Nuevo logrado") and negative[4] == "Logrado: no puede ser negativo."
    )
    assert unknown[1:4] == ["Compromisos", "6", "Nuevo estado"] and "«Volando»" in unknown[4]
    assert not dialog.apply_button.isEnabled()
    assert "No se aplicará nada" in dialog.verdict.text()
    _save(dialog, "preview_problems.png")
    dialog.reject()
    idle(qtbot, window)
    assert _counts(window) == before


def test_conflict_listed_and_accepted(qtbot, window, excel, told, recorder):
    path = _export_sheets(qtbot, excel, told, keep={_unreviewed_partner(window)})[0]
    first = _sheet_ids(path)[0]
    with window.ops.db.session() as s:  # someone edits it after the sheet went out
        row = s.get(Commitment, first)
        row.notes = "cambiado en la oficina"
    _fill(path, {first: {NEW: 3, COMMENT: "Avance del socio"}})
    dialog = _import(qtbot, excel, recorder, [path])
    assert dialog.tabs.currentIndex() == 1  # the conflicts tab
    conflict = _cells(dialog.conflicts)[0]
    assert "Cambió en la base de datos" in conflict[4] and "3" in conflict[5]
    assert not dialog.apply_button.isEnabled()  # nothing to apply until accepted
    box = dialog.conflicts.index(0, 0)
    assert dialog.conflicts.setData(
        box, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert dialog.apply_button.isEnabled() and dialog.accepted_keys() == {f"commitment:{first}"}
    _save(dialog, "preview_conflict.png")
    dialog.apply_button.click()
    assert "conflictos omitidos: 0" in _wait_told(qtbot, told, 2)
    with window.ops.db.session() as s:
        assert s.get(Commitment, first).achieved_quantity == 3


def test_workbook_template_and_bulk(qtbot, window, excel, told, recorder, tmp_path):
    book, template = tmp_path / "libro.xlsx", tmp_path / "plantilla"
    recorder.files.append(str(book))
    excel.entries["export_workbook"].trigger()
    assert "Libro guardado" in _wait_told(qtbot, told, 1)
    recorder.files.append(str(template))
    excel.entries["download_template"].trigger()
    assert "Plantilla guardada" in _wait_told(qtbot, told, 2)
    assert "Instrucciones" in load_workbook(tmp_path / "plantilla.xlsx", read_only=True).sheetnames
    wb = load_workbook(book)
    ws = wb["Entidades"]
    header = [c.value for c in ws[1]]
    assert str(ws.cell(2, 1).value).startswith("#")  # HXL row, on by default
    phone = header.index("Teléfono") + 1
    ws.cell(3, phone).value = "602 555 0101"
    name = ws.cell(3, header.index("Nombre") + 1).value
    wb.save(book)
    recorder.files.append(str(book))
    excel.entries["import_bulk"].trigger()
    dialog = _open_dialog(qtbot, excel, ExcelPreviewDialog)
    assert [line[4:] for line in _cells(dialog.changes)] == [
        ["Teléfono", _cells(dialog.changes)[0][5], "602 555 0101"]
    ]
    dialog.apply_button.click()
    assert "actualizados: 1;" in _wait_told(qtbot, told, 3)
    with window.ops.db.session() as s:
        assert s.scalar(select(Partner.phone).where(Partner.name == name)) == "602 555 0101"


def test_menu_and_cancelled_export(qtbot, window, excel, told, recorder, tmp_path):
    menu = excel.menu
    assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "&Excel", "Ay&uda"]
    titles = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert titles[0] == "Exportar hojas de compromisos…" and all(
        a.isEnabled() for a in menu.actions()
    )
    window.menuBar().setActiveAction(menu.menuAction())
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    _save(menu, "menu_excel.png")
    shot = window.grab()  # the open menu drawn where it is on screen
    painter = QPainter(shot)
    painter.drawPixmap(menu.pos() - window.mapToGlobal(QPoint(0, 0)), menu.grab())
    painter.end()
    shot.save(str(OUT / "menu_window.png"))
    menu.hide()
    # The user cancels while the workbook is written: no file, a plain message.
    book = tmp_path / "cancelado.xlsx"
    recorder.files.append(str(book))
    excel.entries["export_workbook"].trigger()
    excel.actions.running.cancel()
    assert "cancelada" in _wait_told(qtbot, told, 1)
    assert not book.exists() and not list(tmp_path.glob(".*.tmp"))


def _counts(window) -> tuple:
    with window.ops.db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(ProgressUpdate)),
            s.scalar(select(func.count()).select_from(HistoryEntry)),
            s.scalar(select(func.sum(Commitment.version))),
        )


def test_menu_and_preview_in_english(qtbot, window, excel):
    from pazos_desktop.excel.preview import Preview

    window.set_language("en")
    idle(qtbot, window)
    assert excel.menu.title() == "&Excel"
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar == ["&File", "&Excel", "&Help"]
    assert excel.entries["export_partner_sheets"].text() == "Export commitment sheets…"
    preview = Preview("bulk", files=["x.xlsx"])
    preview.problem("x.xlsx", "Partners", 4, "NIT", "bad")
    dialog = ExcelPreviewDialog(preview, "Bulk import", window)
    assert dialog.apply_button.text() == "Apply" and not dialog.apply_button.isEnabled()
    assert dialog.tabs.tabText(0) == "Problems (1)"
    assert dialog.problems.headerData(3, Qt.Orientation.Horizontal) == "Column"
    dialog.deleteLater()


def test_files_that_are_not_sheets(qtbot, window, excel, told, tmp_path, recorder):
    fake = tmp_path / "datos.xlsx"
    fake.write_text("nombre;telefono\nSIDOC;123\n", encoding="utf-8")  # a CSV renamed
    before = _counts(window)
    recorder.files.append(str(fake))
    excel.entries["import_bulk"].trigger()
    qtbot.waitUntil(lambda: bool(recorder.shown), timeout=20000)
    assert "datos.xlsx" in recorder.shown[0] and excel.actions.dialog is None
    dialog = _import(qtbot, excel, recorder, [fake])  # a returned sheet: listed as a problem
    assert _cells(dialog.problems)[0][0] == "datos.xlsx" and not dialog.apply_button.isEnabled()
    dialog.reject()
    assert _counts(window) == before
