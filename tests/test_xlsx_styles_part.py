"""One styles part per set of styles (writers/xlsx/fastrows.py): workbooks that share their
style tables share the part; a workbook whose cells add a format gets its own."""

from __future__ import annotations

import zipfile

from openpyxl import load_workbook

from pazos_desktop.writers.xlsx.fastrows import save_workbook
from pazos_desktop.writers.xlsx.styles import cell, new_sheet, new_workbook


def _write(path, values: list[tuple[object, str]]) -> bytes:
    wb = new_workbook(in_memory=True)
    ws = new_sheet(wb, "Hoja")
    ws.append([cell(ws, value, style) for value, style in values])
    save_workbook(wb, path)
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/styles.xml")


def test_a_workbook_with_other_formats_gets_its_own_styles_part(tmp_path):
    plain = [("Talleres", "pz_wrap"), (12.5, "pz_number")]
    first = _write(tmp_path / "a.xlsx", plain)
    # A text that looks like a formula is guarded (quote prefix): one more cell format.
    guarded = _write(tmp_path / "b.xlsx", [*plain, ("=cmd|' /C calc'!A0", "pz_wrap")])
    again = _write(tmp_path / "c.xlsx", plain)
    assert guarded != first and again == first
    ws = load_workbook(tmp_path / "b.xlsx")["Hoja"]
    assert ws["C1"].value == "=cmd|' /C calc'!A0" and ws["C1"].quotePrefix
    assert ws["B1"].number_format == load_workbook(tmp_path / "a.xlsx")["Hoja"]["B1"].number_format
    assert not load_workbook(tmp_path / "c.xlsx")["Hoja"]["A1"].quotePrefix
