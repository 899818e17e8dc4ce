"""The look shared by every generated workbook: named styles, print set-up, cells.

Workbooks are written in openpyxl's write-only mode (streamed, about half the time of the
normal mode); cells are `WriteOnlyCell`s carrying one named style each, which is cheap.
"""

from __future__ import annotations

import re
from functools import cache
from types import MethodType

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.named_styles import NamedStyleList
from openpyxl.utils.indexed_list import IndexedList

from pazos_desktop.writers.xlsx.cells import SafetyLog, write_value
from pazos_desktop.writers.xlsx.fastrows import use_row_writer
from pazos_desktop.writers.xlsx.printing import BODY_SIZE, FONT_NAME, default_font, fit_columns

HEADER_FILL = "1F4E79"
FILL_COLOUR = "FFF2CC"  # the cells a partner fills: light yellow, as Excel users expect
GROUP_FILL = "DDEBF7"
DATE_FORMAT = "DD/MM/YYYY"
COP_FORMAT = '"$" #,##0'
NUMBER_FORMAT = "#,##0.##"
PAPER_SIZES = {"letter": 1, "a4": 9}  # Excel's paperSize codes

_thin = Side(style="thin", color="9FB3C8")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)


# Named in every style (a nameless font prints in a serif from LibreOffice), and the workbook's
# own: see printing.py for why Arial 10.
def font(size: float = BODY_SIZE, bold: bool = False, italic: bool = False, color=None) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color)


def _style(name: str, **kw) -> NamedStyle:
    style = NamedStyle(name=name, border=kw.pop("border", _BORDER), font=kw.pop("font", font()))
    for key, value in kw.items():
        setattr(style, key, value)
    return style


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", start_color=colour, end_color=colour)


@cache
def _styles() -> list[NamedStyle]:
    """Made once: each workbook binds the same objects in turn (a workbook is written whole
    before the next one starts), a tenth of a small sheet's time saved."""
    top = Alignment(vertical="top")
    unlocked = Protection(locked=False)
    return [
        _style(
            "pz_header",
            font=font(bold=True, color="FFFFFF"),
            fill=_fill(HEADER_FILL),
            alignment=Alignment(vertical="center", wrap_text=True),
        ),
        _style("pz_hxl", font=font(italic=True, color="555555"), fill=_fill("EEEEEE")),
        _style("pz_title", font=font(14, bold=True, color=HEADER_FILL), border=Border()),
        _style("pz_label", font=font(bold=True), alignment=top, border=Border()),
        _style("pz_plain", alignment=_TOP_WRAP, border=Border()),
        _style("pz_note", alignment=top, border=Border()),
        _style("pz_group", font=font(bold=True, color=HEADER_FILL), fill=_fill(GROUP_FILL)),
        _style("pz_text", alignment=top),
        _style("pz_wrap", alignment=_TOP_WRAP),
        _style("pz_int", alignment=top, number_format="0"),
        _style("pz_number", alignment=top, number_format=NUMBER_FORMAT),
        _style("pz_date", alignment=top, number_format=DATE_FORMAT),
        _style("pz_cop", alignment=top, number_format=COP_FORMAT),
        _style("pz_percent", alignment=top, number_format='0.0"%"'),
        _style("pz_fill", alignment=_TOP_WRAP, fill=_fill(FILL_COLOUR), protection=unlocked),
        _style(
            "pz_fill_number",
            alignment=top,
            fill=_fill(FILL_COLOUR),
            protection=unlocked,
            number_format=NUMBER_FORMAT,
        ),
        _style(
            "pz_fill_date",
            alignment=top,
            fill=_fill(FILL_COLOUR),
            protection=unlocked,
            number_format=DATE_FORMAT,
        ),
    ]


def _values_to_row(self, values, row_idx):
    """openpyxl's write-only row builder, minus the exception it raises and catches for every
    cell object it is given (a fifth of the writing time with styled cells)."""
    for col_idx, value in enumerate(values, 1):
        if value is None:
            continue
        c = value if isinstance(value, Cell) else WriteOnlyCell(self, value)
        c.column, c.row = col_idx, row_idx
        yield c


def new_sheet(wb: Workbook, title: str):
    ws = wb.create_sheet(title)
    ws._values_to_row = MethodType(_values_to_row, ws)
    use_row_writer(ws, memory=wb.__dict__.get("pazos_in_memory", False))
    return ws


def new_workbook(in_memory: bool = False) -> Workbook:
    """A write-only workbook with the house named styles registered; `in_memory` for a small
    one (its sheets are not streamed through temporary files)."""
    wb = Workbook(write_only=True)
    wb.pazos_in_memory = in_memory
    _copy_styles(_house_styles(), wb)
    return wb


# A workbook's style tables (fonts, fills, … the cell formats) as openpyxl keeps them.
_STYLE_TABLES = ("_fonts", "_fills", "_borders", "_number_formats", "_alignments")
_STYLE_TABLES += ("_protections", "_cell_styles")


