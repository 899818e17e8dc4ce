"""The report workbook's list sheets: chart figures, partners, follow-up lists and gaps."""

from __future__ import annotations

from openpyxl import Workbook

from pazos_desktop.i18n import N_
from pazos_desktop.services.report.coordination import CoordinationReport
from pazos_desktop.writers.report.labels import STATUS_ORDER, Labels
from pazos_desktop.writers.report.xlsx_cells import (
    DATE,
    MONEY,
    PERCENT,
    put,
    table,
    widths,
)
from pazos_desktop.writers.xlsx.cells import SafetyLog


def write_all(wb: Workbook, report: CoordinationReport, t: Labels, log: SafetyLog) -> None:
    builders = [_by_component, _by_month, _partners, _overdue, _due_soon, _progress, _stale]
    if not report.request.include_progress:
        builders.remove(_progress)
    for builder in builders:
        title, header, rows, sizes, formats = builder(report, t)
        ws = wb.create_sheet(title[:31])
        wrap = {i: size for i, size in enumerate(sizes) if size >= WRAP_FROM}
        table(ws, 1, header, rows, log, formats, wrap)
        widths(ws, sizes)
        ws.freeze_panes = "A2"
        if rows:
            ws.auto_filter.ref = ws.dimensions
        ws.pazos_repeat = 2  # printed across pages: the first two columns on each
    _gaps(wb, report, t, log)


WRAP_FROM = 26  # columns this wide hold names, titles and comments: long ones wrap


def _by_component(report: CoordinationReport, t: Labels):
    header = [t(N_("Componente")), *(t.status(s) for s in STATUS_ORDER), t(N_("Total"))]
    rows = [
        [item.name, *(item.counts.get(s, 0) for s in STATUS_ORDER), sum(item.counts.values())]
        for item in report.status_by_component
    ]
    return t(N_("Estado por componente")), header, rows, [28] + [13] * 7, {}


def _by_month(report: CoordinationReport, t: Labels):
    header = [t(N_("Mes")), t(N_("Compromisos cumplidos"))]
    rows = [[t.month(m.year, m.month), m.count] for m in report.completed_by_month]
    return t(N_("Cumplidos por mes")), header, rows, [16, 22], {}


def _partners(report: CoordinationReport, t: Labels):
    header = [
        t(N_("Id")),
        t(N_("Entidad")),
        t(N_("Compromisos")),
        t(N_("Cumplidos")),
        t(N_("% cumplido")),
        t(N_("Vencidos")),
        t(N_("Valor (COP)")),
        t(N_("Último avance")),
    ]
    rows = [
        [
            p.partner_id,
            p.name,
            p.total,
            p.completed,
            None if p.percent is None else p.percent / 100,
            p.overdue,
            p.amount_cop,
            p.last_progress,
        ]
        for p in report.partners
    ]
    formats = {4: PERCENT, 6: MONEY, 7: DATE}
    return t(N_("Por entidad")), header, rows, [7, 44, 13, 12, 12, 11, 18, 14], formats


def _commitment_header(t: Labels, last: list[str]) -> list[str]:
    return [t(N_("N.º")), t(N_("Entidad")), t(N_("Responsable")), t(N_("Compromiso")), *last]


def _overdue(report: CoordinationReport, t: Labels):
    header = _commitment_header(t, [t(N_("Vencía")), t(N_("Días de atraso")), t(N_("Estado"))])
    rows = [
        [
            line.row.id,
            line.row.partner_name,
            line.row.contact_name,
            line.row.title,
            line.row.due_date,
            line.days_late,
            t.status(line.row.status),
        ]
        for line in report.overdue
    ]
    return t(N_("Vencidos")), header, rows, [8, 30, 26, 44, 12, 11, 14], {}


def _due_soon(report: CoordinationReport, t: Labels):
    header = _commitment_header(t, [t(N_("Vence")), t(N_("Estado"))])
    rows = [
        [r.id, r.partner_name, r.contact_name, r.title, r.due_date, t.status(r.effective_status)]
        for r in report.due_soon
    ]
    return t(N_("Próximos a vencer")), header, rows, [8, 30, 26, 44, 12, 14], {}


def _progress(report: CoordinationReport, t: Labels):
    header = [
        t(N_("Fecha")),
        t(N_("N.º")),
        t(N_("Entidad")),
        t(N_("Compromiso")),
        t(N_("Logrado")),
        t(N_("Meta")),
        t(N_("Estado")),
        t(N_("Comentario")),
        t(N_("Aceptado")),
    ]
    yes, no = t(N_("Sí")), t(N_("No, sin aceptar"))
    rows = [
        [
            p.date,
            p.commitment_id,
            p.partner_name,
            p.title,
            p.achieved_quantity,
            p.target_quantity,
            t.status(p.status),
            p.comment,
            no if p.unaccepted else yes,
        ]
        for p in report.progress
    ]
    sizes = [12, 8, 28, 32, 10, 10, 13, 30, 9]
    return t(N_("Avances del periodo")), header, rows, sizes, {}


def _stale(report: CoordinationReport, t: Labels):
    header = _commitment_header(
        t, [t(N_("Último avance")), t(N_("Días sin actualizar")), t(N_("Estado"))]
    )
    rows = [
        [
            s.row.id,
            s.row.partner_name,
            s.row.contact_name,
            s.row.title,
            s.last_update or t(N_("nunca")),
            s.days,
            t.status(s.row.effective_status),
        ]
        for s in report.stale
    ]
    return t(N_("Sin actualización")), header, rows, [8, 30, 26, 44, 14, 12, 14], {}


def _gaps(wb: Workbook, report: CoordinationReport, t: Labels, log: SafetyLog) -> None:
    ws = wb.create_sheet(t(N_("Brechas de cobertura"))[:31])
    put(
        ws,
        1,
        1,
        t(
            N_(
                "Sin compromisos activos (propuestos, en ejecución o vencidos) en el periodo y filtro:"
            )
        ),
        log,
    )
    gaps = report.gaps
    rows = [[t(N_("Clúster")), name, ""] for name in gaps.clusters]
    rows += [[t(N_("Componente")), name, ""] for name in gaps.components]
    rows += [
        [t(N_("Clúster — componente")), cluster, component] for cluster, component in gaps.cells
    ]
    table(ws, 3, [t(N_("Tipo")), t(N_("Clúster o componente")), t(N_("Componente"))], rows, log)
    widths(ws, [24, 40, 28])
