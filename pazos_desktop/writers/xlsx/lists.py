"""A list as the window shows it (filtered, in its order) written as one Excel sheet.

Numbers stay numbers and dates dates (dd/mm/aaaa); text a user typed is always text
(`cells.py`). Written with the one atomic write: no half file under the chosen name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter

from pazos_desktop.files import atomic_write
from pazos_desktop.writers.xlsx.cells import SafetyLog, write_value
from pazos_desktop.writers.xlsx.printing import default_font
from pazos_desktop.writers.xlsx.styles import PAPER_SIZES, fit_columns, font, row_height

DEFAULT_WIDTH = 12


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


WRAP_FROM = 24  # columns this wide hold names and titles: long ones wrap, their rows grow
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
WRAP = Alignment(wrap_text=True, vertical="top")


def _write(sheet: ListSheet, target: Path) -> None:
    book = Workbook()
    default_font(book)
    ws = book.active
    ws.title = _sheet_name(sheet.title)
    log = SafetyLog()
    write_value(ws.cell(1, 1), sheet.title, log).font = font(13, bold=True)
    if sheet.note:
        write_value(ws.cell(2, 1), sheet.note, log)
    first = 4
    widths = list(sheet.widths) or [DEFAULT_WIDTH] * len(sheet.headers)
    labels = [(h, w * 0.9) for h, w in zip(sheet.headers, widths, strict=False)]
    ws.row_dimensions[first].height = row_height(labels)
    for col, header in enumerate(sheet.headers, 1):
        cell = write_value(ws.cell(first, col), header, log)
        cell.font, cell.fill, cell.alignment = font(bold=True, color="FFFFFF"), HEADER_FILL, WRAP
    for r, row in enumerate(sheet.rows, first + 1):
        _row(ws, r, row, widths, log)
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(first + 1, 1)
    if sheet.rows:
        last = get_column_letter(len(sheet.headers))
        ws.auto_filter.ref = f"A{first}:{last}{first + len(sheet.rows)}"
    ws.print_title_rows = f"{first}:{first}"
    fit_columns(ws, widths, PAPER_SIZES["letter"], repeat=2)
    book.save(target)


def _row(ws, r: int, row: list, widths: list[float], log: SafetyLog) -> None:
    long = []
    for c, value in enumerate(row, 1):
        cell = write_value(ws.cell(r, c), value, log)
        width = widths[c - 1] if c <= len(widths) else DEFAULT_WIDTH
        if isinstance(value, dt.date):
            cell.number_format = "DD/MM/YYYY"
        elif isinstance(value, str) and width >= WRAP_FROM and len(value) > width:
            cell.alignment = WRAP
            long.append((value, width))
    if long:  # neither Excel nor LibreOffice grows a row openpyxl wrote
        ws.row_dimensions[r].height = row_height(long)


def _sheet_name(title: str) -> str:
    bad = set("[]:*?/\\")
    return "".join(ch for ch in title if ch not in bad)[:31] or "Lista"
