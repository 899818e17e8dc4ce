"""The house style of every PDF: fonts, header with the quality-system block, "Página X de Y",
Letter or A4, portrait and landscape pages, escaped text and tables that stay fast and split.

Writers build a list of flowables with `para()`/`data_table()` and hand it to `build_pdf()`.
Text goes through `text.py` (cleaned, escaped, fallback font), tables through `tables.py`,
the header through `header.py`.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
)

from pazos_desktop.i18n import N_, translate
from pazos_desktop.writers.pdf.archival import make_archival, pdf_language
from pazos_desktop.writers.pdf.flow import keep_headings
from pazos_desktop.writers.pdf.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    register_fonts,
)
from pazos_desktop.writers.pdf.header import (
    DRAFT_COLOUR,
    build_header,
    draw_draft_mark,
    note_height,
    note_paragraph,
)
from pazos_desktop.writers.pdf.tables import (
    CELL_PADDING,
    GRID,
    HEADER_FILL,
    TABLE_CHUNK_ROWS,
    ZEBRA_FILL,
    data_table,
    wrap_text,
)
from pazos_desktop.writers.pdf.text import clean, clip, markup, pieces, printable

__all__ = [
    "CELL_PADDING",
    "FONT",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_ITALIC",
    "GRID",
    "HEADER_FILL",
    "TABLE_CHUNK_ROWS",
    "ZEBRA_FILL",
    "data_table",
    "markup",
    "printable",
    "register_fonts",
    "wrap_text",
]

PAGE_SIZES = {"letter": LETTER, "a4": A4}
MARGIN = 1.6 * cm
HEADER_GAP = 0.3 * cm  # between the header and the body
FOOTER_HEIGHT = 1.0 * cm
NOTE_GAP = 0.15 * cm


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


def para(text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(markup(text), style or styles().normal)


CUT_MARK = N_("[… texto recortado]")


def cut(text: str | None, lang: str, limit: int = 600) -> str:
    """A name-like field cut (with a visible mark) where it would no longer fit its place."""
    return clip(clean(text), limit, translate(CUT_MARK, lang))


def paras(text: str | None, style: ParagraphStyle | None = None) -> list[Paragraph]:
    """A long text as consecutive Paragraphs (text.pieces), spaced as one: laid out in
    linear time whatever its length."""
    style = style or styles().normal
    parts = pieces(clean(text))
    if len(parts) == 1:
        return [Paragraph(markup(parts[0]), style)]
    tight = _tight(style)
    return [Paragraph(markup(p), tight) for p in parts[:-1]] + [Paragraph(markup(parts[-1]), style)]


@cache
def _tight(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_tight", parent=style, spaceAfter=0)


def bold_label(label: str, value: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    """ "Label: value" with the label in bold; both escaped."""
    return Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", style or styles().normal)


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
    approval_date: str = ""  # ISO from the settings; printed dd/mm/aaaa
    page_size: str = "letter"
    lang: str = "es"
    keywords: list[str] = field(default_factory=list)
    draft_mark: str = ""  # printed across every page ("BORRADOR") when set
    page_note: str = ""  # printed at the foot of every page (the attendance sheet's notice)

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


@dataclass
class _Page:
    """One page shape of a document: its header, note and body frame."""

    size: tuple[float, float]
    header: object | None  # header.Header, None for the cover
    note: Paragraph | None
    note_height: float

    def body(self) -> tuple[float, float, float, float]:
        width, height = self.size
        bottom = MARGIN + FOOTER_HEIGHT * 0.3
        if self.note is not None:
            bottom += self.note_height + NOTE_GAP
        top = height - MARGIN - (self.header.height + HEADER_GAP if self.header else 0)
        return MARGIN, bottom, width - 2 * MARGIN, top - bottom


def _page(info: DocumentInfo, size, with_header: bool = True) -> _Page:
    width = size[0] - 2 * MARGIN
    header = build_header(info, width) if with_header else None
    note = note_paragraph(info.page_note) if info.page_note and with_header else None
    return _Page(size, header, note, note_height(info.page_note, width) if note else 0.0)


def _draw_page(page: _Page, info: DocumentInfo):
    """The onPage of a template: header (drawn once into a PDF form, then reused), note, mark."""
    name = f"pazos_header_{round(page.size[0])}x{round(page.size[1])}"

    def draw(canvas, doc) -> None:
        if info.draft_mark:
            draw_draft_mark(canvas, info.draft_mark)
        width, height = page.size
        made = doc.__dict__.setdefault("pazos_headers", set())
        if name not in made:
            table = page.header.table
            table.wrapOn(canvas, width - 2 * MARGIN, page.header.height)
            canvas.beginForm(name)
            table.drawOn(canvas, MARGIN, height - MARGIN - page.header.height)
            canvas.endForm()
            made.add(name)
        canvas.doForm(name)
        if page.note is not None:
            page.note.wrapOn(canvas, width - 2 * MARGIN, page.note_height)
            page.note.drawOn(canvas, MARGIN, MARGIN + FOOTER_HEIGHT * 0.3)

    return draw


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
            make_archival(self, info.lang)
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width, _h = self._pagesize
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(MARGIN, MARGIN * 0.6, generated)
            self.drawRightString(
                width - MARGIN, MARGIN * 0.6, page_text.format(page=number, pages=total)
            )
            if info.draft_mark:  # upright too: the diagonal mark is not read by every tool
                self.setFont(FONT_BOLD, 8)
                self.setFillColor(DRAFT_COLOUR)
                self.drawCentredString(width / 2, MARGIN * 0.6, info.draft_mark)

    return NumberedCanvas


def _templates(info: DocumentInfo, first: str = "portrait") -> list[PageTemplate]:
    """Both orientations; the first in the list is the one the document starts with."""
    size = PAGE_SIZES.get(info.page_size, LETTER)
    out = []
    pages = [("portrait", size), ("landscape", landscape(size))]
    if first == "landscape":
        pages.reverse()
    for template_id, pagesize in pages:
        page = _page(info, pagesize)
        frame = Frame(*page.body(), id=f"{template_id}-body")
        out.append(
            PageTemplate(
                id=template_id, frames=[frame], onPage=_draw_page(page, info), pagesize=pagesize
            )
        )
    out.append(_cover_template(info, size))
    return out


def _cover_template(info: DocumentInfo, pagesize) -> PageTemplate:
    """A portrait page without the header, for a report's cover."""
    frame = Frame(*_page(info, pagesize, with_header=False).body())

    def mark(canvas, _doc) -> None:
        if info.draft_mark:
            draw_draft_mark(canvas, info.draft_mark)

    return PageTemplate(id="cover", frames=[frame], onPage=mark, pagesize=pagesize)


def body_height(info: DocumentInfo, orientation: str = "portrait") -> float:
    """Height of a page's body frame (below the header, above the note and footer)."""
    size = PAGE_SIZES.get(info.page_size, LETTER)
    return _page(info, landscape(size) if orientation == "landscape" else size).body()[3]


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
    (`contents.table_of_contents`)."""
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
    with a contents page (`contents.py`).
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
        lang=pdf_language(info.lang),
        initialFontName=FONT,  # PDF/A: no page may select a font the file does not embed
    )
    doc.pazos_info = info
    templates = _templates(info, orientation)
    doc.addPageTemplates(templates)
    if first_template is not None:
        doc._firstPageTemplateIndex = [t.id for t in templates].index(first_template)
    if on_page is not None:
        doc.setProgressCallBack(lambda kind, value: on_page(value) if kind == "PAGE" else None)
    doc.build(keep_headings(story), canvasmaker=_canvas_class(info))
