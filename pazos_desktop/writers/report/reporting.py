"""The coordination report's section on the reporting cycle, as PDF and as an Excel sheet:
the partners' reports of each period in the report's dates, the reports not yet accepted, and
the periods closed and reopened (who, when, why). A closed period's report says it is the one
kept when the period was closed. Reads `CoordinationReport.reporting`; no queries."""

from __future__ import annotations

from openpyxl import Workbook
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer

from pazos_desktop.domain.formats import format_date, format_moment
from pazos_desktop.domain.reporting import STATE_LABELS, ReportState
from pazos_desktop.i18n import N_
from pazos_desktop.services.reporting.section import ReportingSection
from pazos_desktop.writers.pdf.document import DocumentInfo, data_table, frame_width, heading, para
from pazos_desktop.writers.pdf.document import styles as pdf_styles
from pazos_desktop.writers.report.labels import Labels
from pazos_desktop.writers.report.xlsx_cells import put, table, widths
from pazos_desktop.writers.xlsx.cells import SafetyLog

TITLE = N_("7. Reportes de los aliados")
FROZEN = N_(
    "Periodo cerrado el {when} por {who} ({reason}): estas son las cifras que se presentaron "
    "al cerrarlo, las mismas cada vez que se pide este informe."
)
UNACCEPTED_NOTE = N_(
    "En la lista de avances, «sin aceptar» marca las cifras de un reporte recibido o devuelto "
    "que la coordinación aún no ha aceptado."
)
NONE = N_("Ninguno.")
COUNTED = (
    ReportState.ACCEPTED,
    ReportState.RECEIVED,
    ReportState.RETURNED,
    ReportState.SENT,
    ReportState.PENDING,
    "overdue",
)


def _section(report) -> ReportingSection | None:
    return getattr(report, "reporting", None)


def frozen_note(report, t: Labels) -> str | None:
    closure = getattr(report, "frozen", None)
    if closure is None:
        return None
    return t(FROZEN).format(
        when=format_moment(closure.closed_at), who=closure.closed_by, reason=closure.reason
    )


def _period_rows(section: ReportingSection, t: Labels) -> tuple[list[str], list[list]]:
    header = [t(N_("Periodo")), t(N_("Fechas")), t(N_("Plazo")), t(N_("Entidades"))]
    header += [t(STATE_LABELS[s]) for s in COUNTED]
    rows = [
        [p.code, t.period(p.start, p.end), format_date(p.due), p.expected]
        + [p.counts.get(str(s), 0) for s in COUNTED]
        for p in section.periods
    ]
    return header, rows


def _unaccepted_rows(section: ReportingSection, t: Labels) -> tuple[list[str], list[list]]:
    header = [t(N_("Entidad")), t(N_("Periodo")), t(N_("Estado")), t(N_("Recibido el"))]
    rows = [
        [u.partner_name, u.period_code, t(STATE_LABELS[u.state]), _moment(u.received_at)]
        for u in section.unaccepted
    ]
    return header, rows


def _closure_rows(section: ReportingSection, t: Labels) -> tuple[list[str], list[list]]:
    header = [
        t(N_("Periodo")),
        t(N_("Clústeres")),
        t(N_("Cerrado")),
        t(N_("Motivo")),
        t(N_("Reabierto")),
        t(N_("Motivo de la reapertura")),
    ]
    everywhere = t(N_("todos los clústeres"))
    rows = [
        [
            c.period_code,
            ", ".join(c.cluster_names) or everywhere,
            f"{_moment(c.closed_at)} — {c.closed_by}",
            c.reason,
            f"{_moment(c.reopened_at)} — {c.reopened_by}" if c.reopened_at else "—",
            c.reopen_reason or "—",
        ]
        for c in section.closures
    ]
    return header, rows


def _moment(value) -> str:
    return format_moment(value) if value else "—"


# --- PDF --------------------------------------------------------------------------------------


def pdf_sections(report, t: Labels, info: DocumentInfo) -> list[Flowable]:
    section = _section(report)
    if section is None:
        return []
    width = frame_width(info)
    story: list[Flowable] = [PageBreak(), heading(t(TITLE))]
    note = frozen_note(report, t)
    if note:
        story += [para(note), Spacer(1, 0.3 * cm)]
    small = pdf_styles().small
    for title, (header, rows), parts, wrap in (
        (N_("Reportes por periodo"), _period_rows(section, t), (1.4, 2.8, 1.7) + (1.35,) * 7, {1}),
        (N_("Reportes sin aceptar"), _unaccepted_rows(section, t), (5, 1.6, 1.8, 2.6), {0}),
        (
            N_("Periodos cerrados y reabiertos"),
            _closure_rows(section, t),
            (1.4, 2.4, 2.6, 3.4, 2.6, 3.4),
            {1, 2, 3, 4, 5},
        ),  # noqa: E501
    ):
        story.append(heading(t(title), 1))
        if not rows:
            story.append(para(t(NONE)))
        else:
            columns = [p * width / sum(parts) for p in parts]
            story += data_table(header, rows, columns, wrap)
        story.append(Spacer(1, 0.4 * cm))
    if section.unaccepted:
        story.append(para(t(UNACCEPTED_NOTE), small))
    return story


# --- Excel ------------------------------------------------------------------------------------


def write_sheet(wb: Workbook, report, t: Labels, log: SafetyLog) -> None:
    section = _section(report)
    if section is None:
        return
    ws = wb.create_sheet(t(N_("Reportes de los aliados"))[:31])
    row = 1
    note = frozen_note(report, t)
    if note:
        put(ws, row, 1, note, log)
        row += 2
    for title, (header, rows) in (
        (N_("Reportes por periodo"), _period_rows(section, t)),
        (N_("Reportes sin aceptar"), _unaccepted_rows(section, t)),
        (N_("Periodos cerrados y reabiertos"), _closure_rows(section, t)),
    ):
        put(ws, row, 1, t(title), log)
        row = table(ws, row + 1, header, rows or [[t(NONE)]], log, wrap={1: 26, 3: 26}) + 1
    # One page wide at 8 pt or more (writers/xlsx/printing.py), like every sheet of the report.
    widths(ws, [12, 26, 16, 26, 16, 24, 9, 9, 9, 9])
