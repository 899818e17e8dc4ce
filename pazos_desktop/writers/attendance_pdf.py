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
from pazos_desktop.writers.pdf.header import NOTE_LIMIT
from pazos_desktop.writers.pdf.tables import continued_rows, lines_that_fit

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
    info.page_note = page_note(doc, t)
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
    return story + sheet(doc, t, width, body_height(info, "landscape"))


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
    """The expected attendees, then the blank rows: these fill the page of the last name and
    stop there (never a page of blank rows alone); with nobody expected, they are the sheet."""
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
    fill = doc.blank_rows is None  # no number asked: the last page of names filled
    count = DEFAULT_BLANK_ROWS if fill else doc.blank_rows
    blank = [[str(len(rows) + k), "", "", "", "", "", "", tick, ""] for k in range(1, 1 + count)]
    fit = lines_that_fit(height, padding=2 * ROW_PADDING)
    if not rows:
        return data_table(header, blank, widths, {1, 2, 3}, extra_style=_padding(1), row_lines=fit)
    table = data_table(header, rows, widths, {1, 2, 3}, extra_style=_padding(1), row_lines=fit)
    return [*table, BlankRows(blank, widths, len(rows), fill)] if blank else table


def _padding(first: int) -> list:
    return [
        ("TOPPADDING", (0, first), (-1, -1), ROW_PADDING),
        ("BOTTOMPADDING", (0, first), (-1, -1), ROW_PADDING),
        ("VALIGN", (0, first), (-1, -1), "MIDDLE"),
    ]


DEFAULT_BLANK_ROWS = 10


class BlankRows(Flowable):
    """As many of the blank rows as the page still holds, drawn on. `fill` (no number was
    asked): the rest are dropped, so no page holds only blank rows; else the rest continue
    on the next pages, as many as were asked for."""

    def __init__(self, rows: list[list[str]], widths: list[float], after: int, fill=True):
        super().__init__()
        self.rows, self.widths, self.after, self.fill = rows, widths, after, fill
        self.table = None
        self.count = 0

    def wrap(self, avail_width, avail_height):
        one = continued_rows(self.rows[:1], self.widths, self.after, _padding(0))
        row_height = one.wrap(avail_width, avail_height)[1]  # blank rows are all alike
        self.count = min(len(self.rows), int(avail_height // row_height))
        # Asked-for rows say their whole height: the frame then splits them across pages.
        count = self.count if self.fill else len(self.rows)
        self.table = None
        if count:
            self.table = continued_rows(self.rows[:count], self.widths, self.after, _padding(0))
        self.width = sum(self.widths)
        return self.width, self.table.wrap(avail_width, avail_height)[1] if count else 0.0

    def split(self, avail_width, avail_height):
        if self.fill:
            return []  # never onto a page of its own
        self.wrap(avail_width, avail_height)
        count = self.count
        while count and self._height(count, avail_width, avail_height) > avail_height:
            count -= 1  # the table's own rounding: never a row past the frame
        if not count:
            return []  # none fits here: all of them on the next page
        here = BlankRows(self.rows[:count], self.widths, self.after, fill=False)
        rest = BlankRows(self.rows[count:], self.widths, self.after + count, fill=False)
        return [here, rest]

    def _height(self, count: int, avail_width, avail_height) -> float:
        table = continued_rows(self.rows[:count], self.widths, self.after, _padding(0))
        return table.wrap(avail_width, avail_height)[1]

    def draw(self):
        if self.table is not None:
            self.table.drawOn(self.canv, 0, 0)


# --- personal data (Ley 1581): the mark; who lacks an authorisation comes from the core ------


def _marked(doc: AttendanceDoc, index: int, name: str) -> str:
    """The name, with the mark when the person has no valid authorisation on file."""
    dp = doc.data_protection
    return f"{name} {MARK}" if dp is not None and dp.marked(index) else name


def page_note(doc: AttendanceDoc, t: Labels) -> str:
    """The notice at the foot of every page, and the mark's meaning when a name carries it:
    each loose page explains its own "(*)"."""
    dp = doc.data_protection
    if dp is None or not any(dp.lacking):
        return doc.notice
    legend = t(N_("{mark} Sin autorización vigente para el tratamiento de sus datos.")).format(
        mark=MARK
    )
    notice = doc.notice[: NOTE_LIMIT - len(legend) - 1]
    return f"{notice}\n{legend}" if notice else legend
