"""The report workbook's cells: named fonts, number formats, tables and column widths, shared
by every sheet of it (`xlsx.py`, `xlsx_lists.py`, `indicators_xlsx.py`, `xlsx_print.py`)."""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pazos_desktop.writers.xlsx.cells import SafetyLog, write_value
from pazos_desktop.writers.xlsx.printing import BODY_SIZE, FONT_NAME
from pazos_desktop.writers.xlsx.styles import wrapped_lines

# Every font named (a bold cell with no font name printed in a serif from LibreOffice), and
# the workbook's own font the same (writers/xlsx/printing.py).
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
BOLD = Font(name=FONT_NAME, bold=True)
DATE, MONEY, PERCENT, WHOLE = "DD/MM/YYYY", '"$" #,##0', "0%", "#,##0"
# A change is written with its sign: "+88", "-12", "0"; money "+$ 1.000".
CHANGE, MONEY_CHANGE = "+#,##0;-#,##0;0", '+"$" #,##0;-"$" #,##0;"$" 0'
LINE_POINTS = 15.0  # one line of 11 pt text


def font(size: float = BODY_SIZE, bold: bool = False, color: str | None = None) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, color=color)


def put(ws: Worksheet, row: int, col: int, value, log: SafetyLog, fmt: str | None = None):
    cell = write_value(ws.cell(row=row, column=col), value, log)
    if fmt:
        cell.number_format = fmt
    elif isinstance(value, dt.date):
        cell.number_format = DATE
    return cell


def header_row(ws: Worksheet, row: int, labels: list[str], log: SafetyLog) -> None:
    for col, label in enumerate(labels, start=1):
        cell = put(ws, row, col, label, log)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    # Heights are set once the column widths are known (xlsx_print.fit_header_rows).
    ws.__dict__.setdefault("pazos_header_rows", []).append(row)


WRAP = Alignment(wrap_text=True, vertical="top")


def note(ws: Worksheet, row: int, text: str, columns: int, log: SafetyLog) -> int:
    """A sentence across the first `columns` columns, wrapped, its row as tall as its lines
    (LibreOffice and Excel size no merged row themselves). Returns the next free row."""
    cell = put(ws, row, 1, text, log)
    cell.alignment, cell.font = WRAP, font()
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    room = sum(
        ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(1, columns + 1)
    )
    ws.row_dimensions[row].height = 12.5 * wrapped_lines(text, room, 1.2) + 3
    return row + 1


def table(ws, row: int, header: list[str], rows: list[list], log, formats=None, wrap=None) -> int:
    """Header and rows from `row`; `formats` maps a column index to a number format, `wrap` a
    column index to its width: text longer than that wraps inside the cell instead of running
    over the next one (only those cells get the style: one per cell costs at 33,000 rows).
    Returns the next free row."""
    header_row(ws, row, header, log)
    formats, wrap = formats or {}, wrap or {}
    for r, values in enumerate(rows, start=row + 1):
        lines = 1
        for c, value in enumerate(values, start=1):
            cell = put(ws, r, c, value, log, formats.get(c - 1))
            width = wrap.get(c - 1)
            if width is not None and isinstance(value, str) and len(value) > width:
                cell.alignment = WRAP
                lines = max(lines, wrapped_lines(value, width))
        if lines > 1:  # neither Excel nor LibreOffice grows a row openpyxl wrote
            ws.row_dimensions[r].height = LINE_POINTS * lines
    return row + len(rows) + 1


def widths(ws: Worksheet, sizes: list[float]) -> None:
    for i, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(i)].width = size
