"""Page flow shared by every PDF: a heading never stays alone at the foot of a page.

`keep_headings` (called by `build_pdf` on every story) puts a conditional page break before
each run of headings: the page breaks there unless the headings and the start of what follows
them fit — the first rows of a table (its header and two rows), three lines of a paragraph, a
chart whole, or the room a conditional break right after the heading asks for. A heading at the
top of a page never breaks again (the page could not hold more).
"""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import ActionFlowable

HEADING_STYLES = {"h1", "h2"}
TABLE_ROWS_KEPT = 3  # a table's header and its first two rows
PARAGRAPH_LINES_KEPT = 3


def is_heading(flowable: Flowable) -> bool:
    if not isinstance(flowable, Paragraph):
        return False
    if getattr(flowable, "pazos_heading", None) is not None:  # document.heading()
        return True
    style = flowable.style
    return style.name in HEADING_STYLES or getattr(style.parent, "name", "") in HEADING_STYLES


class KeepStart(CondPageBreak):
    """A page break before `headed` unless it and the start of `following` fit here."""

    def __init__(self, headed: list[Flowable], following: list[Flowable]):
        super().__init__(0)
        self.headed, self.following = headed, following

    def wrap(self, avail_width, avail_height):
        frame = self._doctemplateAttr("frame")
        if frame is None or frame._atTop:
            return 0, 0
        self.height = sum(_height(f, avail_width) for f in self.headed)
        self.height += _start_height(self.following, avail_width)
        return super().wrap(avail_width, avail_height)


def keep_headings(story: list[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        if not is_heading(story[i]):
            out.append(story[i])
            i += 1
            continue
        end = i
        while end < len(story) and (is_heading(story[end]) or _is_space(story[end])):
            end += 1
        out += [KeepStart(story[i:end], story[end : end + 4]), *story[i:end]]
        i = end
    return out


def _is_space(flowable: Flowable) -> bool:
    return type(flowable) is Spacer


def _start_height(following: list[Flowable], width: float) -> float:
    """How much of `following` must share the heading's page."""
    need = 0.0
    for flowable in following:
        if isinstance(flowable, CondPageBreak):  # the room a writer asked for after the heading
            need = max(need, flowable.height)
            continue
        if isinstance(flowable, ActionFlowable):
            return need
        if _is_space(flowable):
            need += flowable.height
            continue
        return need + _first_part(flowable, width)
    return need


def _first_part(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, Table):
        return _table_start(flowable)
    if isinstance(flowable, Paragraph):
        height = _height(flowable, width)
        return min(height, PARAGRAPH_LINES_KEPT * flowable.style.leading)
    if isinstance(flowable, KeepTogether):
        return sum(_height(f, width) for f in flowable._content)
    return _height(flowable, width)


def _height(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, Spacer):
        return flowable.height
    _w, height = flowable.wrap(width, 1e6)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _table_start(table: Table) -> float:
    """The height of a table's first rows, from its cells (a big table is not laid out)."""
    total = 0.0
    rows = table._cellvalues[:TABLE_ROWS_KEPT]
    for r, row in enumerate(rows):
        given = table._argH[r] if r < len(table._argH) else None
        total += given if given is not None else _row_height(table, r, row)
    return total


def _row_height(table: Table, r: int, row: list) -> float:
    tallest = 0.0
    for c, value in enumerate(row):
        style = table._cellStyles[r][c]
        if isinstance(value, str):
            inner = (value.count("\n") + 1) * style.leading
        else:
            width = (table._argW[c] or 0) - style.leftPadding - style.rightPadding
            parts = value if isinstance(value, (list, tuple)) else [value]
            inner = sum(_height(f, width) for f in parts if isinstance(f, Flowable))
        tallest = max(tallest, inner + style.topPadding + style.bottomPadding)
    return tallest
