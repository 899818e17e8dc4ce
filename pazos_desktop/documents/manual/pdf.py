"""The user manual as one PDF for printing: a cover, a contents page with page numbers, then
every chapter from a new page, in the house style (header, "Página X de Y", PDF/A).

The chapters' HTML (chapters.py) is walked element by element into reportlab flowables: the
few elements the chapters use (headings, paragraphs, lists, tables, pictures, code, quotes).
Links between chapters become links inside the PDF; pictures are scaled to the frame.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from pazos_desktop import APP_NAME, __version__
from pazos_desktop.documents.manual import chapters as manual
from pazos_desktop.documents.manual.chapters import (
    Chapter,
    chapters,
    is_external,
    split_link,
    to_html,
    tree,
)
from pazos_desktop.files import atomic_write
from pazos_desktop.writers.pdf.contents import contents_height, contents_pages
from pazos_desktop.writers.pdf.document import (
    GRID,
    HEADER_FILL,
    DocumentInfo,
    body_height,
    build_pdf,
    frame_width,
    markup,
    para,
    styles,
    switch_to,
)

TITLE = "Manual de usuario"
INLINE = {"strong": "b", "b": "b", "em": "i", "i": "i"}
CODE_COLOUR = "#7a2e0e"
LINK_COLOUR = "#1a4f8a"
_SPACES = re.compile(r"\s+")


def write_manual(target: str | Path, today: dt.date, page_size: str = "letter") -> Path:
    """Write the whole manual to `target` (complete or not at all)."""
    target = Path(target)
    atomic_write(target, lambda tmp: build_manual(tmp, today, page_size))
    return target


def build_manual(target, today: dt.date, page_size: str = "letter", invariant=False) -> None:
    info = DocumentInfo(
        title=TITLE,
        generated_on=today,
        subject=TITLE,
        org_name=APP_NAME,
        page_size=page_size,
        keywords=["PAZOS", "manual"],
    )
    story = _cover(today) + _contents(info)
    for chapter in chapters():
        story += Writer(chapter, info).flowables() + [PageBreak()]
    build_pdf(target, info, story[:-1], invariant, first_template="cover")


def _cover(today: dt.date) -> list[Flowable]:
    st = styles()
    big = ParagraphStyle("manual_cover", parent=st.title, fontSize=24, leading=30, spaceAfter=16)
    line = ParagraphStyle("manual_line", parent=st.normal, alignment=TA_CENTER, fontSize=12)
    return [
        Spacer(1, 6 * cm),
        para(APP_NAME, big),
        para(TITLE, ParagraphStyle("manual_sub", parent=big, fontSize=17, textColor=HEADER_FILL)),
        para("Estrategia de Paz y Oportunidades (PAZOS) — Alcaldía de Palmira", line),
        Spacer(1, 1 * cm),
        para(f"Versión del programa {__version__} · {today.strftime('%d/%m/%Y')}", line),
        switch_to("portrait"),  # the pages after the cover have the house header
        PageBreak(),
    ]


def _contents(info: DocumentInfo) -> list[Flowable]:
    """As many contents pages as the chapters and their sections need (the first one under
    its title)."""
    levels = [
        line.count("#", 0, 3) - 1
        for chapter in chapters()
        for line in chapter.text.splitlines()
        if line.startswith(("# ", "## "))
    ]
    title = para("Contenido", styles().title)
    room = body_height(info) - title.wrap(frame_width(info), 1e6)[1] - title.style.spaceAfter
    pages = math.ceil(contents_height(levels) / (room - 2))
    return [title, *contents_pages(pages), PageBreak()]


def destination(chapter: str, anchor: str = "") -> str:
    """The PDF's name for a place of the manual (a chapter's start, or one of its sections)."""
    return f"{Path(chapter).stem}--{anchor}"


class Writer:
    """One chapter's flowables."""

    def __init__(self, chapter: Chapter, info: DocumentInfo):
        self.chapter, st = chapter, styles()
        self.width = frame_width(info)
        self.max_image_height = body_height(info) * 0.62
        self.normal, self.h2 = st.normal, st.h2
        self.h1 = ParagraphStyle("manual_h1", parent=st.h1, fontSize=16, leading=20, spaceAfter=8)
        self.h3 = ParagraphStyle("manual_h3", parent=st.h2, fontSize=9.5, spaceBefore=5)
        self.cell = st.cell
        self.quote = ParagraphStyle(
            "manual_quote", parent=st.normal, leftIndent=12, textColor=colors.HexColor("#333333")
        )
        self.code = ParagraphStyle("manual_code", parent=st.small, leftIndent=12)

    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        for element in tree(to_html(self.chapter.text)):
            out += self.block(element)
        return out

    def block(self, element: ET.Element) -> list[Flowable]:
        handler = getattr(self, f"_{element.tag}", None)
        return handler(element) if handler else [Paragraph(self.inline(element), self.normal)]

    # --- headings -------------------------------------------------------------------------------

    def _h1(self, element: ET.Element) -> list[Flowable]:
        return [self._heading(element, 0, "")]

    def _h2(self, element: ET.Element) -> list[Flowable]:
        return [self._heading(element, 1, element.get("id", ""))]

    def _h3(self, element: ET.Element) -> list[Flowable]:
        name = destination(self.chapter.name, element.get("id", ""))
        text = f'<a name="{name}"/>{self.inline(element)}'
        return [Paragraph(text, self.h3)]

    def _heading(self, element: ET.Element, level: int, anchor: str) -> Paragraph:
        """A heading of the contents page and the outline; its key is the links' destination
        (document.py bookmarks every heading under its key)."""
        text = _words(element)
        paragraph = Paragraph(markup(text), self.h1 if level == 0 else self.h2)
        paragraph.pazos_heading = (level, text, destination(self.chapter.name, anchor))
        return paragraph

    # --- blocks ---------------------------------------------------------------------------------

    def _p(self, element: ET.Element) -> list[Flowable]:
        pictures = list(element.iter("img"))
        if pictures and not _words(element):
            return [self.picture(img) for img in pictures]
        return [Paragraph(self.inline(element), self.normal)]

    def _blockquote(self, element: ET.Element) -> list[Flowable]:
        return [Paragraph(self.inline(p), self.quote) for p in element]

    def _pre(self, element: ET.Element) -> list[Flowable]:
        text = markup("".join(element.itertext()).rstrip("\n"))
        return [Paragraph(f'<font color="{CODE_COLOUR}">{text}</font>', self.code)]

    def _hr(self, _element: ET.Element) -> list[Flowable]:
        return [Spacer(1, 0.3 * cm)]

    def _ul(self, element: ET.Element, depth: int = 0) -> list[Flowable]:
        out: list[Flowable] = []
        for number, li in enumerate((c for c in element if c.tag == "li"), start=1):
            bullet = f"{number}." if element.tag == "ol" else "•"
            out += self._item(li, bullet, depth)
        return out

    def _ol(self, element: ET.Element, depth: int = 0) -> list[Flowable]:
        return self._ul(element, depth)

    def _item(self, li: ET.Element, bullet: str, depth: int) -> list[Flowable]:
        """A list item: a paragraph with its bullet, then any list or paragraph inside it.
        (Paragraphs with bullets, not ListFlowable: the page flow measures them alone.)"""
        style = self._list_style(depth)
        own = ET.Element("span")
        own.text = li.text
        inner = [c for c in li if c.tag in ("ul", "ol", "p")]
        for child in li:
            if child.tag not in ("ul", "ol", "p"):
                own.append(child)
        texts = [self.inline(own)] if _words(own) else []
        texts += [self.inline(p) for p in inner if p.tag == "p"]
        out = [
            Paragraph(text, style, bulletText=bullet if i == 0 else None)
            for i, text in enumerate(texts)
        ]
        out += [self.picture(img) for img in own.iter("img")]  # a picture inside an item
        for child in inner:
            if child.tag in ("ul", "ol"):
                out += getattr(self, f"_{child.tag}")(child, depth + 1)
        return out

    def _list_style(self, depth: int) -> ParagraphStyle:
        indent = 16 + 14 * depth
        return ParagraphStyle(
            f"manual_list_{depth}",
            parent=self.normal,
            leftIndent=indent,
            bulletIndent=indent - 11,
            spaceAfter=2,
        )

    def _table(self, element: ET.Element) -> list[Flowable]:
        rows = [
            [Paragraph(self.inline(cell), self.cell) for cell in row] for row in element.iter("tr")
        ]
        columns = max(len(r) for r in rows)
        widths = _column_widths(element, columns, self.width)
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return [table, Spacer(1, 0.25 * cm)]

    # --- pictures and inline text --------------------------------------------------------------

    def picture(self, img: ET.Element) -> Flowable:
        """A screenshot scaled to the frame (never enlarged), with its caption under it."""
        path = manual.manual_folder() / img.get("src", "")
        image = Image(str(path))
        scale = min(1.0, self.width / image.imageWidth, self.max_image_height / image.imageHeight)
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        caption = para(img.get("alt", ""), styles().small)
        return KeepTogether([Spacer(1, 0.15 * cm), image, caption])

    def inline(self, element: ET.Element) -> str:
        parts = [markup(_flat(element.text))]
        for child in element:
            parts += [self._inline_child(child), markup(_flat(child.tail))]
        return "".join(parts)

    def _inline_child(self, child: ET.Element) -> str:
        if child.tag == "br":
            return "<br/>"
        if child.tag == "img":
            return ""
        inner = self.inline(child)
        if child.tag in INLINE:
            return f"<{INLINE[child.tag]}>{inner}</{INLINE[child.tag]}>"
        if child.tag == "code":
            return f'<font color="{CODE_COLOUR}">{inner}</font>'
        if child.tag == "a":
            return self._link(child.get("href", ""), inner)
        return inner

    def _link(self, href: str, inner: str) -> str:
        if is_external(href):
            return f'<a href="{markup(href)}" color="{LINK_COLOUR}">{inner}</a>'
        target, anchor = split_link(href, self.chapter.name)
        if "/" in target or not (manual.manual_folder() / target).is_file():
            return f"<i>{inner}</i>"  # another document (instalación, comandos): named, not linked
        return f'<a href="#{destination(target, anchor)}" color="{LINK_COLOUR}">{inner}</a>'


def _flat(text: str | None) -> str:
    """Markdown's line breaks inside a paragraph are spaces."""
    return _SPACES.sub(" ", text) if text else ""


def _words(element: ET.Element) -> str:
    return _flat("".join(element.itertext())).strip()


def _column_widths(element: ET.Element, columns: int, width: float) -> list[float]:
    """Columns as wide as their longest text allows: the first (a name) at most a third."""
    longest = [1] * columns
    for row in element.iter("tr"):
        for i, cell in enumerate(row):
            longest[i] = max(longest[i], min(len(_words(cell)), 60))
    total = sum(longest)
    shares = [max(0.12, n / total) for n in longest]
    scale = sum(shares)
    return [width * s / scale for s in shares]
