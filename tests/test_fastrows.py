"""The fast row writer (writers/xlsx/fastrows.py) writes what openpyxl would: rows written
straight into memory keep their order, text and types beside rows only openpyxl can write."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from pazos_desktop.writers.xlsx.fastrows import save_workbook
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
