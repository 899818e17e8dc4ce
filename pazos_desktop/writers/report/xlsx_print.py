"""How every sheet of the report workbook prints: its title, period and filter in the page
header and footer, page numbers, the header row repeated on every page, header rows tall
enough for their wrapped labels, one page wide on the configured paper.

LibreOffice and Excel keep the default row height for rows written by openpyxl: a wrapped
header ("Acceso a la" / "justicia") then spills white text over the data. Heights are
estimated here from the labels and the column widths.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pazos_desktop.domain.formats import format_date
from pazos_desktop.i18n import N_
from pazos_desktop.services.report.coordination import CoordinationReport
from pazos_desktop.writers.report.labels import TITLE, Labels, filter_lines
from pazos_desktop.writers.report.xlsx_cells import LINE_POINTS
from pazos_desktop.writers.xlsx.printing import FONT_NAME, fit_columns
from pazos_desktop.writers.xlsx.styles import PAPER_SIZES, header_footer_text, wrapped_lines

BOLD_CHARS_PER_UNIT = 0.95  # characters of bold 10 pt text per unit of column width
DEFAULT_WIDTH = 8.43  # a column whose width was never set


def print_all(wb: Workbook, report: CoordinationReport, t: Labels) -> None:
    period = t.period(report.request.date_from, report.request.date_to)
    filters = " · ".join(f"{label}: {value}" for label, value in filter_lines(report, t))
    paper = PAPER_SIZES.get(report.settings.get("page_size", "letter"), 1)
    generated = t(N_("Generado el {date}")).format(date=format_date(report.generated_on))
    for index, ws in enumerate(wb.worksheets):
        rows = ws.__dict__.get("pazos_header_rows", [])
        fit_header_rows(ws, rows)
        if index > 0 and rows:  # the summary is one page; every other sheet repeats its header
            ws.print_title_rows = f"{rows[0]}:{rows[0]}"
        fit_columns(ws, _widths(ws), paper, repeat=ws.__dict__.get("pazos_repeat", 1))
        ws.page_margins.top = ws.page_margins.bottom = 0.7
        _header_footer(ws, t(TITLE), period, filters, generated, t)


def _header_footer(ws: Worksheet, title: str, period: str, filters: str, generated: str, t):
    ws.oddHeader.left.text = header_footer_text(ws.title, 40)
    ws.oddHeader.left.font = f"{FONT_NAME},Bold"
    ws.oddHeader.center.text = header_footer_text(title, 70)
    ws.oddHeader.right.text = header_footer_text(t(N_("Periodo: {period}")).format(period=period))
    ws.oddFooter.left.text = header_footer_text(filters, 100)
    ws.oddFooter.center.text = header_footer_text(generated, 40)
    page = t(N_("Página {page} de {pages}"))
    ws.oddFooter.right.text = (
        header_footer_text(page, 40).replace("{page}", "&P").replace("{pages}", "&N")
    )
    for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right):
        part.size = 9
    for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.size = 8


def _widths(ws: Worksheet) -> list[float]:
    return [
        ws.column_dimensions[get_column_letter(c)].width or DEFAULT_WIDTH
        for c in range(1, ws.max_column + 1)
    ]


def fit_header_rows(ws: Worksheet, rows: list[int]) -> None:
    for row in rows:
        lines = 1
        for cell in ws[row]:
            if cell.value is None:
                continue
            width = ws.column_dimensions[get_column_letter(cell.column)].width or DEFAULT_WIDTH
            lines = max(lines, wrapped_lines(str(cell.value), width, BOLD_CHARS_PER_UNIT))
        ws.row_dimensions[row].height = LINE_POINTS * lines + 3
