"""The PDF acta of a meeting, from a `MinutesDoc` (services.minutes); runs no query.

Sections in the order of Colombian actas (GTC 185): identification, attendees (guests, excused
and absent apart, the attendance sheet annexed), agenda, development by item, decisions,
follow-up of earlier commitments (numbered, with the commitment's ID and due date), commitments
agreed, next meeting (date, time, place), signatures (name, position, entity and room to sign),
then who prepared, reviewed and approved it. A draft says so across every page.

Where each signer's room to sign was drawn (page and box, in points) can be recorded into a
dict (`places`): a digital signature's visible stamp goes there (documents/signatures/).
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from pazos_desktop.domain.meetings import SIGNER_ROLES
from pazos_desktop.i18n import N_, translate
from pazos_desktop.services.meetings.minutes import (
    AGREED_COLUMNS,
    FOLLOWUP_COLUMNS,
    MeetingHeader,
    MinutesDoc,
    PersonRow,
    agreed_cells,
    followup_cells,
)
from pazos_desktop.writers.pdf.document import (
    FONT,
    GRID,
    DocumentInfo,
    bold_label,
    build_pdf,
    cut,
    data_table,
    frame_width,
    markup,
    para,
    paras,
    styles,
)

DRAFT_COLOUR = "#B03A2E"
SIGN_ROOM = 3.0 * cm  # blank space above each signature line: room for a hand or a stamp
FIELD_LIMIT = 600  # characters of a one-line field (place, name…) before it is cut, marked


def write_minutes(
    target: str | Path | io.BytesIO,
    doc: MinutesDoc,
    info: DocumentInfo,
    invariant=False,
    places: dict | None = None,
) -> None:
    """Write the acta; `info` carries the house-style header (see pdf/document.info_from_settings);
    `places`, when given, receives each signer's room: role -> (page from 0, x0, y0, x1, y1)."""
    lang = doc.header.lang
    t = Labels(lang)
    info.subject = info.subject or f"{doc.header.type_label} — {doc.header.objective}"[:300]
    info.keywords = info.keywords or [doc.header.named, doc.header.type_label]
    if doc.header.draft:
        info.draft_mark = t(N_("BORRADOR"))
    build_pdf(target, info, minutes_story(doc, info, lang, places), invariant=invariant)


def minutes_story(
    doc: MinutesDoc, info: DocumentInfo, lang: str, places: dict | None = None
) -> list[Flowable]:
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
    # The signatures never stand alone: they take the acta's last section with them.
    story.append(KeepTogether(next_meeting(doc, t) + signatures(doc, t, width, places)))
    return story


