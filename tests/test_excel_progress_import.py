"""Importing returned partner sheets: the round trip a partner makes, conflicts, rejections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pazos_desktop.db.models.register import HistoryEntry, ProgressUpdate
from pazos_desktop.errors import PazosError
from pazos_desktop.excel.data import load_partner_sheets
from pazos_desktop.excel.partner.apply import apply_progress
from pazos_desktop.excel.partner.returned import preview_progress
from pazos_desktop.excel.partner.sheets import write_partner_sheet
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.report.filters import resolve_partners
from tests.excel_support import (
    SOFFICE,
    TODAY,
    db_state,
    libreoffice_convert,
    sample_db,
    sample_template,
)

__all__ = ["sample_db", "sample_template"]
NEW, STATUS, DATE, COMMENT = 11, 12, 13, 14  # the partner's columns (1-based)


def _export(db, tmp_path: Path, who: str = "SIDOC") -> tuple[Path, list]:
    with db.session() as s:
        data = load_partner_sheets(s, resolve_partners(s, [who]), on=TODAY)[0]
    path = tmp_path / f"{who}.xlsx"
    write_partner_sheet(data, path)
    return path, data.commitments


def _fill(path: Path, values: dict[int, dict[int, object]], out: Path | None = None) -> Path:
    """Type into the partner's cells as a partner would: {commitment id: {column: value}}."""
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    for row in ws.iter_rows(min_row=4):
        for col, value in values.get(row[0].value, {}).items():
            ws.cell(row[0].row, col).value = value
    wb.save(out or path)
    return out or path


def _open(rows) -> list:
    """Open commitments: reporting on them raises no doubt (a closed one reopened would)."""
    return [r for r in rows if r.status in ("pipeline", "in_progress")]


def _more(row, by: float = 1) -> float:
    """A new cumulative figure above the current one (a lower one is a doubt)."""
    return row.achieved_quantity + by


def _import(db, paths, **kw):
    with db.session() as s:
        preview = preview_progress(s, list(paths), on=TODAY, **kw)
        result = apply_progress(s, preview, on=TODAY) if preview.ok else None
    return preview, result


def test_round_trip_as_a_partner(sample_db, tmp_path):
    path, rows = _export(sample_db, tmp_path)
    a, b = _open(rows)[:2]
    _fill(
        path,
        {
            a.id: {
                NEW: _more(a),
                STATUS: "Cumplido",
                DATE: dt.datetime(2026, 11, 20),
                COMMENT: "Bien",
            },
            b.id: {COMMENT: "+57 llamar", STATUS: "in progress"},
        },
    )
    preview, result = _import(sample_db, [path])
    assert preview.ok and not preview.conflicts and result.progress == 2
    with sample_db.session() as s:
        after = commitments.get_commitment(s, a.id)
        assert (after.achieved_quantity, after.status) == (_more(a), "completed")
        update = commitments.list_progress(s, a.id)[0]
        assert update.source == "import" and update.source_ref == f"importación de {path.name}"
        assert update.date == dt.date(2026, 11, 20) and update.comment == "Bien"
        assert commitments.list_progress(s, b.id)[0].comment == "+57 llamar"
        reasons = s.scalars(
            select(HistoryEntry.reason).where(
                HistoryEntry.entity == "commitment", HistoryEntry.entity_id == a.id
            )
        ).all()
        assert f"importación de {path.name}" in reasons
    before = db_state(sample_db)
    again, result = _import(sample_db, [path])
    assert again.changes == [] and again.conflicts == [] and again.unchanged == 2
    assert db_state(sample_db) == before and result.progress == 0


def test_changed_since_generation_is_a_conflict(sample_db, tmp_path):
    path, rows = _export(sample_db, tmp_path)
    target, other = rows[0], rows[1]
    with sample_db.session() as s:
        c = commitments.get_commitment(s, target.id)
        c.unit = "otra unidad"
        commitments.save_commitment(s, c)
    _fill(path, {target.id: {NEW: _more(target, 3)}, other.id: {NEW: _more(other)}})
    with sample_db.session() as s:
        preview = preview_progress(s, [path], on=TODAY)
        assert [c.key for c in preview.conflicts] == [f"commitment:{target.id}"]
        assert "después de generar la hoja" in preview.conflicts[0].reason
        skipped = apply_progress(s, preview, on=TODAY)
        assert skipped.progress == 1 and skipped.skipped_conflicts == 1
        assert commitments.get_commitment(s, target.id).achieved_quantity != _more(target, 3)
    with sample_db.session() as s:
        preview = preview_progress(s, [path], on=TODAY)
        apply_progress(s, preview, accept={f"commitment:{target.id}"}, on=TODAY)
        assert commitments.get_commitment(s, target.id).achieved_quantity == _more(target, 3)


def test_sheet_of_another_partner_is_a_conflict(sample_db, tmp_path):
    path, rows = _export(sample_db, tmp_path)
    _fill(path, {rows[0].id: {NEW: 1}})
    with sample_db.session() as s:
        other = resolve_partners(s, ["WRI"])[0]
        preview = preview_progress(s, [path], expected_partner_id=other, on=TODAY)
        assert preview.changes == [] and preview.conflicts[0].key == f"file:{path.name}"
        assert "WRI Colombia" in preview.conflicts[0].reason
        assert apply_progress(s, preview, on=TODAY).progress == 0


