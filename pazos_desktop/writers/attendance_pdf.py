"""The attendance sheet (planilla de asistencia) printed for the meeting itself.

Landscape, one row per expected attendee with blank columns for ID number (cédula), phone,
e-mail, the personal-data authorisation (☐ Sí ☐ No) and the signature, then empty rows for
walk-ins; rows at least 1.3 cm high, room to write and sign by hand. The personal-data notice
(Ley 1581 de 2012) is printed at the foot of every page: a loose page still carries it. Expected
attendees without a valid authorisation on file are marked "(*)", so the secretary knows whom
to ask on the day. From an `AttendanceDoc` (services.minutes); runs no query.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from pazos_desktop.i18n import N_
from pazos_desktop.services.meetings.minutes import AttendanceDoc
from pazos_desktop.services.personal_data.attendance import MARK
from pazos_desktop.writers.minutes_pdf import Labels, centred
from pazos_desktop.writers.pdf.document import (
    FONT,
    GRID,
    DocumentInfo,
    body_height,
    build_pdf,
    data_table,
    frame_width,
    markup,
    styles,
)
from pazos_desktop.writers.pdf.tables import lines_that_fit

# Room to write and sign by hand: a one-line row is 10 pt of text + 2 × 14 pt = 1.34 cm.
ROW_PADDING = 14
MIN_ROW_HEIGHT = 1.3 * cm
TICK = "☐ {yes}   ☐ {no}"


def write_attendance(
    target: str | Path | io.BytesIO, doc: AttendanceDoc, info: DocumentInfo, invariant=False
) -> None:
    t = Labels(doc.header.lang)
    info.subject = info.subject or f"{t(N_('Planilla de asistencia'))} — {doc.header.named}"
    info.keywords = info.keywords or [doc.header.named, t(N_("Planilla de asistencia"))]
    info.page_note = doc.notice
    story = attendance_story(doc, info, t)  # after page_note: it takes room from every page
    build_pdf(target, info, story, invariant=invariant, orientation="landscape")


def attendance_story(doc: AttendanceDoc, info: DocumentInfo, t: Labels) -> list[Flowable]:
    st = styles()
    h = doc.header
    width = frame_width(info, "landscape")
    story: list[Flowable] = [
        Paragraph(markup(t(N_("PLANILLA DE ASISTENCIA"))), st.title),
        Paragraph(markup(f"{h.acta} — {t.cut(h.body or h.type_label, 200)}"), centred(st.h2)),
        _details(doc, t, width),
        Spacer(1, 0.3 * cm),
    ]
    return story + sheet(doc, t, width, body_height(info, "landscape")) + _legend(doc, t)


def _details(doc: AttendanceDoc, t: Labels, width: float) -> Table:
    st = styles()
    h = doc.header
    hours = " – ".join(v for v in (h.start_time, h.end_time) if v)
    place = h.place + (f" · {h.link}" if h.link else "")
    pairs = [
        (N_("Fecha"), h.date),
        (N_("Hora"), hours),
        (N_("Lugar"), t.cut(place)),
        (N_("Objetivo"), t.cut(h.objective)),
    ]
    cells = [
        Paragraph(f"<b>{markup(t(label))}:</b> {markup(value)}", st.cell) for label, value in pairs
    ]
    table = Table(
        [cells[:3], [cells[3], "", ""]],
        colWidths=[0.2 * width, 0.2 * width, 0.6 * width],
        splitInRow=1,
    )
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # reportlab's default is Helvetica
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("SPAN", (0, 1), (2, 1)),
        ]
    )
    return table


def sheet(doc: AttendanceDoc, t: Labels, width: float, height: float = 1e9) -> list[Flowable]:
    header = [
        t(N_("No.")),
        t(N_("Nombre")),
        t(N_("Entidad")),
        t(N_("Cargo")),
        t(N_("Cédula o documento")),
        t(N_("Teléfono")),
        t(N_("Correo electrónico")),
        t(N_("Autoriza el tratamiento de sus datos")),
        t(N_("Firma")),
    ]
    fixed = {0: 0.9 * cm, 4: 2.5 * cm, 5: 2.3 * cm, 7: 2.4 * cm}
    shares = {1: 0.25, 2: 0.22, 3: 0.16, 6: 0.18, 8: 0.19}
    rest = width - sum(fixed.values())
    widths = [fixed.get(i) or rest * shares[i] for i in range(len(header))]
    tick = TICK.format(yes=t(N_("Sí")), no=t(N_("No")))
    rows = [
        [str(i), _marked(doc, i - 1, p.name), p.entity, p.position, "", "", "", tick, ""]
        for i, p in enumerate(doc.expected, 1)
    ]
    start = len(rows) + 1
    rows += [[str(start + k), "", "", "", "", "", "", tick, ""] for k in range(doc.blank_rows)]
    padding = [
        ("TOPPADDING", (0, 1), (-1, -1), ROW_PADDING),
        ("BOTTOMPADDING", (0, 1), (-1, -1), ROW_PADDING),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
    ]
    fit = lines_that_fit(height, padding=2 * ROW_PADDING)
    return data_table(header, rows, widths, wrap_cols={1, 2, 3}, extra_style=padding, row_lines=fit)


# --- personal data (Ley 1581): the mark; who lacks an authorisation comes from the core ------


def _marked(doc: AttendanceDoc, index: int, name: str) -> str:
    """The name, with the mark when the person has no valid authorisation on file."""
    dp = doc.data_protection
    return f"{name} {MARK}" if dp is not None and dp.marked(index) else name


def _legend(doc: AttendanceDoc, t: Labels) -> list[Flowable]:
    dp = doc.data_protection
    if dp is None or not any(dp.lacking):
        return []
    legend = t(N_("{mark} Sin autorización vigente para el tratamiento de sus datos."))
    return [Spacer(1, 0.2 * cm), Paragraph(markup(legend.format(mark=MARK)), styles().small)]
