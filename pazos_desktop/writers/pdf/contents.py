"""A contents page (índice) laid out in one pass.

reportlab's TableOfContents needs `multiBuild`: the whole document laid out two or three
times, which doubles the time of a 1,000-page report. Here the contents page only reserves its
space; once the document is laid out, the deferred canvas of `document.py` knows every heading's
page and draws the lines (with links) onto that reserved space.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak

from pazos_desktop.writers.pdf.archival import LINK_PRINTABLE
from pazos_desktop.writers.pdf.document import FONT, FONT_BOLD, draw_at_end

LEVELS = {0: (FONT_BOLD, 10, 17, 0.2 * cm), 1: (FONT, 9, 13.5, 0.9 * cm)}


class Cursor:
    """The first heading not drawn yet, shared by the pages of one contents."""

    next: int = 0


class ContentsPage(Flowable):
    """Takes the rest of the frame; its lines are drawn when the document is finished.
    The contents must fit that space, or continue on the next ContentsPage of the same
    `cursor` (`contents_pages`)."""

    def __init__(self, cursor: Cursor | None = None):
        super().__init__()
        self.cursor = cursor or Cursor()

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, max(0.0, avail_height - 1)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        box = (x, y, self.width, self.height)
        draw_at_end(canvas, self._draw_at_end(box))

    def _draw_at_end(self, box):
        def draw(canvas) -> None:
            self.cursor.next = draw_contents(canvas, box, self.cursor.next)

        return draw

    def draw(self):  # everything happens in draw_contents, at the end
        pass


def table_of_contents(lang: str = "es") -> ContentsPage:
    """Put after a title on its own page; lists every `document.heading()` of the document."""
    return ContentsPage()


def contents_pages(pages: int) -> list[Flowable]:
    """A contents of several pages (a manual's sections), each page filled before the next."""
    cursor = Cursor()
    out: list[Flowable] = [ContentsPage(cursor)]
    for _page in range(pages - 1):
        out += [PageBreak(), ContentsPage(cursor)]
    return out


def contents_height(levels: list[int]) -> float:
    """The height the contents lines of headings of these levels take."""
    return sum(LEVELS.get(level, LEVELS[1])[2] for level in levels)


def draw_contents(canvas, box: tuple[float, float, float, float], start: int = 0) -> int:
    """Draw the headings from the `start`th down the box; returns the first one left out."""
    x, y, width, height = box
    cursor = y + height
    canvas.saveState()
    headings = canvas.pazos_headings
    for index in range(start, len(headings)):
        level, text, key, page = headings[index]
        font, size, leading, indent = LEVELS.get(level, LEVELS[1])
        cursor -= leading
        if cursor < y:
            canvas.restoreState()
            return index
        _line(canvas, (x + indent, cursor, width - indent), text, str(page), font, size)
        rect = (x, cursor - 3, x + width, cursor + size)
        # Named: the page's own links (a paragraph's <a href>) were numbered during layout,
        # and this page's replayed state would number these from 1 again.
        canvas.linkRect("", key, rect, name=f"contents_{key}", thickness=0, F=LINK_PRINTABLE)
    canvas.restoreState()
    return len(headings)


def _line(canvas, where, text: str, number: str, font: str, size: float) -> None:
    """ "Title ........ 12": the title cut to fit, dots up to the right-aligned page number."""
    x, baseline, width = where
    number_width = stringWidth(number, font, size)
    label = _fit(text, font, size, width - number_width - 18)
    canvas.setFont(font, size)
    canvas.setFillColor(colors.black)
    canvas.drawString(x, baseline, label)
    canvas.drawRightString(x + width, baseline, number)
    start, end = x + stringWidth(label, font, size) + 4, x + width - number_width - 4
    if end > start:
        canvas.setStrokeColor(colors.HexColor("#888888"))
        canvas.setLineWidth(0.7)
        canvas.setDash(0.7, 2.8)
        canvas.line(start, baseline + 1, end, baseline + 1)
        canvas.setDash()


def _fit(text: str, font: str, size: float, room: float) -> str:
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"
