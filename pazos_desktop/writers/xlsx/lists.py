"""A list as the window shows it (filtered, in its order) written as one Excel sheet.

Numbers stay numbers and dates dates (dd/mm/aaaa); text a user typed is always text
(`cells.py`). Written with the one atomic write: no half file under the chosen name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pazos_desktop.files import atomic_write
from pazos_desktop.writers.xlsx.cells import SafetyLog, write_value


@dataclass
class ListSheet:
    title: str  # the sheet's name and first line
    headers: list[str]
    rows: list[list[object]]
    widths: list[int] = field(default_factory=list)  # characters per column
    note: str = ""  # the filter in words, under the title


def write_list(sheet: ListSheet, path: Path) -> Path:
    """Write `sheet` to `path` (.xlsx); returns the path written."""
    path = Path(path)
    atomic_write(path, lambda tmp: _write(sheet, tmp))
    return path


def _write(sheet: ListSheet, target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = _sheet_name(sheet.title)
    log = SafetyLog()
    write_value(ws.cell(1, 1), sheet.title, log).font = Font(bold=True, size=13)
    if sheet.note:
        write_value(ws.cell(2, 1), sheet.note, log)
    first = 4
    head_fill = PatternFill("solid", fgColor="1F4E79")
    for col, header in enumerate(sheet.headers, 1):
        cell = write_value(ws.cell(first, col), header, log)
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), head_fill
    for r, row in enumerate(sheet.rows, first + 1):
        for c, value in enumerate(row, 1):
            cell = write_value(ws.cell(r, c), value, log)
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    for col, width in enumerate(sheet.widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(first + 1, 1)
    if sheet.rows:
        last = get_column_letter(len(sheet.headers))
        ws.auto_filter.ref = f"A{first}:{last}{first + len(sheet.rows)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    book.save(target)


def _sheet_name(title: str) -> str:
    bad = set("[]:*?/\\")
    return "".join(ch for ch in title if ch not in bad)[:31] or "Lista"
