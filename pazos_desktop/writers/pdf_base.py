"""The house style of every PDF: fonts, header with the quality-system block, "Página X de Y",
Letter or A4, portrait and landscape pages, escaped text and tables that stay fast and split.

Writers build a list of flowables with `para()`/`data_table()` and hand it to `build_pdf()`.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from ..i18n import N_, translate
from ..paths import resource_path

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = (
    "DejaVuSans",
    "DejaVuSans-Bold",
    "DejaVuSans-Oblique",
    "DejaVuSans-BoldOblique",
)
PAGE_SIZES = {"letter": LETTER, "a4": A4}
MARGIN = 1.6 * cm
HEADER_HEIGHT = 2.3 * cm
FOOTER_HEIGHT = 1.0 * cm
CELL_PADDING = 3
TALL_ROW_LINES = 25  # a cell of more lines might be taller than what is left of a page
TABLE_CHUNK_ROWS = 300  # one huge Table re-splits super-linearly; chunks keep it linear
HEADER_FILL = colors.HexColor("#1F4E79")
ZEBRA_FILL = colors.HexColor("#F2F6FA")
GRID = colors.HexColor("#9FB3C8")


@cache
def register_fonts() -> str:
    """Register DejaVu Sans (wide coverage, redistributable) once; returns the family name."""
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


def missing_glyphs(text: str) -> set[str]:
    """Characters of `text` the embedded font cannot draw (they would print as boxes)."""
    register_fonts()
    face = pdfmetrics.getFont(FONT).face
    return {ch for ch in set(text) if ch.isprintable() and ord(ch) not in face.charToGlyph}


@dataclass
class Styles:
    normal: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    normal = ParagraphStyle("normal", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=4)
    return Styles(
        normal=normal,
        small=ParagraphStyle("small", parent=normal, fontSize=8, leading=10),
        cell=ParagraphStyle("cell", parent=normal, fontSize=8, leading=10, spaceAfter=0),
        cell_header=ParagraphStyle(
            "cell_header",
            parent=normal,
            fontName=FONT_BOLD,
            fontSize=8,
            leading=10,
            textColor=colors.white,
            spaceAfter=0,
        ),
        title=ParagraphStyle(
            "title",
            parent=normal,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
        h1=ParagraphStyle(
            "h1",
            parent=normal,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
            textColor=HEADER_FILL,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=normal,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
        ),
    )


def markup(text: str | None) -> str:
    """User text as Paragraph markup: escaped (never parsed as tags), newlines kept."""
    if text is None:
        return ""
    return escape(str(text)).replace("\r\n", "\n").replace("\n", "<br/>")


def para(text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(markup(text), style or styles().normal)


def bold_label(label: str, value: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    """ "Label: value" with the label in bold; both escaped."""
    return Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", style or styles().normal)


def data_table(
    header: list[str],
    rows: list[list],
    col_widths: list[float],
    wrap_cols: set[int] | None = None,
    chunk_rows: int = TABLE_CHUNK_ROWS,
    extra_style: list | None = None,
) -> list[Flowable]:
    """A header-repeating, zebra-striped table cut into chunks of `chunk_rows` rows.

    Every cell is a plain string, drawn as it is (never parsed as markup): the columns in
    `wrap_cols` are word-wrapped to their width (newlines kept), the others stay on one line.
    Plain strings cost about a quarter of Paragraphs.
    """
    st = styles()
    wrap_cols = wrap_cols if wrap_cols is not None else set(range(len(header)))
    room = {i: col_widths[i] - 2 * CELL_PADDING for i in wrap_cols if i < len(col_widths)}
    # Header labels wrap too (bold, white: the table style), as plain strings like the body.
    head = [
        _cell(h, col_widths[i] - 2 * CELL_PADDING, st.cell_header, FONT_BOLD)
        for i, h in enumerate(header)
    ]
    body = [
        [_cell(v, room[i], st.cell) if i in room else _plain(v) for i, v in enumerate(row)]
        for row in rows
    ]
    if not body:
        body = [[""] * len(header)]
    chunks = [body[i : i + chunk_rows] for i in range(0, len(body), chunk_rows)]
    return [_table([head, *chunk], col_widths, extra_style) for chunk in chunks]


def _plain(value) -> str:
    return "" if value is None else str(value)


def _cell(value, room: float, style: ParagraphStyle, font: str = FONT) -> str:
    """Text wrapped to the column as a plain multi-line string.

    A plain string is drawn as it is (never parsed as markup), and costs a fraction of a
    Paragraph: wrapping it here keeps big tables close to bare reportlab's speed.
    """
    text = _plain(value).replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text and _fits(text, room, style.fontSize, font):
        return text
    lines = (wrap_text(part, room, style.fontSize, font) for part in text.split("\n"))
    return "\n".join(line for part in lines for line in part)


def _fits(text: str, room: float, size: float, font: str = FONT) -> bool:
    # Cheap bound first: DejaVu Sans has no glyph wider than 1.74 em.
    if len(text) * size * 1.8 <= room:
        return True
    return pdfmetrics.stringWidth(text, font, size) <= room


def wrap_text(text: str, room: float, size: float, font: str = FONT) -> list[str]:
    """Greedy word wrap measured with the embedded font; words wider than the column are cut."""
    width = partial(_word_width, size=size, font=font)
    space = width(" ")
    lines: list[str] = []
    line, used = "", 0.0
    for word in text.split(" "):
        w = width(word)
        if line and used + space + w <= room:
            line, used = f"{line} {word}", used + space + w
            continue
        if line:
            lines.append(line)
        if w > room:
            *full, word = _cut(word, room, width)
            lines += full
            w = width(word)
        line, used = word, w
    lines.append(line)
    return lines


@lru_cache(maxsize=20_000)
def _word_width(word: str, size: float, font: str = FONT) -> float:
    # Names, entities and cluster words repeat row after row: measure each once.
    return pdfmetrics.stringWidth(word, font, size)


def _cut(word: str, room: float, width) -> list[str]:
    pieces, current = [], ""
    for ch in word:
        if current and width(current + ch) > room:
            pieces.append(current)
            current = ""
        current += ch
    return [*pieces, current]


def _table(data: list[list], col_widths: list[float], extra_style: list | None) -> Table:
    # Splitting inside rows costs ~15% on every page break: only when some row may not fit.
    tall = any(isinstance(v, str) and v.count("\n") >= TALL_ROW_LINES for row in data for v in row)
    table = Table(data, colWidths=col_widths, repeatRows=1, splitInRow=int(tall))
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_FILL]),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    table.setStyle(TableStyle(style + (extra_style or [])))
    return table


# --- the page: header, footer, templates ------------------------------------------------------


@dataclass
class DocumentInfo:
    """What the header, the footer and the PDF metadata show."""

    title: str
    generated_on: dt.date | None = None  # the footer's "Generado el" (left out when None)
    subject: str = ""
    org_name: str = ""
    logo_path: str | None = None
    doc_code: str = ""
    doc_version: str = ""
    approval_date: str = ""
    page_size: str = "letter"
    lang: str = "es"
    keywords: list[str] = field(default_factory=list)

    def label(self, text: str) -> str:
        return translate(text, self.lang)


def info_from_settings(
    settings: dict[str, str], title: str, lang: str, generated_on: dt.date, **overrides
) -> DocumentInfo:
    """DocumentInfo from the database settings (services.settings.all_settings)."""
    info = DocumentInfo(
        title=title,
        generated_on=generated_on,
        org_name=settings.get("org_name", ""),
        logo_path=settings.get("org_logo") or None,
        doc_code=settings.get("doc_code", ""),
        doc_version=settings.get("doc_version", ""),
        approval_date=settings.get("doc_approval_date", ""),
        page_size=settings.get("page_size", "letter"),
        lang=lang,
    )
    for key, value in overrides.items():
        setattr(info, key, value)
    return info


def _logo(info: DocumentInfo, height: float) -> Flowable | str:
    path = info.logo_path
    if not path or not Path(path).is_file():
        return ""
    try:
        image = Image(path)
    except Exception:  # an unreadable logo must not stop the document
        return ""
    ratio = height / float(image.imageHeight or 1)
    image.drawHeight, image.drawWidth = height, image.imageWidth * ratio
    return image


def _header_table(info: DocumentInfo, width: float) -> Table:
    st = styles()
    small = ParagraphStyle("hdr", parent=st.small, fontSize=7.5, leading=9.5)
    centre = ParagraphStyle("hdr_c", parent=st.normal, alignment=TA_CENTER, fontSize=9, leading=11)
    quality = Paragraph(
        "<br/>".join(
            f"<b>{markup(info.label(k))}:</b> {markup(v)}"
            for k, v in (
                ("Código", info.doc_code),
                ("Versión", info.doc_version),
                ("Fecha de aprobación", info.approval_date),
            )
        ),
        small,
    )
    title = Paragraph(f"<b>{markup(info.org_name)}</b><br/>{markup(info.title)}", centre)
    widths = [3.2 * cm, width - 3.2 * cm - 5.0 * cm, 5.0 * cm]
    table = Table(
        [[_logo(info, HEADER_HEIGHT - 0.6 * cm), title, quality]],
        colWidths=widths,
        rowHeights=[HEADER_HEIGHT - 0.3 * cm],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "CENTER"),
            ]
        )
    )
    return table


def _draw_header(canvas, doc) -> None:
    """The header is the same on every page: drawn once into a PDF form, then reused."""
    info: DocumentInfo = doc.pazos_info
    width, height = canvas._pagesize
    name = f"pazos_header_{round(width)}x{round(height)}"
    made = doc.__dict__.setdefault("pazos_headers", set())
    if name not in made:
        table = _header_table(info, width - 2 * MARGIN)
        _w, h = table.wrapOn(canvas, width - 2 * MARGIN, HEADER_HEIGHT)
        canvas.beginForm(name)
        table.drawOn(canvas, MARGIN, height - MARGIN - h)
        canvas.endForm()
        made.add(name)
    canvas.doForm(name)


def _canvas_class(info: DocumentInfo):
    page_text = info.label(N_("Página {page} de {pages}"))
    generated = ""
    if info.generated_on is not None:
        generated = info.label(N_("Generado el {date}")).format(
            date=info.generated_on.strftime("%d/%m/%Y")
        )

    class NumberedCanvas(rl_canvas.Canvas):
        """Defers every page until the end, so each footer can say "of Y".

        Bookmarks (outline, table-of-contents links) point at the page being written when they
        are made, so they are deferred too and replayed on their own page.
        """

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._page_bookmarks: list[tuple[str, dict]] = []
            # Shared by every page snapshot: filled during layout, read by `save`.
            self.pazos_headings: list[tuple[int, str, str, int]] = []
            self.pazos_at_end: dict[int, list[Callable]] = {}

        def bookmarkPage(self, key, **kwargs):
            self._page_bookmarks.append((key, kwargs))

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._page_bookmarks = []
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key, kwargs in self._page_bookmarks:
                    super().bookmarkPage(key, **kwargs)
                for draw in self.pazos_at_end.get(number, []):
                    draw(self)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width, _h = self._pagesize
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(MARGIN, MARGIN * 0.6, generated)
            self.drawRightString(
                width - MARGIN, MARGIN * 0.6, page_text.format(page=number, pages=total)
            )

    return NumberedCanvas


def _templates(info: DocumentInfo, first: str = "portrait") -> list[PageTemplate]:
    """Both orientations; the first in the list is the one the document starts with."""
    size = PAGE_SIZES.get(info.page_size, LETTER)
    out = []
    pages = [("portrait", size), ("landscape", landscape(size))]
    if first == "landscape":
        pages.reverse()
    for template_id, pagesize in pages:
        width, height = pagesize
        frame = Frame(
            MARGIN,
            MARGIN + FOOTER_HEIGHT * 0.3,
            width - 2 * MARGIN,
            height - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT * 0.3,
            id=f"{template_id}-body",
        )
        out.append(
            PageTemplate(id=template_id, frames=[frame], onPage=_draw_header, pagesize=pagesize)
        )
    out.append(_cover_template(size))
    return out


def _cover_template(pagesize) -> PageTemplate:
    """A portrait page without the header, for a report's cover."""
    width, height = pagesize
    bottom = MARGIN + FOOTER_HEIGHT * 0.3
    frame = Frame(MARGIN, bottom, width - 2 * MARGIN, height - MARGIN - bottom)
    return PageTemplate(id="cover", frames=[frame], pagesize=pagesize)


