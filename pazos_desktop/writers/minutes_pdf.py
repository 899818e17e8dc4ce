"""The PDF acta of a meeting, from a `MinutesDoc` (services.minutes); runs no query.

Sections in the order of Colombian actas (GTC 185): identification, attendees (guests, excused
and absent apart), agenda, development by item, decisions, follow-up of earlier commitments,
commitments agreed, next meeting, signatures, prepared/reviewed by.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from ..i18n import N_, translate
from ..services.minutes import MeetingHeader, MinutesDoc, PersonRow
from .pdf_base import (
    GRID,
    DocumentInfo,
    bold_label,
    build_pdf,
    data_table,
    frame_width,
    markup,
    para,
    styles,
)

DRAFT_COLOUR = "#B03A2E"


def write_minutes(
    target: str | Path | io.BytesIO, doc: MinutesDoc, info: DocumentInfo, invariant=False
) -> None:
    """Write the acta; `info` carries the house-style header (see pdf_base.info_from_settings)."""
    lang = doc.header.lang
    info.subject = info.subject or f"{doc.header.type_label} — {doc.header.objective}"[:300]
    info.keywords = info.keywords or [doc.header.acta, doc.header.type_label]
    build_pdf(target, info, minutes_story(doc, info, lang), invariant=invariant)


def minutes_story(doc: MinutesDoc, info: DocumentInfo, lang: str) -> list[Flowable]:
    t = Labels(lang)
    width = frame_width(info)
    story = title_block(doc.header, t)
    story += identification(doc.header, t, width)
    story += attendees(doc, t, width)
    story += agenda(doc, t)
    story += development(doc, t)
    story += decisions(doc, t)
    story += followups(doc, t, width)
    story += agreed(doc, t, width)
    story += next_meeting(doc, t)
    story += signatures(doc, t, width)
    return story


class Labels:
    """Translate the writer's own labels into the export's language."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, text: str) -> str:
        return translate(text, self.lang)


def title_block(h: MeetingHeader, t: Labels) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [
        Paragraph(markup(h.acta.upper()), st.title),
        Paragraph(markup(h.type_label), centred(st.h2)),
    ]
    if h.draft:
        note = t(N_("BORRADOR — sin aprobar"))
        out.append(
            Paragraph(
                f'<font color="{DRAFT_COLOUR}">{markup(note)}</font>',
                centred(st.small),
            )
        )
    out.append(Spacer(1, 0.2 * cm))
    return out


def centred(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_c", parent=style, alignment=TA_CENTER)


def identification(h: MeetingHeader, t: Labels, width: float) -> list[Flowable]:
    """Date, times, place or link, clusters and objective in a labelled grid."""
    st = styles()
    label_w = 3.6 * cm
    half = (width - 2 * label_w) / 2

    def lab(text):
        return Paragraph(f"<b>{markup(t(text))}</b>", st.cell)

    def val(text):
        return Paragraph(markup(text) or "—", st.cell)

    rows = [
        [lab(N_("Fecha")), val(h.date), lab(N_("Tipo de reunión")), val(h.type_label)],
        [
            lab(N_("Hora de inicio")),
            val(h.start_time),
            lab(N_("Hora de finalización")),
            val(h.end_time),
        ],
        [lab(N_("Lugar")), val(h.place), "", ""],
    ]
    if h.link:
        rows.append([lab(N_("Enlace")), val(h.link), "", ""])
    rows.append([lab(N_("Clústeres")), val(h.clusters), "", ""])
    rows.append([lab(N_("Objetivo")), val(h.objective), "", ""])
    table = Table(rows, colWidths=[label_w, half, label_w, half], splitInRow=1)
    spans = [("SPAN", (1, i), (3, i)) for i in range(2, len(rows))]
    table.setStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#E8EEF5")),
            ("BACKGROUND", (2, 0), (2, 1), colors.HexColor("#E8EEF5")),
            *spans,
        ]
    )
    return [table]


def _people(rows: list[PersonRow], t: Labels, width: float) -> list[Flowable]:
    header = [t(N_("No.")), t(N_("Nombre")), t(N_("Entidad")), t(N_("Cargo"))]
    widths = [1.0 * cm, 0.3 * (width - cm), 0.4 * (width - cm), 0.3 * (width - cm)]
    body = [[str(i), r.name, r.entity, r.position] for i, r in enumerate(rows, 1)]
    return data_table(header, body, widths, wrap_cols={1, 2, 3})


def section(title: str) -> list[Flowable]:
    # Keep a heading with at least a few lines of what follows it.
    return [CondPageBreak(2.5 * cm), Paragraph(markup(title), styles().h1)]


def attendees(doc: MinutesDoc, t: Labels, width: float) -> list[Flowable]:
    out = section(t(N_("Asistentes")))
    out += (
        _people(doc.present, t, width)
        if doc.present
        else [para(t(N_("Sin asistentes registrados.")))]
    )
    for rows, title in (
        (doc.guests, N_("Invitados")),
        (doc.excused, N_("Excusados")),
        (doc.absent, N_("Ausentes")),
    ):
        if rows:
            out += [Paragraph(markup(t(title)), styles().h2), *_people(rows, t, width)]
    return out


