"""Partner commitment sheets: layout, protection, print set-up, metadata, safe text, batch."""

from __future__ import annotations

import datetime as dt
import errno

import pytest
from openpyxl import load_workbook

from pazos_desktop.errors import PazosError
from pazos_desktop.excel.common import Cancelled, describe_issues, safe_file_stem
from pazos_desktop.excel.data import load_partner_sheets
from pazos_desktop.excel.partner.sheets import (
    EXCEL_PATH_LIMIT,
    export_partner_sheets,
    write_partner_sheet,
)
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.report.filters import resolve_partners
from tests.excel_support import TODAY, calamine_rows, formula_count, sample_db, sample_template
from tests.real_names import LONG_PARTNER

__all__ = ["sample_db", "sample_template"]


def _sidoc(db):
    with db.session() as s:
        ids = resolve_partners(s, ["SIDOC"])
        return load_partner_sheets(s, ids, on=TODAY)[0]


def test_sheet_layout_protection_and_print(sample_db, tmp_path):
    data = _sidoc(sample_db)
    path = tmp_path / "s.xlsx"
    write_partner_sheet(data, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Portada", "Compromisos", "Listas", "_pazos"]
    assert wb["Listas"].sheet_state == "hidden" and wb["_pazos"].sheet_state == "veryHidden"
    ws = wb["Compromisos"]
    assert ws.freeze_panes == "B4" and ws.auto_filter.ref.startswith("A3:N")
    assert ws.protection.sheet and not ws.protection.password
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert "Fundación SIDOC" in ws.oddHeader.center.text and "&P" in ws.oddFooter.right.text
    assert ws.column_dimensions["O"].hidden  # the version column
    first = next(r for r in ws.iter_rows(min_row=4) if isinstance(r[0].value, int))
    # The cells a partner fills (K-N, and P: evidence), each its own even where one shared
    # blank cell stands in several columns of a row.
    assert all(not c.protection.locked for c in (*first[10:14], first[15]))
    assert [c.style for c in first[10:14]] == [
        "pz_fill_number",
        "pz_fill",
        "pz_fill_date",
        "pz_fill",
    ]
    assert all(c.protection.locked for c in first[:10])
    assert first[8].is_date and first[8].number_format == "DD/MM/YYYY"
    assert ws["H3"].value == "Valor (COP)"
    validation = next(v for v in ws.data_validations.dataValidation if v.type == "list")
    assert validation.formula1 == "'Listas'!$A$1:$A$5" and "L4" in str(validation.sqref)
    assert [c.value for c in wb["Listas"]["A"]][:2] == ["Propuesto", "En ejecución"]
    meta = {r[0].value: r[1].value for r in wb["_pazos"].iter_rows()}
    assert meta["partner_id"] == str(data.partner.id) and meta["kind"] == "partner_sheet"
    assert meta["schema_version"] == "1" and len(meta["file_id"]) == 32


def test_second_reader_same_values_and_no_formulas(sample_db, tmp_path):
    data = _sidoc(sample_db)
    path = tmp_path / "s.xlsx"
    write_partner_sheet(data, path)
    rows = calamine_rows(path, "Compromisos")
    by_id = {int(r[0]): r for r in rows[3:] if isinstance(r[0], float | int) and r[0] != ""}
    assert set(by_id) == {c.id for c in data.commitments}
    for c in data.commitments:
        row = by_id[c.id]
        assert row[3] == c.title and row[5] == c.target_quantity
        assert row[8] == c.due_date  # a real date, not text
        assert row[14] == c.version
    assert formula_count(path) == 0


def test_hostile_text_stays_text_and_is_reported(sample_db, tmp_path):
    with sample_db.session() as s:
        ids = resolve_partners(s, ["SIDOC"])
        first = load_partner_sheets(s, ids, on=TODAY)[0].commitments[0]
        c = commitments.get_commitment(s, first.id)
        c.title = '=HYPERLINK("http://x","clic")'
        c.unit = "+cmd|' /C calc'!A0"
        commitments.save_commitment(s, c)
        data = load_partner_sheets(s, ids, on=TODAY)[0]
    data.commitments[0].unit = "@SUM(1)"
    data.commitments[1].title = "a\x00b\x1bc"
    data.commitments[2].title = "x" * 40_000
    path = tmp_path / "h.xlsx"
    log = write_partner_sheet(data, path)
    assert formula_count(path) == 0
    ws = load_workbook(path)["Compromisos"]
    titles = {r[0].value: r[3] for r in ws.iter_rows(min_row=4) if isinstance(r[0].value, int)}
    hostile = titles[first.id]
    assert hostile.value.startswith("=HYPERLINK") and hostile.data_type == "s"
    assert hostile.quotePrefix
    assert titles[data.commitments[1].id].value == "abc"
    assert len(titles[data.commitments[2].id].value) == 32_767
    lines = describe_issues(log)
    assert any("caracteres de control" in line for line in lines)
    assert any("32.767" in line and line.startswith("Compromisos!D") for line in lines)


def test_batch_names_progress_and_cancel(sample_db, tmp_path):
    with sample_db.session() as s:
        items = load_partner_sheets(s, on=TODAY)
    seen = []
    results = export_partner_sheets(items, tmp_path / "out", lambda d, t, x: seen.append(d))
    names = {r.path.name for r in results}
    assert "Compromisos_Fundacion_SIDOC_2026-11-25.xlsx" in names
    assert len(names) == len(items) == 18 and seen[-1] == 18
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        export_partner_sheets(items, tmp_path / "cancelled", cancel=cancel)
    assert list((tmp_path / "cancelled").iterdir()) == []


def test_every_sheet_opens_in_excel_from_a_deep_folder(sample_db, tmp_path):
    """Excel for Windows opens no file whose full path passes 218 characters: the entity's
    part of each name is cut to fit (two long names stay apart), and a folder too deep for
    any name is refused before anything is written."""
    with sample_db.session() as s:
        items = load_partner_sheets(s, on=TODAY)[:3]
    items[0].partner.name = LONG_PARTNER
    items[1].partner.name = LONG_PARTNER + " (sede norte)"  # the same first 100 characters
    deep = tmp_path / ("Documentos_PAZOS_" * 4) / "Hojas 2026-11"
    room = EXCEL_PATH_LIMIT - len(str(deep.absolute())) - 1
    assert 45 < room < 120  # the test's own folder varies: the long names must be cut here
    results = export_partner_sheets(items, deep)
    paths = [r.path for r in results]
    assert all(len(str(p.absolute())) <= EXCEL_PATH_LIMIT for p in paths)
    assert len({p.name.lower() for p in paths}) == 3
    first = paths[0].name
    assert len(first) <= room < len(f"Compromisos_{safe_file_stem(LONG_PARTNER)}_2026-11-25.xlsx")
    assert first.startswith("Compromisos_Corporacion_para_el") and first.endswith(
        "_2026-11-25.xlsx"
    )
    assert load_workbook(paths[0], read_only=True).sheetnames  # whole files, readable
    too_deep = tmp_path / ("x" * 150) / ("y" * 40)
    with pytest.raises(PazosError, match="218"):
        export_partner_sheets(items, too_deep)
    assert not too_deep.exists()


def test_a_failed_export_leaves_the_sheets_sent_before(sample_db, tmp_path, monkeypatch):
    """A partner may be filling in last month's sheet: a failed re-export must not remove it."""
    from pazos_desktop.excel.partner import sheets as partner_sheets

    with sample_db.session() as s:
        items = load_partner_sheets(s, on=TODAY)
    out = tmp_path / "hojas"
    export_partner_sheets(items, out, email_drafts=True)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) == 2 * len(items)  # a sheet and its e-mail draft each
    real_write, calls = partner_sheets.write_partner_sheet, []

    def fifth_fails(data, path):
        calls.append(data.partner.id)
        if len(calls) == 5:
            raise OSError(errno.EIO, "Input/output error")
        return real_write(data, path)

    monkeypatch.setattr(partner_sheets, "write_partner_sheet", fifth_fails)
    with pytest.raises(PazosError) as err:
        export_partner_sheets(items, out, email_drafts=True)
    assert str(out) in err.value.message and "Input/output error" in err.value.message
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing lost, no temp


@pytest.mark.parametrize(
    "name, stem",
    [
        ("Fundación SIDOC", "Fundacion_SIDOC"),
        ('A/B:C*D?"E<F>|G', "A_B_C_D_E_F_G"),
        ("CON", "CON_"),
        ("   ", "entidad"),
    ],
)
def test_windows_safe_file_names(name, stem):
    assert safe_file_stem(name) == stem


def test_sheet_in_english(sample_db, tmp_path):
    from pazos_desktop import i18n

    i18n.set_language("en")
    data = _sidoc(sample_db)
    path = tmp_path / "en.xlsx"
    write_partner_sheet(data, path)
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["Cover", "Commitments", "Lists"]
    assert wb["Commitments"]["L3"].value == "New status"
    assert isinstance(data.context.today, dt.date)
