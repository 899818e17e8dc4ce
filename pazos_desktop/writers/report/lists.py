"""The report's lists as PDF tables: overdue, due soon, progress in the period, no news."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer

from pazos_desktop.domain.formats import format_date, format_quantity
from pazos_desktop.i18n import N_
from pazos_desktop.services.report.coordination import CoordinationReport
from pazos_desktop.writers.pdf.document import DocumentInfo, data_table, frame_width, heading, para
from pazos_desktop.writers.report.labels import Labels, quantity_pair

NONE = N_("Ninguno.")
COMMENT_LINES = 8  # a progress comment longer than this is cut, saying how much is left out
CUT_NOTE = N_("[… {n} caracteres más: véalos en el registro]")


def _widths(width: float, parts: tuple[float, ...]) -> list[float]:
    return [p * width / sum(parts) for p in parts]


def _table(
    t: Labels, header, rows, width: float, parts, wrap, right=(0,), max_lines=None
) -> list[Flowable]:
    if not rows:
        return [para(t(NONE))]
    right = [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in right]
    return data_table(
        header,
        rows,
        _widths(width, parts),
        wrap,
        extra_style=right,
        max_lines=max_lines,
        cut_note=t(CUT_NOTE),
    )


def sections(report: CoordinationReport, t: Labels, info: DocumentInfo) -> list[Flowable]:
    width = frame_width(info)
    story: list[Flowable] = [PageBreak(), heading(t(N_("4. Seguimiento")))]
    r = report.request
    parts = [
        (N_("Compromisos vencidos"), 0, _overdue),
        (N_("Vencen en los próximos {n} días"), r.due_soon_days, _due_soon),
        (N_("Avances reportados en el periodo"), 0, _progress),
        (N_("Sin actualización en {n} días o más"), r.stale_days, _stale),
    ]
    if not r.include_progress:  # left out on request: often most of the report's pages
        parts.pop(2)
    for title, days, builder in parts:
        story += [heading(t(title).format(n=days), 1)]
        story += builder(report, t, width) + [Spacer(1, 0.4 * cm)]
    return story


def _overdue(report: CoordinationReport, t: Labels, width: float) -> list[Flowable]:
    header = [
        t(N_("N.º")),
        t(N_("Entidad")),
        t(N_("Responsable")),
        t(N_("Compromiso")),
        t(N_("Vencía")),
        t(N_("Días de atraso")),
    ]
    rows = [
        [
            line.row.id,
            line.row.partner_name,
            line.row.contact_name or "—",
            line.row.title,
            format_date(line.row.due_date),
            format_quantity(line.days_late),
        ]
        for line in report.overdue
    ]
    return _table(t, header, rows, width, (1.1, 4.0, 3.2, 6.4, 2.0, 1.7), {1, 2, 3}, (0, 5))


def _due_soon(report: CoordinationReport, t: Labels, width: float) -> list[Flowable]:
    header = [
        t(N_("N.º")),
        t(N_("Entidad")),
        t(N_("Responsable")),
        t(N_("Compromiso")),
        t(N_("Vence")),
        t(N_("Estado")),
    ]
    rows = [
        [
            r.id,
            r.partner_name,
            r.contact_name or "—",
            r.title,
            format_date(r.due_date),
            t.status(r.effective_status),
        ]
        for r in report.due_soon
    ]
    return _table(t, header, rows, width, (1.1, 4.0, 3.2, 6.4, 2.0, 1.9), {1, 2, 3})


def _progress(report: CoordinationReport, t: Labels, width: float) -> list[Flowable]:
    header = [
        t(N_("Fecha")),
        t(N_("N.º")),
        t(N_("Entidad")),
        t(N_("Compromiso")),
        t(N_("Logrado / meta")),
        t(N_("Estado")),
        t(N_("Comentario")),
    ]
    rows = [
        [
            format_date(p.date),
            p.commitment_id,
            p.partner_name,
            p.title,
            quantity_pair(p.achieved_quantity, p.target_quantity),
            _status(p, t),
            p.comment or "",
        ]
        for p in report.progress
    ]
    parts = (1.8, 1.0, 3.3, 4.6, 2.0, 1.9, 3.8)
    return _table(t, header, rows, width, parts, {2, 3, 5, 6}, (1, 4), COMMENT_LINES)


def _status(p, t: Labels) -> str:
    """A figure of a report not yet accepted says so (writers/report/reporting.py explains)."""
    return t.status(p.status) + ("\n" + t(UNACCEPTED) if p.unaccepted else "")


UNACCEPTED = N_("(sin aceptar)")


def _stale(report: CoordinationReport, t: Labels, width: float) -> list[Flowable]:
    header = [
        t(N_("N.º")),
        t(N_("Entidad")),
        t(N_("Compromiso")),
        t(N_("Último avance")),
        t(N_("Días sin actualizar")),
        t(N_("Estado")),
    ]
    rows = [
        [
            s.row.id,
            s.row.partner_name,
            s.row.title,
            format_date(s.last_update) or t(N_("nunca")),
            format_quantity(s.days),
            t.status(s.row.effective_status),
        ]
        for s in report.stale
    ]
    return _table(t, header, rows, width, (1.1, 4.0, 6.6, 2.1, 1.9, 2.0), {1, 2}, (0, 4))