def test_commitment_moved_to_another_partner_is_a_conflict(sample_db, tmp_path):
    path, rows = _export(sample_db, tmp_path)
    _fill(path, {rows[0].id: {NEW: 1}})
    with sample_db.session() as s:
        c = commitments.get_commitment(s, rows[0].id)
        c.partner_id, c.contact_id = resolve_partners(s, ["WRI"])[0], None
        commitments.save_commitment(s, c)
    with sample_db.session() as s:
        preview = preview_progress(s, [path], on=TODAY)
    assert "ahora es de «WRI Colombia»" in preview.conflicts[0].reason


@pytest.mark.parametrize(
    "column, value, header, message",
    [
        (STATUS, "Terminado", "Nuevo estado", "Estado: «Terminado» no es una de las opciones"),
        (NEW, -4, "Nuevo logrado (acumulado)", "Logrado: no puede ser negativo."),
        (NEW, "muchos", "Nuevo logrado (acumulado)", "Logrado: «muchos» no es un número"),
        (DATE, "31/02/2026", "Fecha del avance", "Fecha del avance: «31/02/2026» no es una fecha"),
        (DATE, dt.datetime(2027, 1, 1), "Fecha del avance", "no puede ser posterior a hoy"),
        (COMMENT, "a\x01b", "Comentario", "Comentario: contiene caracteres de control"),
    ],
)
def test_bad_cells_are_problems_and_change_nothing(
    sample_db, tmp_path, column, value, header, message
):
    path, rows = _export(sample_db, tmp_path)
    _fill(path, {rows[0].id: {NEW: _more(rows[0])}})
    if column == COMMENT:  # openpyxl refuses to write it: escape it as Excel does, in the XML
        _fill(path, {rows[2].id: {COMMENT: "PLACEHOLDER"}})
        _replace_in_zip(path, b"PLACEHOLDER", b"a_x0001_b")
    else:
        _fill(path, {rows[2].id: {column: value}})
    before = db_state(sample_db)
    preview, result = _import(sample_db, [path])
    assert result is None and len(preview.problems) == 1
    problem = preview.problems[0]
    assert (problem.sheet, problem.column) == ("Compromisos", header)
    assert message in problem.message
    assert problem.row > 3 and str(problem).startswith(f"{path.name}, hoja «Compromisos», fila")
    assert db_state(sample_db) == before
    with sample_db.session() as s, pytest.raises(PazosError, match="1 problemas"):
        apply_progress(s, preview)


def _replace_in_zip(path: Path, old: bytes, new: bytes) -> None:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content.replace(old, new))


def test_unknown_and_repeated_ids(sample_db, tmp_path):
    path, rows = _export(sample_db, tmp_path)
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    ws.protection.sheet = False
    ids = [r for r in ws.iter_rows(min_row=4) if isinstance(r[0].value, int)]
    ids[0][0].value = 999_999
    ids[0][NEW - 1].value = 1
    ids[1][NEW - 1].value = 3
    wb.save(path)
    second = tmp_path / "copia.xlsx"
    _fill(path, {rows[1].id: {NEW: 2}}, out=second)
    before = db_state(sample_db)
    preview, _result = _import(sample_db, [path, second])
    messages = sorted(p.message for p in preview.problems)
    assert "El compromiso «999999» no existe en la base de datos." in messages
    assert any("también viene en" in m for m in messages)
    assert db_state(sample_db) == before


def test_untrusted_files_get_clear_messages(sample_db, tmp_path, monkeypatch):
    import zipfile

    from pazos_desktop.excel import reader

    cases = {}
    csv = tmp_path / "datos.xlsx"
    csv.write_text("id;avance\n1;2\n", encoding="utf-8")
    cases[csv] = "puede ser un CSV"
    broken = tmp_path / "roto.xlsx"
    good, _rows = _export(sample_db, tmp_path)
    broken.write_bytes(good.read_bytes()[:3000])
    cases[broken] = "está dañado"
    ole = tmp_path / "clave.xlsx"
    ole.write_bytes(reader.OLE_MAGIC + b"\x00" * 600)
    cases[ole] = "protegido con contraseña"
    bomb = tmp_path / "bomba.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w") as dst:
        for name in src.namelist():
            content = src.read(name)
            if name == "xl/workbook.xml":
                entity = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                content = entity + content
            dst.writestr(name, content)
    cases[bomb] = "declaraciones XML no permitidas"
    zipbomb = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(zipbomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        dst.writestr("xl/media/relleno.bin", b"\x00" * 3_000_000)
    cases[zipbomb] = "ocupa demasiado al descomprimirse"
    other = tmp_path / "otra.xlsx"
    from openpyxl import Workbook

    Workbook().save(other)
    cases[other] = "no es una hoja de compromisos generada por PAZOS"
    before = db_state(sample_db)
    for path, expected in cases.items():
        with sample_db.session() as s:
            preview = preview_progress(s, [path], on=TODAY)
        assert len(preview.problems) == 1, path.name
        assert expected in preview.problems[0].message, preview.problems[0].message
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1000)
    with pytest.raises(PazosError, match="demasiado grande"):
        reader.check_file(good)
    assert db_state(sample_db) == before


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_round_trip_through_libreoffice(sample_db, tmp_path):
    path, rows = _export(sample_db, tmp_path)
    _fill(path, {rows[0].id: {NEW: 9, STATUS: "Suspendido", DATE: dt.datetime(2026, 11, 2)}})
    resaved = libreoffice_convert(path, tmp_path / "lo")
    preview, result = _import(sample_db, [resaved])
    assert preview.ok and result.progress == 1, [str(p) for p in preview.problems]
    with sample_db.session() as s:
        update = s.scalars(select(ProgressUpdate).where(ProgressUpdate.source == "import")).one()
        assert (update.achieved_quantity, update.status) == (9, "suspended")
        assert update.date == dt.date(2026, 11, 2)
