"""How every generated sheet prints: on the chosen paper, its body never under 8 pt.

A column's width is counted in characters of the workbook's default font, so what a sheet
measures on paper depends on that font. Calibri, missing where LibreOffice runs without it,
was replaced by a wider font and the sheets, scaled to one page wide, printed at 2–7 pt. The
workbooks now name Arial (10 pt) everywhere, default font included: Excel has it and
LibreOffice draws it with Liberation Sans, metric-compatible, so the width computed here is the
width printed.

A sheet whose columns fit one page wide at 80 % or more (10 pt printed at 8 pt) is scaled to
fit; a wider one prints at 80 % across as many pages as it needs, left to right and then down
(reading order), its first columns — the ID and the name or title — repeated on each page.
"""

from __future__ import annotations

import math

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

FONT_NAME = "Arial"
BODY_SIZE = 10  # the smallest font of any cell
MIN_PRINTED = 8.0
MIN_SCALE = MIN_PRINTED / BODY_SIZE
FIT_SCALE = MIN_SCALE + 0.02  # fitted at no less: the printers round the scale down
# One unit of column width in points as LibreOffice lays out Arial 10 (measured: 20 units print
# 111 pt; Excel: 5.25), and the few pixels of padding each column adds.
UNIT_POINTS, COLUMN_PADDING = 5.4, 3.75
PAPER_POINTS = {1: (612.0, 792.0), 9: (595.3, 841.9)}  # Letter and A4, portrait
SIDE_MARGIN = 0.4  # inches, left and right
REPEAT_SHARE = 0.45  # repeated columns take at most this much of each page's width


def default_font(wb) -> None:
    """Arial 10 as the workbook's own font (its column unit and every unstyled cell)."""
    base = Font(name=FONT_NAME, size=BODY_SIZE)
    wb._fonts = type(wb._fonts)([base])
    for style in wb._named_styles:
        if style.name == "Normal":
            style.font = base


def column_points(width: float) -> float:
    return width * UNIT_POINTS + COLUMN_PADDING


def fit_columns(ws, widths: list[float], paper: int, hidden=frozenset(), repeat: int = 1) -> float:
    """Orientation, scale and page order for columns `widths` (1-based `hidden` left out);
    `repeat`: how many leading columns identify a row. Returns the scale it will print at."""
    visible = [w for i, w in enumerate(widths, start=1) if i not in hidden]
    total = sum(column_points(w) for w in visible)
    short, long = PAPER_POINTS.get(paper, PAPER_POINTS[1])
    room = {"portrait": short - 144 * SIDE_MARGIN, "landscape": long - 144 * SIDE_MARGIN}
    setup = ws.page_setup
    setup.paperSize = paper
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN
    setup.orientation = "portrait" if total <= room["portrait"] else "landscape"
    if total * FIT_SCALE <= room[setup.orientation]:
        setup.fitToWidth, setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        return min(1.0, room[setup.orientation] / total)
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    setup.scale = math.ceil(MIN_SCALE * 100) + 1  # 8.1 pt: no rounding takes it under 8
    setup.pageOrder = "overThenDown"
    count = _repeated(widths, hidden, repeat, room["landscape"] / MIN_SCALE)
    if count:
        ws.print_title_cols = f"A:{get_column_letter(count)}"
    return setup.scale / 100


def _repeated(widths: list[float], hidden, repeat: int, page: float) -> int:
    """The leading columns repeated on each page: `repeat` of them, fewer when they would
    leave too little of the page for the rest."""
    used = 0.0
    for count in range(1, repeat + 1):
        if count not in hidden:
            used += column_points(widths[count - 1])
        if used > REPEAT_SHARE * page:
            return count - 1
    return repeat


class PageFlow:
    """Where printed pages end, from the rows' heights (all set by the writer), so a heading
    row never stays alone at a page's foot: Excel and LibreOffice have no "keep with next"."""

    SAFETY = 0.95  # the printers' own rounding: break a little early rather than late

    def __init__(self, ws, paper: int, scale: float, first: float, repeated: float):
        short, long = PAPER_POINTS.get(paper, PAPER_POINTS[1])
        tall = long if ws.page_setup.orientation == "portrait" else short
        body = tall - 72 * ((ws.page_margins.top or 1.0) + (ws.page_margins.bottom or 1.0))
        self.ws, self.capacity = ws, body / scale * self.SAFETY
        self.used, self.repeated = first, repeated

    def add(self, row: int, height: float, keep_with: float = 0.0) -> None:
        """Row `row` of `height` points; `keep_with`: the height that must share its page."""
        if self.used + height + keep_with > self.capacity:
            if keep_with:
                self.ws.row_breaks.append(Break(id=row - 1))
            self.used = self.repeated
        self.used += height
