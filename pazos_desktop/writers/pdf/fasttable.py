"""A reportlab Table for many rows of plain strings, drawn and laid out without per-cell waste.

reportlab does three things per cell that dominate a long table's time and that a table of
plain strings does not need:
- every style command visits every cell it covers (`_setCellStyle`), once for each of the
  font, size, leading, alignment and four paddings: here a cell starts with the house body
  style (`BodyCell`), and only the commands that differ from it visit cells;
- every row's height is measured again at each page the table crosses (`_calc_height`): here
  the height of a row of strings is computed once, by reportlab's own formula, before layout;
- every line of a cell is its own text object (`drawString`: a text state, bidi handling and
  the font's subset split, line by line): here a cell's lines share one BT…ET block, and each
  distinct string is split into the font's subsets once per document.
Positions, fonts and colours are reportlab's own; anything else (flowables, links, spans,
other alignments) goes to reportlab.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Table
from reportlab.platypus.tables import CellStyle

from pazos_desktop.writers.pdf.fonts import FONT

CELL_PADDING = 3
BODY_SIZE, BODY_LEADING = 8, 10


class BodyCell(CellStyle):
    """A body cell before any style command: the house table look (DejaVu Sans 8 on 10,
    text at the top, 3 pt side and 2 pt top/bottom padding)."""

    fontname = FONT
    fontsize = BODY_SIZE
    leading = BODY_LEADING
    valign = "TOP"
    leftPadding = rightPadding = CELL_PADDING
    topPadding = bottomPadding = 2


class FastTable(Table):
    """A Table whose cells start in the house body style and whose plain-string rows are
    measured once and drawn one text block per cell (see the module's docstring)."""

    def __init__(self, data, *args, cellStyles=None, **kwargs):
        if cellStyles is None:
            columns = len(data[0]) if data else 0
            cellStyles = [[BodyCell("") for _ in range(columns)] for _ in data]
        super().__init__(data, *args, cellStyles=cellStyles, **kwargs)

    def _calc_height(self, availHeight, availWidth, H=None, W=None):
        if None in self._argH and not self._spanCmds and not self._minRowHeights:
            heights = _string_heights(self._cellvalues, self._cellStyles, self._argH)
            self._argH = self._rowHeights = heights  # as reportlab's __init__ pairs them
        return super()._calc_height(availHeight, availWidth, H=H, W=W)

    def _drawCell(self, cellval, cellstyle, pos, size):
        if not isinstance(cellval, str) or _needs_reportlab(cellstyle):
            return super()._drawCell(cellval, cellstyle, pos, size)
        self._cell_state(cellstyle)
        canvas, lines = self.canv, cellval.split("\n")
        font, fontsize, leading = cellstyle.fontname, cellstyle.fontsize, cellstyle.leading
        (colpos, rowpos), (colwidth, rowheight) = pos, size
        valign, just = cellstyle.valign, cellstyle.alignment
        if valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        else:
            middle = (cellstyle.bottomPadding + rowheight - cellstyle.topPadding) / 2.0
            y = rowpos + middle + len(lines) * leading / 2.0 - fontsize
        if just == "LEFT":
            x, share = colpos + cellstyle.leftPadding, 0.0
        elif just == "RIGHT":
            x, share = colpos + colwidth - cellstyle.rightPadding, 1.0
        else:
            x, share = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) / 2, 0.5
        runs, out, current = _Runs.of(canvas, font, fontsize), ["BT"], None
        for n, line in enumerate(lines):
            width, pieces = runs.line(line)
            if share:  # each line placed on its own: its width moves it
                out.append(f"1 0 0 1 {fp_str(x - share * width)} {fp_str(y)} Tm")
            else:  # flush left: the next line starts one leading lower
                out.append(f"{fp_str(x)} {fp_str(y)} Td" if n == 0 else _next_line(leading))
            for selects, text in pieces:
                if selects != current:  # the font's subset: chosen again only when it changes
                    out.append(selects)
                    current = selects
                out.append(text)
            y -= leading
        out.append("ET")
        canvas._code.append(" ".join(out))

    def _cell_state(self, cellstyle) -> None:
        """The fill colour and font reportlab's own `_drawCell` would have set."""
        if self._curcellstyle is cellstyle:
            return
        cur = self._curcellstyle
        if cur is None or cellstyle.color != cur.color:
            self.canv.setFillColor(cellstyle.color)
        if cur is None or (cellstyle.leading, cellstyle.fontname, cellstyle.fontsize) != (
            cur.leading,
            cur.fontname,
            cur.fontsize,
        ):
            self.canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        self._curcellstyle = cellstyle