def frame_width(info: DocumentInfo, orientation: str = "portrait") -> float:
    size = PAGE_SIZES.get(info.page_size, LETTER)
    if orientation == "landscape":
        size = landscape(size)
    return size[0] - 2 * MARGIN


def switch_to(orientation: str) -> NextPageTemplate:
    """Put before a PageBreak: the following pages use "portrait" or "landscape"."""
    return NextPageTemplate(orientation)


# --- headings, outline and table of contents ---------------------------------------------------

_heading_keys = itertools.count(1)


def heading(text: str, level: int = 0, style: ParagraphStyle | None = None) -> Paragraph:
    """A heading (user text escaped) that goes into the PDF outline and the contents page
    (`pdf_contents.table_of_contents`)."""
    st = styles()
    paragraph = Paragraph(markup(text), style or (st.h1 if level == 0 else st.h2))
    paragraph.pazos_heading = (level, str(text), f"h{next(_heading_keys)}")
    return paragraph


def draw_at_end(canvas, draw: Callable) -> None:
    """Have `draw(canvas)` run on the current page once the whole document is laid out (when
    every page number is known); the page's own drawing state is restored first."""
    canvas.pazos_at_end.setdefault(canvas.getPageNumber(), []).append(draw)


class _Document(BaseDocTemplate):
    """Registers every `heading()` as a bookmark, an outline entry and a contents line."""

    def afterFlowable(self, flowable):
        found = getattr(flowable, "pazos_heading", None)
        if found is None:
            return
        level, text, key = found
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.canv.pazos_headings.append((level, text, key, self.canv.getPageNumber()))


