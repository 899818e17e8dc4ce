"""The coordination report as an Excel workbook: the PDF's figures, one sheet each.

Every cell goes through `writers/xlsx/cells.write_value` (user text is only ever text) and the file
holds no formula at all: totals are written as numbers, shading is conditional formatting.
Reads a `CoordinationReport`; runs no queries.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pazos_desktop.i18n import N_
from pazos_desktop.services.report.coordination import CoordinationReport
from pazos_desktop.services.report.summaries import Cell, Matrix
from pazos_desktop.writers.report import indicators_xlsx, reporting, xlsx_lists
from pazos_desktop.writers.report.labels import (
    CLUSTER_SUM,
    COMMITMENTS_SUM,
    SAMPLE,
    TITLE,
    Labels,
    comparison_rows,
    completed_label,
    completed_note,
    filter_lines,
    matrix_note,
)
from pazos_desktop.writers.report.xlsx_cells import (
    BOLD,
    CHANGE,
    MONEY,
    MONEY_CHANGE,
    PERCENT,
    WHOLE,
    WRAP,
    font,
    header_row,
    note,
    put,
    table,
    widths,
)
from pazos_desktop.writers.report.xlsx_print import print_all
from pazos_desktop.writers.xlsx.cells import SafetyLog
from pazos_desktop.writers.xlsx.printing import default_font
from pazos_desktop.writers.xlsx.styles import wrapped_lines


def write_report_xlsx(
    report: CoordinationReport, target: str | Path | io.BytesIO, lang: str | None = None
) -> SafetyLog:
    """Write the workbook; the log lists texts that had to be cleaned to fit in a cell."""
    t, log = Labels(lang), SafetyLog()
    wb = Workbook()
    default_font(wb)
    _summary(wb.active, report, t, log)
    _matrix_sheet(
        wb.create_sheet(),
        t(N_("Clúster × componente")),
        report.cluster_matrix,
        (t(N_("Clúster")), t(CLUSTER_SUM), matrix_note(report, t)),
        t,
        log,
    )
    _matrix_sheet(
        wb.create_sheet(),
        t(N_("Entidad × componente")),
        report.partner_matrix,
        (t(N_("Entidad")), t(COMMITMENTS_SUM), ""),
        t,
        log,
    )
    xlsx_lists.write_all(wb, report, t, log)
    indicators_xlsx.write_sheets(wb, report, t, log)
    reporting.write_sheet(wb, report, t, log)
    print_all(wb, report, t)
    wb.save(target)
    return log


SUMMARY_WIDTHS = [44, 22, 22, 16]
SUMMARY_WIDTH = sum(SUMMARY_WIDTHS)


def _summary(ws: Worksheet, report: CoordinationReport, t: Labels, log: SafetyLog) -> None:
    ws.title = t(N_("Resumen"))
    r = report.request
    org = put(ws, 1, 1, report.settings.get("org_name", ""), log)
    org.font, org.alignment = font(14, True), WRAP
    ws.merge_cells("A1:D1")  # a long name wraps inside the page instead of running past it
    ws.row_dimensions[1].height = 18 * wrapped_lines(str(org.value or ""), SUMMARY_WIDTH, 0.75)
    put(ws, 2, 1, t(TITLE), log).font = font(12, True, "1F4E79")
    lines = [
        (t(N_("Periodo")), t.period(r.date_from, r.date_to)),
        (t(N_("Estado de los compromisos al")), report.on),
        *filter_lines(report, t),
    ]
    row = 4
    for label, value in lines:
        put(ws, row, 1, label, log).font = BOLD
        put(ws, row, 2, value, log)
        row += 1
    if report.is_sample:
        put(ws, row, 1, t(SAMPLE), log).font = font(11, True, "C0392B")
        row += 1
    row = _figures(ws, row + 1, report, t, log)
    row = _comparison(ws, row + 1, report, t, log)
    widths(ws, SUMMARY_WIDTHS)
    text = completed_note(report, t)
    row = note(ws, row, text, 4, log) if text else row
    _statuses(ws, row + 1, report, t, log)


def _figures(ws, row: int, report: CoordinationReport, t: Labels, log) -> int:
    s = report.summary
    rows = [
        [t(N_("Compromisos del periodo")), s.overall.total, WHOLE],
        [completed_label(report, t), s.overall.completed, WHOLE],
        [t(N_("% cumplido (sin cancelados)")), _ratio(s.overall), PERCENT],
        [t(N_("Vencidos")), s.overdue, WHOLE],
        [
            t(N_("Vencen en los próximos {n} días")).format(n=report.request.due_soon_days),
            s.due_soon,
            WHOLE,
        ],
        [t(N_("Valor comprometido (COP)")), s.committed_cop, MONEY],
        [t(N_("Compromisos nuevos en el periodo")), s.current.new, WHOLE],
        [t(N_("Avances reportados en el periodo")), s.current.progress_updates, WHOLE],
    ]
    header_row(ws, row, [t(N_("Indicador")), t(N_("Valor"))], log)
    for offset, (label, value, fmt) in enumerate(rows, start=1):
        put(ws, row + offset, 1, label, log)
        put(ws, row + offset, 2, value, log, fmt)
    return row + len(rows) + 1


def _ratio(cell: Cell) -> float | None:
    return None if cell.percent is None else cell.percent / 100


def _comparison(ws, row: int, report: CoordinationReport, t: Labels, log) -> int:
    s = report.summary
    header = [
        t(N_("Indicador")),
        t.period(s.current.date_from, s.current.date_to),
        t.period(s.previous.date_from, s.previous.date_to),
        t(N_("Cambio")),
    ]
    rows = [
        [label, now, before, now - before] for label, now, before, _m in comparison_rows(report, t)
    ]
    next_row = table(ws, row, header, rows, log, {3: CHANGE})
    money_row = row + 3  # "value of the new commitments" is the third indicator
    for col in (2, 3):
        ws.cell(row=money_row, column=col).number_format = MONEY
    ws.cell(row=money_row, column=4).number_format = MONEY_CHANGE
    return next_row


def _statuses(ws, row: int, report: CoordinationReport, t: Labels, log) -> int:
    totals = report.summary.status_totals
    grand = sum(totals.values())
    rows = [[t.status(s), n, n / grand if grand else None] for s, n in totals.items()]
    rows.append([t(COMMITMENTS_SUM), grand, 1.0 if grand else None])
    end = table(
        ws,
        row,
        [t(N_("Estado")), t(N_("Compromisos")), t(N_("% del total"))],
        rows,
        log,
        {2: PERCENT},
    )
    for col in (1, 2, 3):
        ws.cell(row=end - 1, column=col).font = BOLD
    return end


def _matrix_sheet(ws: Worksheet, title: str, matrix: Matrix, names, t: Labels, log) -> None:
    """`names`: the first column's header, the sum row's label and the note under both
    tables (where the sum is not a count of commitments)."""
    first, sum_label, text = names
    ws.title = title[:31]
    header = [first, *(name for _id, name in matrix.columns), t(N_("Total"))]
    put(ws, 1, 1, t(N_("Compromisos")), log).font = font(12, True)
    end = _matrix_block(ws, 2, header, matrix, lambda c: c.total, WHOLE, sum_label, log)
    put(ws, end + 1, 1, t(N_("% cumplido (sin cancelados)")), log).font = font(12, True)
    end = _matrix_block(ws, end + 2, header, matrix, _ratio, PERCENT, sum_label, log)
    widths(ws, [40] + [16] * (len(header) - 1))
    if text:
        note(ws, end + 1, text, len(header), log)
    ws.freeze_panes = "B3"


def _matrix_block(ws, row: int, header, matrix: Matrix, value, fmt, sum_label: str, log) -> int:
    """One table of the matrix (counts or % completed), shaded with a colour scale."""
    lines = [
        (name, [matrix.cell(rid, cid) for cid, _n in matrix.columns], matrix.row_total(rid))
        for rid, name in matrix.rows
    ]
    totals = [matrix.column_total(cid) for cid, _n in matrix.columns]
    grand = Cell()
    for c in totals:
        grand.add(c.total, c.completed, c.cancelled)
    rows = [[name, *(value(c) for c in cells), value(total)] for name, cells, total in lines]
    rows.append([sum_label, *(value(c) for c in totals), value(grand)])
    formats = {i: fmt for i in range(1, len(header))}
    end = table(ws, row, header, rows, log, formats)
    for col in range(1, len(header) + 1):
        ws.cell(row=end - 1, column=col).font = BOLD
    if lines:
        last_col = get_column_letter(len(header) - 1)
        area = f"B{row + 1}:{last_col}{row + len(lines)}"
        ws.conditional_formatting.add(
            area,
            # From zero, like the PDF: the shade says how much, not how it ranks.
            ColorScaleRule(
                start_type="num",
                start_value=0,
                start_color="EAF1F8",
                end_type="max",
                end_color="5B8DB8",
            ),
        )
    return end + 1
