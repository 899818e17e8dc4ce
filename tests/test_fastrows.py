"""The fast row writer (writers/xlsx/fastrows.py) writes what openpyxl would: rows written
straight into memory keep their order, text and types beside rows only openpyxl can write."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook

from pazos_desktop.writers.xlsx.fastrows import save_workbook, set_row_height
from pazos_desktop.writers.xlsx.styles import blank, cell, new_sheet, new_workbook

TEXTS = ["José Núñez & Cía <SIDOC>", "  espacios  ", "línea 1\nlínea 2", "🙂 ñ ü 中文", ""]


def test_rows_in_memory_read_back_exactly_beside_rows_openpyxl_writes(tmp_path):
    wb = new_workbook(in_memory=True)
    ws = new_sheet(wb, "Hoja")
    day = dt.date(2026, 12, 7)
    for n, text in enumerate(TEXTS, start=1):
        ws.append([cell(ws, n, "pz_int"), cell(ws, text, "pz_wrap"), blank(ws, "pz_fill"),
                   cell(ws, day, "pz_date"), cell(ws, 1500.5, "pz_number")])  # fmt: skip
        ws.append([f"=A{2 * n - 1}*2"])  # a formula: not plain, openpyxl's own writer
    path = tmp_path / "filas.xlsx"
    save_workbook(wb, path)

    sheet = load_workbook(path)["Hoja"]
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in rows[0::2]] == [1, 2, 3, 4, 5]
    assert [r[1] or "" for r in rows[0::2]] == TEXTS
    assert [r[0] for r in rows[1::2]] == [f"=A{2 * n - 1}*2" for n in range(1, 6)]
    assert sheet["D1"].value.date() == day and sheet["E1"].value == 1500.5
    assert not sheet["C1"].protection.locked and sheet["C5"].style == "pz_fill"
    calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Hoja").to_python()
    assert [r[1] for r in calamine[0:9:2]][:4] == TEXTS[:4]


def _sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_row_heights_are_written_as_openpyxl_writes_them(tmp_path):
    """Heights kept by the fast writer (`set_row_height`) give the sheet openpyxl's row
    dimensions give: on plain rows, on a row only openpyxl can write (a formula) and on a row
    with a dimension of its own (hidden)."""

    def book(name: str, fast: bool) -> Path:
        wb = new_workbook(in_memory=True)
        ws = new_sheet(wb, "Hoja")
        for row, height in {1: 30, 2: 22.5, 4: 45.0}.items():
            if fast:
                set_row_height(ws, row, height)
            else:
                ws.row_dimensions[row].height = height
        ws.row_dimensions[4].hidden = True
        ws.append([cell(ws, "uno", "pz_wrap")])
        ws.append(["=1+1"])
        ws.append([cell(ws, "tres", "pz_wrap")])
        ws.append([cell(ws, "cuatro", "pz_wrap")])
        save_workbook(wb, tmp_path / name)
        return tmp_path / name

    fast, dimensions = book("fast.xlsx", True), book("dims.xlsx", False)
    assert _sheet_xml(fast) == _sheet_xml(dimensions)
    sheet = load_workbook(fast)["Hoja"]
    heights = {r: sheet.row_dimensions[r].height for r in range(1, 5)}
    assert heights == {1: 30, 2: 22.5, 3: None, 4: 45}
    assert sheet.row_dimensions[4].hidden and sheet["A2"].value == "=1+1"


def test_a_row_height_on_any_other_sheet_goes_to_openpyxl(tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Hoja")
    set_row_height(ws, 1, 33)
    ws.append(["uno"])
    wb.save(tmp_path / "otra.xlsx")
    assert load_workbook(tmp_path / "otra.xlsx")["Hoja"].row_dimensions[1].height == 33