def _string_heights(values: list[list], styles: list[list], given: list) -> list:
    """The unsized rows of plain strings measured as reportlab's `_calc_height` measures them
    (lines × leading + top and bottom padding, the row's tallest cell), up to the first row
    holding a flowable: reportlab measures from there on, in order, as far as a page needs
    (it reads the heights in order and stops at the first it does not know)."""
    heights = list(given)
    for i, height in enumerate(given):
        if height is not None:
            continue
        tallest = 0
        for v, s in zip(values[i], styles[i], strict=False):
            if not isinstance(v, str):
                return heights
            t = (s.leading or 1.2 * s.fontsize) * (v.count("\n") + 1)
            t += s.bottomPadding + s.topPadding
            tallest = max(tallest, t)
        heights[i] = tallest
    return heights


@lru_cache(maxsize=64)
def _next_line(leading: float) -> str:
    return f"0 {fp_str(-leading)} Td"


def _needs_reportlab(style) -> bool:
    return bool(
        style.href
        or style.destination
        or style.direction
        or style.shaping
        or style.alignment not in ("LEFT", "RIGHT", "CENTRE", "CENTER")
        or not _truetype(style.fontname)
    )


@lru_cache(maxsize=64)
def _truetype(fontname: str) -> bool:
    return pdfmetrics.getFont(fontname)._dynamicFont


class _Runs:
    """One font at one size in one document: each distinct line's width and text operators.

    A TrueType font gives each character a code in one of its 256-character subsets the first
    time the document uses it, and never changes it: a line whose characters all have codes in
    the first subset is translated in one step; any other goes through reportlab's
    `splitString`, which assigns the new codes.
    """

    @classmethod
    def of(cls, canvas, fontname: str, size: float) -> _Runs:
        found = canvas.__dict__.setdefault("pazos_runs", {})
        key = (fontname, size)
        if key not in found:
            found[key] = cls(canvas, fontname, size)
        return found[key]

    def __init__(self, canvas, fontname: str, size: float):
        self.doc, self.fontname, self.size = canvas._doc, fontname, size
        self.font = pdfmetrics.getFont(fontname)
        self.lines: dict[str, tuple[float, list[tuple[str, str]]]] = {}
        self.first: dict[int, int] = {}  # character -> its code, for the first subset's
        self.known: frozenset[str] = frozenset()
        self.selects: dict[int, str] = {}

    def line(self, text: str) -> tuple[float, list[tuple[str, str]]]:
        found = self.lines.get(text)
        if found is None:
            found = self.lines[text] = (
                self.font.stringWidth(text, self.size),
                self._pieces(text),
            )
        return found

    def _pieces(self, text: str) -> list[tuple[str, str]]:
        if self.known.issuperset(text):
            encoded = text.translate(self.first).encode("latin-1")
            return [(self._selects(0), f"({escapePDF(encoded)}) Tj")]
        pieces = [
            (self._selects(subset), f"({escapePDF(codes)}) Tj")
            for subset, codes in self.font.splitString(text, self.doc)
        ]
        self._learn()
        return pieces

    def _learn(self) -> None:
        """The first subset's codes as the font's state now holds them."""
        assigned = self.font.state[self.doc].assignments
        self.first = {ch: code for ch, code in assigned.items() if code < 256}
        if 32 in self.first:  # reportlab draws a no-break space as a space
            self.first[0xA0] = self.first[32]
        self.known = frozenset(chr(ch) for ch in self.first)

    def _selects(self, subset: int) -> str:
        found = self.selects.get(subset)
        if found is None:
            name = self.font.getSubsetInternalName(subset, self.doc)
            found = self.selects[subset] = f"{name} {fp_str(self.size)} Tf"
        return found