def _first_size(info: DocumentInfo, orientation: str) -> tuple[float, float]:
    size = PAGE_SIZES.get(info.page_size, LETTER)
    return landscape(size) if orientation == "landscape" else size


def build_pdf(
    target: str | Path | io.BytesIO,
    info: DocumentInfo,
    story: list[Flowable],
    invariant: bool = False,
    orientation: str = "portrait",
    first_template: str | None = None,
    on_page: Callable[[int], None] | None = None,
) -> None:
    """Write the document; `invariant` makes the bytes reproducible (tests); `orientation`
    is that of the first page ("portrait" or "landscape").

    `first_template` may name another first page ("cover": portrait, no header); `on_page(n)` is
    called as each page is laid out (progress; raise from it to cancel). One layout pass, even
    with a contents page (`pdf_contents`).
    """
    register_fonts()
    doc = _Document(
        str(target) if isinstance(target, Path) else target,
        pagesize=_first_size(info, orientation),
        title=info.title,
        author=info.org_name,
        subject=info.subject,
        keywords=info.keywords,
        creator="PAZOS Coordinación",
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=int(invariant),
    )
    doc.pazos_info = info
    templates = _templates(info, orientation)
    doc.addPageTemplates(templates)
    if first_template is not None:
        doc._firstPageTemplateIndex = [t.id for t in templates].index(first_template)
    if on_page is not None:
        doc.setProgressCallBack(lambda kind, value: on_page(value) if kind == "PAGE" else None)
    doc.build(story, canvasmaker=_canvas_class(info))
