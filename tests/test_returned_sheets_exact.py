"""Returned partner sheets read exactly: formulas count by the value saved with them in figure
and date cells and are refused in text cells, each row is the commitment its ID names, a file
given to the wrong import says which import it belongs to, one cause per refusal."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pazos_desktop.errors import PazosError
from pazos_desktop.excel import reader
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.workbook import write_template
from pazos_desktop.excel.data import load_partner_sheets, sheet_context
from pazos_desktop.excel.partner.apply import apply_progress
from pazos_desktop.excel.partner.returned import preview_progress
from pazos_desktop.excel.partner.sheets import KEYS, write_partner_sheet
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.report.filters import resolve_partners
from tests import excel_support
from tests.excel_support import SOFFICE, TODAY, db_state, libreoffice_convert

sample_db, sample_template = excel_support.sample_db, excel_support.sample_template  # fixtures
COL = {key: index + 1 for index, key in enumerate(KEYS)}  # 1-based columns of the sheet


def _letter(key: str) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[COL[key] - 1]


@pytest.fixture
def sheet(sample_db, tmp_path):
    """SIDOC's sheet as generated, its open commitments, and where each one's row is."""
    with sample_db.session(read_only=True) as s:
        data = load_partner_sheets(s, resolve_partners(s, ["SIDOC"]), on=TODAY)[0]
    path = tmp_path / "SIDOC.xlsx"
    write_partner_sheet(data, path)
    rows = [r for r in data.commitments if r.status in ("pipeline", "in_progress")]
    wb = load_workbook(path)
    where = {r[0].value: r[0].row for r in wb["Compromisos"].iter_rows(min_row=4)}
    return path, rows, where


def _type(path: Path, cells: dict[str, object], out: Path | None = None) -> Path:
    """Type into cells of the commitments sheet ("K5": value), as a partner would."""
    wb = load_workbook(path)
    for ref, value in cells.items():
        wb["Compromisos"][ref].value = value
    wb.save(out or path)
    return out or path


def _saved_values(path: Path, values: dict[str, object]) -> Path:
    """Give formula cells the result a spreadsheet saves with them (`<v>`), as Excel and
    LibreOffice do and openpyxl does not."""
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    for name, xml in parts.items():
        if not name.startswith("xl/worksheets/"):
            continue
        for ref, value in values.items():
            kind = ' t="str"' if isinstance(value, str) else ""
            pattern = rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?'.encode()
            xml = re.sub(pattern, rf'<c r="{ref}"\1{kind}><f>\2</f><v>{value}</v>'.encode(), xml)
        parts[name] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return path


def _preview(db, paths):
    with db.session(read_only=True) as s:
        return preview_progress(s, list(paths), on=TODAY)


def _problems(preview) -> list[tuple[int, str, str]]:
    return sorted((p.row, p.column, p.message) for p in preview.problems)


def test_formulas_with_and_without_saved_values(sample_db, sheet, tmp_path):
    path, rows, where = sheet
    a, b, c = rows[:3]
    ra, rb, rc = (where[r.id] for r in (a, b, c))
    new, date, comment = (_letter(k) for k in ("new_achieved", "progress_date", "comment"))
    typed = {
        f"{new}{ra}": f"={int(a.achieved_quantity)}+8",
        f"{date}{rb}": "=DATE(2026,11,20)",
        f"{new}{rb}": b.achieved_quantity + 1,
        f"{comment}{rc}": "=cmd|' /C calc'!A0",
        f"{new}{rc}": c.achieved_quantity + 1,
    }
    _type(path, typed)
    before = db_state(sample_db)

    unsaved = _preview(sample_db, [path])  # as openpyxl wrote it: no result saved
    problems = _problems(unsaved)
    assert [(row, column) for row, column, _m in problems] == [
        (ra, "Nuevo logrado (acumulado)"),
        (rb, "Fecha del avance"),
        (rc, "Comentario"),
    ]
    assert "no guarda su resultado" in problems[0][2] and "+8»" in problems[0][2]
    assert "no guarda su resultado" in problems[1][2] and "DATE(2026,11,20)" in problems[1][2]
    assert "es una fórmula; aquí va un texto" in problems[2][2]

    saved = _saved_values(path, {f"{new}{ra}": a.achieved_quantity + 8, f"{date}{rb}": 46346})
    saved = _saved_values(saved, {f"{comment}{rc}": "#NAME?"})  # what the spreadsheet showed
    preview = _preview(sample_db, [saved])
    assert [(row, column) for row, column, _m in _problems(preview)] == [(rc, "Comentario")]
    by_id = {ch.entity_id: ch.payload for ch in preview.changes}
    assert by_id[a.id]["achieved"] == a.achieved_quantity + 8  # counted by its saved value
    assert by_id[b.id]["date"] == dt.date(2026, 11, 20)
    assert db_state(sample_db) == before  # a problem stops the whole import

    _type(saved, {f"{comment}{rc}": "Talleres dictados"})  # the partner fixes the comment
    _saved_values(saved, {f"{new}{ra}": a.achieved_quantity + 8, f"{date}{rb}": 46346})
    with sample_db.session() as s:
        preview = preview_progress(s, [saved], on=TODAY)
        assert preview.ok, _problems(preview)
        apply_progress(s, preview, on=TODAY)
    with sample_db.session(read_only=True) as s:
        assert commitments.get_commitment(s, a.id).achieved_quantity == a.achieved_quantity + 8


def test_a_formula_in_a_figure_cell_that_gives_no_number(sample_db, sheet):
    path, rows, where = sheet
    new = _letter("new_achieved")
    ref = f"{new}{where[rows[0].id]}"
    _saved_values(_type(path, {ref: "=1/0"}), {ref: "#DIV/0!"})
    [(_row, column, message)] = _problems(_preview(sample_db, [path]))
    assert column == "Nuevo logrado (acumulado)"
    assert "la fórmula «=1/0» da «#DIV/0!»" in message


def test_an_id_typed_over_is_a_conflict_showing_both(sample_db, sheet):
    """An ID changed to another commitment of the same partner, with a figure that goes up: it
    was applied to the wrong commitment without a word."""
    path, rows, where = sheet
    a, b = rows[:2]
    assert (a.title, a.clusters) != (b.title, b.clusters)
    row = where[a.id]
    _type(path, {f"A{row}": b.id, f"{_letter('new_achieved')}{row}": b.achieved_quantity + 5})
    before = db_state(sample_db)
    preview = _preview(sample_db, [path])
    assert preview.ok and preview.changes == []
    [conflict] = preview.conflicts
    assert conflict.row == row and conflict.key == f"commitment:{b.id}"
    assert f"La fila muestra «{a.title}» en {a.clusters}," in conflict.reason
    assert f"el ID {b.id} es «{b.title}» en {b.clusters} según la base" in conflict.reason
    with sample_db.session() as s:
        preview = preview_progress(s, [path], on=TODAY)
        result = apply_progress(s, preview, on=TODAY)  # conflicts are skipped unless accepted
    assert result.skipped_conflicts == 1 and db_state(sample_db) == before


def test_the_printed_row_is_checked_even_when_the_figure_goes_down(sample_db, sheet):
    path, rows, where = sheet
    a, b = rows[:2]
    row = where[a.id]
    _type(path, {f"A{row}": b.id, f"{_letter('comment')}{row}": "Se hicieron 3 talleres"})
    [conflict] = _preview(sample_db, [path]).conflicts
    assert "¿se cambió el ID?" in conflict.reason


def test_a_file_given_to_the_wrong_import_names_the_right_one(sample_db, sheet, tmp_path):
    path, _rows, _where = sheet
    with sample_db.session(read_only=True) as s:
        with pytest.raises(PazosError) as err:
            preview_bulk(s, path)
        assert "Importar hojas devueltas" in err.value.message
        assert "import progress" in err.value.message
        write_template(sheet_context(s, TODAY), ["Prevención"], tmp_path / "plantilla.xlsx")
    [problem] = _preview(sample_db, [tmp_path / "plantilla.xlsx"]).problems
    assert "Importar carga masiva" in problem.message and "import bulk" in problem.message


def _ole(path: Path, *streams: str) -> Path:
    """An OLE container naming `streams` in its directory (UTF-16, as Excel writes them)."""
    body = b"".join(s.encode("utf-16-le") + b"\x00" * 8 for s in streams)
    path.write_bytes(reader.OLE_MAGIC + b"\x00" * 504 + body + b"\x00" * 512)
    return path


def test_each_refusal_names_one_cause(sample_db, sheet, tmp_path):
    good, _rows, _where = sheet
    old = _ole(tmp_path / "hoja.xls", "Root Entry", "Workbook", "SummaryInformation")
    locked = _ole(tmp_path / "hoja.xlsx", "Root Entry", "EncryptionInfo", "EncryptedPackage")
    linked = tmp_path / "vinculos.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(linked, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        dst.writestr("xl/externalLinks/externalLink1.xml", b"<externalLink/>")
    messages = {p.name: _preview(sample_db, [p]).problems[0].message for p in (old, locked, linked)}
    assert "formato antiguo de Excel (.xls)" in messages["hoja.xls"]
    assert "contraseña" not in messages["hoja.xls"]
    assert "protegido con contraseña" in messages["hoja.xlsx"]
    assert ".xls" not in messages["hoja.xlsx"].replace(".xlsx", "")
    assert "vínculos a otros archivos o programas" in messages["vinculos.xlsx"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_saves_the_results_the_import_counts(sample_db, sheet, tmp_path):
    """A partner using LibreOffice: the formulas typed are computed and saved with the file."""
    path, rows, where = sheet
    a, b = rows[:2]
    new, date = _letter("new_achieved"), _letter("progress_date")
    _type(path, {f"{new}{where[a.id]}": f"={int(a.achieved_quantity)}+8"})
    _type(path, {f"{date}{where[b.id]}": "=DATE(2026,11,20)"})
    _type(path, {f"{new}{where[b.id]}": b.achieved_quantity + 1})
    resaved = libreoffice_convert(path, tmp_path / "lo")
    preview = _preview(sample_db, [resaved])
    assert preview.ok, _problems(preview)
    by_id = {ch.entity_id: ch.payload for ch in preview.changes}
    assert by_id[a.id]["achieved"] == a.achieved_quantity + 8
    assert by_id[b.id]["date"] == dt.date(2026, 11, 20)