@cache
def _house_styles() -> Workbook:
    """The house named styles bound once, in a workbook never saved: binding 18 named styles
    cost every new workbook as much as writing a partner's cover sheet."""
    wb = Workbook(write_only=True)
    default_font(wb)
    for style in _styles():
        wb.add_named_style(style)
    return wb


def _copy_styles(house: Workbook, wb: Workbook) -> None:
    """`house`'s style tables into `wb`, each a list of its own (cells add formats to it)."""
    for name in _STYLE_TABLES:
        setattr(wb, name, IndexedList(getattr(house, name)))
    wb._date_formats = dict(house._date_formats)
    wb._timedelta_formats = dict(house._timedelta_formats)
    wb._named_styles = NamedStyleList(house._named_styles)


def _style_array(wb, style: str) -> StyleArray:
    """The style array of a named style in `wb`, built once (assigning `.style` by name costs
    a lookup and a copy per cell: a quarter of the writing time)."""
    cache = wb.__dict__.setdefault("_pz_styles", {})
    if style not in cache:
        c = WriteOnlyCell(_Holder(wb))
        c.style = style
        cache[style] = c._style
    return cache[style]


class _Holder:
    """Just enough of a worksheet for a cell to resolve a named style of `wb`."""

    def __init__(self, wb):
        self.parent = wb


def cell(
    ws, value, style: str, log: SafetyLog | None = None, where: str | None = None
) -> WriteOnlyCell:
    """A styled cell; text goes through cells.py (never a formula, never a crash)."""
    c = Cell(ws, 1, 1, style_array=_style_array(ws.parent, style))  # the array copied
    write_value(c, value, log, where or ws.title)
    return c


def blank(ws, style: str) -> WriteOnlyCell:
    """An empty styled cell, shared: write-only `append` serialises a row at once, so the
    same cell object can stand in every row (the shaded cells a partner fills)."""
    cache = ws.__dict__.setdefault("_pz_blanks", {})
    if style not in cache:
        cache[style] = cell(ws, None, style)
    return cache[style]


def set_widths(ws, widths: list[float], hidden: set[int] = frozenset()) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        dim = ws.column_dimensions[get_column_letter(index)]
        dim.width = width
        dim.hidden = index in hidden


LINE_HEIGHT = 15.0  # points, for the default 11 pt font
MAX_LINES = 27  # Excel's tallest row is 409 pt
CHARS_PER_UNIT = 1.05  # characters of 11 pt Calibri per unit of column width, on average


def row_height(texts: list[tuple[str | None, float]], minimum: int = 1) -> float:
    """Points a row needs for wrapped `(text, column width)` pairs.

    Excel does not grow rows written by openpyxl, and LibreOffice not always: the height is
    estimated by wrapping the words as the column would (a little generously: a clipped last
    line hides text, a spare one costs nothing).
    """
    lines = minimum
    for text, width in texts:
        if text:
            lines = max(lines, wrapped_lines(str(text), width))
    return LINE_HEIGHT * min(lines, MAX_LINES)


def wrapped_lines(text: str, width: float, chars_per_unit: float = CHARS_PER_UNIT) -> int:
    """Lines `text` takes in a column `width` units wide (greedy word wrap, newlines kept)."""
    room = max(1, int(width * chars_per_unit) - 1)
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0
        for word in part.split():
            size = len(word)
            if used and used + 1 + size > room:
                lines, used = lines + 1, 0
            if size > room:  # a word wider than the column breaks over lines
                lines += (size - 1) // room
                size = size % room or room
            used = size if used == 0 else used + 1 + size
        total += lines
    return total


_HF_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def header_footer_text(text: str, limit: int = 90) -> str:
    """Text for a print header: "&" starts a code there, so it is doubled; short and clean."""
    return _HF_CONTROL.sub(" ", text)[:limit].replace("&", "&&")


def print_setup(
    ws,
    paper: str,
    title_rows: str,
    header: str,
    footer_left: str,
    page_label: str,
    columns: tuple[list[float], set[int], int],
) -> float:
    """On `paper` at 8 pt or more (printing.py: `columns` are the widths, the hidden ones and
    how many leading ones a page repeats when the sheet is wider than one), header rows on
    every page, header/footer with page numbers. Returns the scale it prints at."""
    widths, hidden, repeat = columns
    scale = fit_columns(ws, widths, PAPER_SIZES.get(paper, 1), hidden, repeat)
    ws.print_title_rows = title_rows
    ws.oddHeader.center.text = header_footer_text(header)
    ws.oddHeader.center.size = 10
    ws.oddFooter.left.text = header_footer_text(footer_left)
    ws.oddFooter.left.size = 8
    # &P and &N are Excel's page number and page count.
    ws.oddFooter.right.text = (
        header_footer_text(page_label).replace("{page}", "&P").replace("{pages}", "&N")
    )
    ws.oddFooter.right.size = 8
    return scale


def protect(ws) -> None:
    """Protect without a password (against accidents, not people); sorting and filtering stay."""
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
