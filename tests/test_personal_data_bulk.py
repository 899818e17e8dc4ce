"""Authorisation states through the bulk format: the template and the workbook carry the
columns, a re-import changes nothing, filled cells are previewed then applied through the
authorisation service, and bad cells are reported where they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from pazos_desktop.excel.bulk.apply import apply_bulk
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.workbook import write_template, write_workbook
from pazos_desktop.excel.data import load_workbook_data, sheet_context
from pazos_desktop.services.personal_data import authorisations as auth
from tests.excel_support import TODAY, calamine_rows, sample_db, sample_template

__all__ = ["sample_db", "sample_template"]

HEADERS = [
    "Autorización: fecha",
    "Autorización: medio",
    "Autorización: finalidades",
    "Autorización: versión de la política",
    "Autorización: evidencia",
    "Autorización: revocada el",
]


def _workbook(db, path: Path) -> Path:
    with db.session() as s:
        write_workbook(load_workbook_data(s, on=TODAY), path, hxl=True)
    return path


def _preview(db, path: Path):
    with db.session() as s:
        return preview_bulk(s, path)


def _apply(db, path: Path):
    with db.session() as s:
        preview = preview_bulk(s, path)
        assert preview.ok, [str(p) for p in preview.problems]
        return preview, apply_bulk(s, preview)


def _edit_contact(path: Path, out: Path, contact_id: int, cells: dict[str, object]) -> int:
    """Write `cells` (header -> value) into the Contactos row of `contact_id`; its row number."""
    wb = load_workbook(path)
    ws = wb["Contactos"]
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=3):
        if row[0].value == contact_id:
            for header, value in cells.items():
                row[headers.index(header)].value = value
            wb.save(out)
            return row[0].row
    raise AssertionError(f"contact {contact_id} not in the sheet")


def _lacking_contact(db) -> int:
    with db.session() as s:
        return auth.list_contact_states(s, only_lacking=True)[0].id


def test_template_and_workbook_carry_the_authorisation_columns(sample_db, tmp_path):
    with sample_db.session() as s:
        ctx = sheet_context(s, TODAY)
    write_template(ctx, ["Prevención"], tmp_path / "plantilla.xlsx")
    header = calamine_rows(tmp_path / "plantilla.xlsx", "Contactos")[0]
    assert header[-7:-1] == HEADERS  # before the hidden version column
    path = _workbook(sample_db, tmp_path / "libro.xlsx")
    rows = calamine_rows(path, "Contactos")
    assert "#x_consent+date" in rows[1] and "#x_consent+policy" in rows[1]
    policies = {r[rows[0].index("Autorización: versión de la política")] for r in rows[2:]}
    assert {"1.0", "2.0"} <= policies
    preview = _preview(sample_db, path)
    assert preview.ok and preview.changes == [] and preview.conflicts == []  # round trip


def test_filled_cells_are_previewed_then_applied(sample_db, tmp_path):
    cid = _lacking_contact(sample_db)
    granted = TODAY - dt.timedelta(days=3)
    path = _workbook(sample_db, tmp_path / "libro.xlsx")
    edited = tmp_path / "editado.xlsx"
    _edit_contact(
        path,
        edited,
        cid,
        {
            HEADERS[0]: granted.strftime("%d/%m/%Y"),  # typed as text, as people do
            HEADERS[1]: "formato escrito",
            HEADERS[2]: "Registrar la asistencia y elaborar las actas de las reuniones; "
            "Enviar informes y documentos de la estrategia",
            HEADERS[3]: "2.0",
            HEADERS[4]: "Formato firmado n.º 88",
        },
    )
    preview = _preview(sample_db, edited)
    assert preview.ok and len(preview.changes) == 1
    change = preview.changes[0]
    assert change.entity == "contacts" and change.entity_id == cid
    line = change.fields[0]
    assert line.field == "Autorización" and line.old == "—"
    assert line.new == f"{granted:%d/%m/%Y} · Formato escrito · política 2.0"
    _apply(sample_db, edited)
    with sample_db.session() as s:
        state = auth.states_for(s, [cid])[cid]
        made = auth.authorisations_of(s, cid)
    assert state.valid and state.policy_label == "2.0" and len(made) == 1
    assert made[0].evidence_ref == "Formato firmado n.º 88" and len(made[0].purpose_ids) == 2
    again = _preview(sample_db, edited)
    assert again.ok and again.changes == []  # the same file twice: nothing more

    revoked = tmp_path / "revocado.xlsx"
    _edit_contact(_workbook(sample_db, tmp_path / "libro2.xlsx"), revoked, cid, {HEADERS[5]: TODAY})
    preview, _result = _apply(sample_db, revoked)
    assert "revocada el" in preview.changes[0].fields[0].new
    with sample_db.session() as s:
        assert auth.states_for(s, [cid])[cid].state == "revoked"
        assert len(auth.authorisations_of(s, cid)) == 1  # updated, not a second one


def test_bad_cells_are_reported_where_they_are(sample_db, tmp_path):
    cid = _lacking_contact(sample_db)
    path = _workbook(sample_db, tmp_path / "libro.xlsx")
    bad = tmp_path / "malo.xlsx"
    row = _edit_contact(
        path,
        bad,
        cid,
        {
            HEADERS[0]: TODAY + dt.timedelta(days=1),
            HEADERS[1]: "paloma mensajera",
            HEADERS[2]: "Vender datos",
            HEADERS[3]: "9.9",
        },
    )
    preview = _preview(sample_db, bad)
    assert not preview.ok
    found = {(p.row, p.column): p.message for p in preview.problems}
    assert "posterior a hoy" in found[(row, HEADERS[0])]
    assert "elija uno de la lista" in found[(row, HEADERS[1])]
    assert "no existe «Vender datos»" in found[(row, HEADERS[2])]
    assert "no existe la versión «9.9»" in found[(row, HEADERS[3])]


def test_dane_codes_travel_as_text_through_the_workbook(sample_db, tmp_path):
    path = _workbook(sample_db, tmp_path / "libro.xlsx")
    rows = calamine_rows(path, "Barrios")
    col = rows[0].index("Código DANE del municipio")
    assert rows[1][col] == "#adm2+code" and {r[col] for r in rows[2:]} == {"76520"}
    wb = load_workbook(path)
    ws = wb["Barrios"]
    ws.cell(row=3, column=col + 1).value = 5001  # Medellín, as Excel keeps a typed number
    ws.cell(row=3, column=col).value = 5
    wb.save(tmp_path / "medellin.xlsx")
    preview, _result = _apply(sample_db, tmp_path / "medellin.xlsx")
    assert [f.new for f in preview.changes[0].fields] == ["05", "05001"]
    from pazos_desktop.services import territory

    with sample_db.session() as s:
        hood = next(h for h in territory.list_neighbourhoods(s) if h.municipality_code != "76520")
    assert (hood.department_code, hood.municipality_code) == ("05", "05001")