def agenda(doc: MinutesDoc, t: Labels) -> list[Flowable]:
    out = section(t(N_("Orden del día")))
    if not doc.agenda:
        return out + [para(t(N_("Sin orden del día registrado.")))]
    return out + [para(f"{i}. {item.title}") for i, item in enumerate(doc.agenda, 1)]


def development(doc: MinutesDoc, t: Labels) -> list[Flowable]:
    st = styles()
    out = section(t(N_("Desarrollo de la reunión")))
    # The item's heading stays on the page of the first lines of its development.
    heading = ParagraphStyle("h2_keep", parent=st.h2, keepWithNext=1)
    for i, item in enumerate(doc.agenda, 1):
        out.append(Paragraph(markup(f"{i}. {item.title}"), heading))
        text = item.development or t(N_("Sin desarrollo registrado."))
        # One paragraph per block of text, so a long development splits across pages.
        out += [para(block) for block in _blocks(text)]
    return out


def _blocks(text: str) -> list[str]:
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b.strip()] or [text]


def decisions(doc: MinutesDoc, t: Labels) -> list[Flowable]:
    out = section(t(N_("Decisiones")))
    if not doc.decisions:
        return out + [para(t(N_("No se registraron decisiones.")))]
    return out + [para(f"{i}. {text}") for i, text in enumerate(doc.decisions, 1)]


def followups(doc: MinutesDoc, t: Labels, width: float) -> list[Flowable]:
    out = section(t(N_("Seguimiento a compromisos anteriores")))
    if not doc.followups:
        return out + [para(t(N_("No hubo compromisos anteriores para revisar.")))]
    header = [
        t(N_("No.")),
        t(N_("Compromiso")),
        t(N_("Responsable")),
        t(N_("Estado reportado")),
        t(N_("Avance / comentario")),
    ]
    rest = width - 1.0 * cm - 2.6 * cm
    widths = [1.0 * cm, 0.34 * rest, 0.26 * rest, 2.6 * cm, 0.40 * rest]
    body = [
        [str(i), f.commitment, f.responsible, f.status, f.report]
        for i, f in enumerate(doc.followups, 1)
    ]
    return out + data_table(header, body, widths, wrap_cols={1, 2, 3, 4})


def agreed(doc: MinutesDoc, t: Labels, width: float) -> list[Flowable]:
    out = section(t(N_("Compromisos acordados")))
    if not doc.agreed:
        return out + [para(t(N_("No se acordaron compromisos.")))]
    header = [
        t(N_("No.")),
        t(N_("Actividad")),
        t(N_("Responsable")),
        t(N_("Clúster")),
        t(N_("Componente")),
        t(N_("Fecha límite")),
    ]
    rest = width - 1.0 * cm - 2.4 * cm
    widths = [1.0 * cm, 0.36 * rest, 0.26 * rest, 0.20 * rest, 0.18 * rest, 2.4 * cm]
    body = [
        [str(i), a.activity, a.responsible, a.cluster, a.component, a.due_date]
        for i, a in enumerate(doc.agreed, 1)
    ]
    return out + data_table(header, body, widths, wrap_cols={1, 2, 3, 4})


def next_meeting(doc: MinutesDoc, t: Labels) -> list[Flowable]:
    out = section(t(N_("Próxima reunión")))
    if not (doc.next_date or doc.next_place):
        return out + [para(t(N_("Por definir.")))]
    return out + [
        bold_label(t(N_("Fecha")), doc.next_date or t(N_("Por definir"))),
        bold_label(t(N_("Lugar")), doc.next_place or t(N_("Por definir"))),
    ]


def signatures(doc: MinutesDoc, t: Labels, width: float) -> list[Flowable]:
    """Chair and secretary side by side, then who prepared and reviewed the acta."""
    st = styles()
    blocks = [
        (doc.chair, t(N_("Preside"))),
        (doc.secretary, t(N_("Secretaría técnica"))),
    ]
    cells = [
        [
            Spacer(1, 1.6 * cm),
            Paragraph(f"<b>{markup(person.name) or '&nbsp;'}</b>", st.normal),
            para(person.position),
            para(role, st.small),
        ]
        for person, role in blocks
    ]
    column = (width - 1.0 * cm) / 2
    table = Table([cells], colWidths=[column, column], hAlign="LEFT", spaceBefore=6)
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0.5 * cm),
        ]
    )
    made = [
        Spacer(1, 0.5 * cm),
        bold_label(t(N_("Elaboró")), doc.prepared_by or "—"),
        bold_label(t(N_("Revisó")), doc.reviewed_by or "—"),
    ]
    return [KeepTogether([*section(t(N_("Firmas"))), SignatureLines(table, column), *made])]


class SignatureLines(Flowable):
    """The signature table with a line above each name (drawn, not a text underscore run)."""

    def __init__(self, table: Table, column: float):
        super().__init__()
        self.table, self.column = table, column

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self.table.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        self.table.drawOn(self.canv, 0, 0)
        self.canv.setStrokeColor(colors.black)
        self.canv.setLineWidth(0.6)
        top = self.height - 1.6 * cm - 2
        for i in range(2):
            x = i * self.column
            self.canv.line(x, top, x + self.column - 0.6 * cm, top)