class Labels:
    """Translate the writer's own labels into the export's language."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, text: str) -> str:
        return translate(text, self.lang)

    def cut(self, text: str | None, limit: int = FIELD_LIMIT) -> str:
        """A one-line field cut (visibly) where it would no longer fit its box."""
        return cut(text, self.lang, limit)


def title_block(h: MeetingHeader, t: Labels) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [
        Paragraph(markup(h.title or h.acta.upper()), st.title),
        Paragraph(markup(cut(h.body or h.type_label, h.lang, 200)), centred(st.h2)),
    ]
    if h.draft:
        note = t(N_("BORRADOR — sin aprobar"))
        out.append(
            Paragraph(
                f'<font color="{DRAFT_COLOUR}">{markup(note)}</font>',
                centred(st.small),
            )
        )
    elif h.approval:
        out.append(Paragraph(markup(h.approval), centred(st.small)))
    out.append(Spacer(1, 0.2 * cm))
    return out


def centred(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_c", parent=style, alignment=TA_CENTER)


def identification(h: MeetingHeader, t: Labels, width: float) -> list[Flowable]:
    """Date, times, place or link and clusters in a labelled grid; the objective below it
    (a long objective splits over pages like any paragraph)."""
    st = styles()
    label_w = 3.6 * cm
    half = (width - 2 * label_w) / 2

    def lab(text):
        return Paragraph(f"<b>{markup(t(text))}</b>", st.cell)

    def val(text):
        return Paragraph(markup(t.cut(text)) or "—", st.cell)

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
    table = Table(rows, colWidths=[label_w, half, label_w, half], splitInRow=1)
    spans = [("SPAN", (1, i), (3, i)) for i in range(2, len(rows))]
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # reportlab's default is Helvetica
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#E8EEF5")),
            ("BACKGROUND", (2, 0), (2, 1), colors.HexColor("#E8EEF5")),
            *spans,
        ]
    )
    objective = [bold_label(t(N_("Objetivo")), "")]
    objective += [p for block in _blocks(h.objective) for p in paras(block)]
    return [table, Spacer(1, 0.2 * cm), *objective]


def _people(rows: list[PersonRow], t: Labels, width: float) -> list[Flowable]:
    header = [t(N_("No.")), t(N_("Nombre")), t(N_("Entidad")), t(N_("Cargo"))]
    widths = [1.0 * cm, 0.3 * (width - cm), 0.4 * (width - cm), 0.3 * (width - cm)]
    body = [[str(i), r.name, r.entity, r.position] for i, r in enumerate(rows, 1)]
    return data_table(header, body, widths, wrap_cols={1, 2, 3})


def section(title: str) -> list[Flowable]:
    # build_pdf keeps it with the start of what follows (pdf/flow.py).
    return [Paragraph(markup(title), styles().h1)]


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
    note = t(N_("Ver planilla de asistencia anexa, con las firmas de los asistentes."))
    return out + [Spacer(1, 0.15 * cm), para(note, styles().small)]


def agenda(doc: MinutesDoc, t: Labels) -> list[Flowable]:
    out = section(t(N_("Orden del día")))
    if not doc.agenda:
        return out + [para(t(N_("Sin orden del día registrado.")))]
    return out + [
        p for i, item in enumerate(doc.agenda, 1) for p in paras(f"{i}. {t.cut(item.title, 1000)}")
    ]


def development(doc: MinutesDoc, t: Labels) -> list[Flowable]:
    st = styles()
    out = section(t(N_("Desarrollo de la reunión")))
    for i, item in enumerate(doc.agenda, 1):  # each item's heading kept with its text (flow.py)
        out.append(Paragraph(markup(f"{i}. {t.cut(item.title, 1000)}"), st.h2))
        text = item.development or t(N_("Sin desarrollo registrado."))
        # Paragraphs of a bounded size, so a long development splits across pages quickly.
        out += [p for block in _blocks(text) for p in paras(block)]
    return out


def _blocks(text: str | None) -> list[str]:
    text = (text or "").replace("\r\n", "\n")
    blocks = [b.strip("\n") for b in text.split("\n\n")]
    return [b for b in blocks if b.strip()] or ["—"]


def decisions(doc: MinutesDoc, t: Labels) -> list[Flowable]:
    out = section(t(N_("Decisiones")))
    if not doc.decisions:
        return out + [para(t(N_("No se registraron decisiones.")))]
    return out + [p for i, text in enumerate(doc.decisions, 1) for p in paras(f"{i}. {text}")]


def followups(doc: MinutesDoc, t: Labels, width: float) -> list[Flowable]:
    out = section(t(N_("Seguimiento a compromisos anteriores")))
    if not doc.followups:
        return out + [para(t(N_("No hubo compromisos anteriores para revisar.")))]
    header = [t(label) for label in FOLLOWUP_COLUMNS]
    fixed = [0.8 * cm, 1.2 * cm, None, None, 1.9 * cm, 2.2 * cm, None]
    widths = _widths(width, fixed, (0.32, 0.26, 0.42))
    body = followup_cells(doc.followups)
    return out + data_table(header, body, widths, wrap_cols={2, 3, 4, 5, 6})


def _widths(width: float, fixed: list, shares: tuple[float, ...]) -> list[float]:
    """Column widths: the fixed ones as given, the others (None) sharing the rest."""
    rest = width - sum(w for w in fixed if w)
    parts = iter(shares)
    return [w if w else rest * next(parts) for w in fixed]


def agreed(doc: MinutesDoc, t: Labels, width: float) -> list[Flowable]:
    out = section(t(N_("Compromisos acordados")))
    if not doc.agreed:
        return out + [para(t(N_("No se acordaron compromisos.")))]
    header = [t(label) for label in AGREED_COLUMNS]
    fixed = [0.8 * cm, 1.2 * cm, None, None, None, None, 1.9 * cm]
    widths = _widths(width, fixed, (0.33, 0.29, 0.2, 0.18))
    body = agreed_cells(doc.agreed)
    return out + data_table(header, body, widths, wrap_cols={2, 3, 4, 5, 6})


def next_meeting(doc: MinutesDoc, t: Labels) -> list[Flowable]:
    out = section(t(N_("Próxima reunión")))
    if not (doc.next_date or doc.next_place or doc.next_time):
        return out + [para(t(N_("Por definir.")))]
    unknown = t(N_("Por definir"))
    return out + [
        bold_label(t(N_("Fecha")), doc.next_date or unknown),
        bold_label(t(N_("Hora")), doc.next_time or unknown),
        bold_label(t(N_("Lugar")), t.cut(doc.next_place) or unknown),
    ]


def signatures(
    doc: MinutesDoc, t: Labels, width: float, places: dict | None = None
) -> list[Flowable]:
    """Chair and secretary side by side, then who prepared, reviewed and approved the acta,
    each with name, position and entity under a line with room to sign."""
    firmas = signature_blocks(
        [
            (doc.chair, t(SIGNER_ROLES["chair"]), "chair"),
            (doc.secretary, t(SIGNER_ROLES["secretary"]), "secretary"),
        ],
        t,
        width,
        places,
    )
    made = signature_blocks(
        [
            (doc.prepared, t(SIGNER_ROLES["prepared"]), "prepared"),
            (doc.reviewed, t(SIGNER_ROLES["reviewed"]), "reviewed"),
            (doc.approver, t(SIGNER_ROLES["approver"]), "approver"),
        ],
        t,
        width,
        places,
    )
    out: list[Flowable] = [*section(t(N_("Firmas"))), firmas, Spacer(1, 0.4 * cm), made]
    if doc.header.approval:
        out += [Spacer(1, 0.3 * cm), para(doc.header.approval, styles().small)]
    return out  # kept whole by minutes_story (reportlab mislays a KeepTogether inside another)


def signature_blocks(
    people: list[tuple[PersonRow, str, str]], t: Labels, width: float, places: dict | None
) -> Table:
    """Side-by-side blocks: the role, room to sign, a drawn line (not a run of underscores),
    then name (bold), position and entity."""
    st = styles()
    gap = 0.6 * cm
    column = (width - gap * (len(people) - 1)) / len(people)
    role_style = ParagraphStyle("sign_role", parent=st.small, textColor=colors.HexColor("#444444"))
    cells = []
    for person, role, key in people:
        name = markup(t.cut(person.name, 300)) or "&nbsp;"
        lines = [
            Paragraph(markup(role), role_style),
            SignRoom(key, SIGN_ROOM, places),
            HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceAfter=2),
            Paragraph(f"<b>{name}</b>", st.normal),
        ]
        lines += [para(t.cut(v, 300), st.small) for v in (person.position, person.entity) if v]
        cells.append(lines)
    table = Table([cells], colWidths=[column + gap] * (len(people) - 1) + [column])
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-2, -1), gap),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
        ]
    )
    return table


class SignRoom(Spacer):
    """The blank room above a signature line; records where it was drawn, when asked."""

    def __init__(self, role: str, height: float, places: dict | None):
        super().__init__(1, height)
        self.role, self.places = role, places

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.height

    def draw(self):
        if self.places is not None:
            x0, y0 = self.canv.absolutePosition(0, 0)
            x1, y1 = self.canv.absolutePosition(self.width, self.height)
            page = self.canv.getPageNumber() - 1
            self.places[self.role] = [page, round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)]
