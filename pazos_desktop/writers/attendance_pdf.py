"""The attendance sheet (planilla de asistencia) printed for the meeting itself.

Landscape, one row per expected attendee with blank columns for phone, e-mail and signature,
then empty rows for walk-ins. From an `AttendanceDoc` (services.minutes); runs no query.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from ..i18n import N_
from ..services.minutes import AttendanceDoc
from ..services.personal_data.attendance import MARK
from .minutes_pdf import Labels, centred
from .pdf_base import GRID, DocumentInfo, build_pdf, data_table, frame_width, markup, para, styles

# Room to sign by hand: rows at least ~1 cm high.
ROW_PADDING = 9


def write_attendance(
    target: str | Path | io.BytesIO, doc: AttendanceDoc, info: DocumentInfo, invariant=False
) -> None:
    t = Labels(doc.header.lang)
    info.subject = info.subject or f"{t(N_('Planilla de asistencia'))} — {doc.header.acta}"
    info.keywords = info.keywords or [doc.header.acta, t(N_("Planilla de asistencia"))]
    story = attendance_story(doc, info, t)
    build_pdf(target, info, story, invariant=invariant, orientation="landscape")


def attendance_story(doc: AttendanceDoc, info: DocumentInfo, t: Labels) -> list[Flowable]:
    st = styles()
    h = doc.header
    width = frame_width(info, "landscape")
    story: list[Flowable] = [
        Paragraph(markup(t(N_("PLANILLA DE ASISTENCIA"))), st.title),
        Paragraph(markup(f"{h.acta} — {h.type_label}"), centred(st.h2)),
        _details(doc, t, width),
        Spacer(1, 0.3 * cm),
    ]
    story += _sheet(doc, t, width)
    story.append(Spacer(1, 0.2 * cm))
    story += _habeas_data(doc, t)
    return story


def _details(doc: AttendanceDoc, t: Labels, width: float) -> Table:
    st = styles()
    h = doc.header
    hours = " – ".join(v for v in (h.start_time, h.end_time) if v)
    place = h.place + (f" · {h.link}" if h.link else "")
    pairs = [
        (N_("Fecha"), h.date),
        (N_("Hora"), hours),
        (N_("Lugar"), place),
        (N_("Objetivo"), h.objective),
    ]
    cells = [
        Paragraph(f"<b>{markup(t(label))}:</b> {markup(value)}", st.cell) for label, value in pairs
    ]
    table = Table(
        [cells[:3], [cells[3], "", ""]],
        colWidths=[0.2 * width, 0.2 * width, 0.6 * width],
    )
    table.setStyle([("GRID", (0, 0), (-1, -1), 0.4, GRID), ("SPAN", (0, 1), (2, 1))])
    return table


def _sheet(doc: AttendanceDoc, t: Labels, width: float) -> list[Flowable]:
    header = [
        t(N_("No.")),
        t(N_("Nombre")),
        t(N_("Entidad")),
        t(N_("Cargo")),
        t(N_("Teléfono")),
        t(N_("Correo electrónico")),
        t(N_("Firma")),
    ]
    fixed = 0.9 * cm
    rest = width - fixed
    widths = [fixed] + [rest * share for share in (0.19, 0.19, 0.14, 0.11, 0.19, 0.18)]
    rows = [
        [str(i), _marked(doc, i - 1, p.name), p.entity, p.position, "", "", ""]
        for i, p in enumerate(doc.expected, 1)
    ]
    start = len(rows) + 1
    rows += [[str(start + k), "", "", "", "", "", ""] for k in range(doc.blank_rows)]
    padding = [
        ("TOPPADDING", (0, 1), (-1, -1), ROW_PADDING),
        ("BOTTOMPADDING", (0, 1), (-1, -1), ROW_PADDING),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
    ]
    return data_table(header, rows, widths, wrap_cols={1, 2, 3}, extra_style=padding)


# --- personal data (Ley 1581): the mark and the notice; the data come from the core -----------


def _marked(doc: AttendanceDoc, index: int, name: str) -> str:
    """The name, with the mark when the person has no valid authorisation on file."""
    dp = doc.data_protection
    return f"{name} {MARK}" if dp is not None and dp.marked(index) else name


def _habeas_data(doc: AttendanceDoc, t: Labels) -> list[Flowable]:
    st = styles()
    dp = doc.data_protection
    general = N_(
        "Los datos personales registrados se usan solo para la gestión de esta "
        "reunión y se tratan conforme a la Ley 1581 de 2012 (habeas data)."
    )
    out = [para(dp.notice if dp is not None and dp.notice else t(general), st.small)]
    if dp is not None and dp.policy_version:
        version = t(N_("Política de tratamiento de datos, versión {v}.")).format(
            v=dp.policy_version
        )
        out.append(para(version, st.small))
    if dp is not None and any(dp.lacking):
        legend = t(N_("{mark} Sin autorización vigente para el tratamiento de sus datos."))
        out.append(para(legend.format(mark=MARK), st.small))
    return out
