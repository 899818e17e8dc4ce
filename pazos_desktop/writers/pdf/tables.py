"""Tables that stay fast and never fail on text: plain strings wrapped to their column, rows
too tall for a page cut into pieces of a page or less, header labels that shrink instead of
breaking a word ("Compromis/os").

A reportlab row taller than its frame raises LayoutError even with `splitInRow` when its cells
are plain strings (a 40,000-character progress comment did); cutting such rows here, before
reportlab sees them, makes any text length print, every line in order.
"""

from __future__ import annotations

from functools import lru_cache, partial

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from pazos_desktop.writers.pdf.fasttable import BODY_LEADING, BODY_SIZE, CELL_PADDING, FastTable
from pazos_desktop.writers.pdf.fonts import FALLBACK, FONT, FONT_BOLD, register_fallback
from pazos_desktop.writers.pdf.text import SHORT, markup, needs_fallback, printable, runs

ROW_LINES = 25  # lines of one row piece: fits the smallest frame (landscape, tall header)
TABLE_CHUNK_ROWS = 300  # one huge Table re-splits super-linearly; chunks keep it linear
HEADER_SIZES = (8, 7.5, 7, 6.5, 6)  # a header label shrinks to the floor before a word breaks
HEADER_FILL = colors.HexColor("#1F4E79")
ZEBRA_FILL = colors.HexColor("#F2F6FA")
GRID = colors.HexColor("#9FB3C8")


def data_table(
    header: list[str],
    rows: list[list],
    col_widths: list[float],
    wrap_cols: set[int] | None = None,
    chunk_rows: int = TABLE_CHUNK_ROWS,
    extra_style: list | None = None,
    max_lines: int | None = None,
    cut_note: str = "[… {n}]",
    row_lines: int = ROW_LINES,
) -> list[Flowable]:
    """A header-repeating, zebra-striped table cut into chunks of `chunk_rows` rows.

    Every cell is a plain string, drawn as it is (never parsed as markup): the columns in
    `wrap_cols` are word-wrapped to their width (newlines kept), the others (figures, dates,
    codes) stay on one line, a little smaller where a value is wider than its column, wrapped
    only past that: no text runs over a cell's border.
    A cell of more than `max_lines` lines is cut there, its last line saying how many
    characters were left out (`cut_note`, "{n}"); without `max_lines` every line prints, a tall
    row continuing over as many row pieces (and pages) as it needs, each of at most `row_lines`
    lines (fewer where the frame is short, see `lines_that_fit`).
    """
    wrap_cols = wrap_cols if wrap_cols is not None else set(range(len(header)))
    head, head_style = _header(header, col_widths)
    room = [w - 2 * CELL_PADDING for w in col_widths]
    shrunk: list = []
    body = [
        [
            _cell(v, room[i], max_lines, cut_note)
            if i in wrap_cols
            else _short(v, room[i], (i, r), shrunk)
            for i, v in enumerate(row)
        ]
        for r, row in enumerate(rows, start=1)
    ] or [[""] * len(header)]
    out: list[Flowable] = []
    for start in range(0, len(body), chunk_rows):
        own = [_shifted(cmd, start) for cmd in shrunk if start < cmd[1][1] <= start + chunk_rows]
        style = head_style + own + (extra_style or [])
        out.append(_table(head, body[start : start + chunk_rows], col_widths, style, row_lines))
    return out


def _shifted(command: tuple, start: int) -> tuple:
    """A cell's command moved to its row within its chunk (row 0 is the chunk's header)."""
    name, (c0, r0), (c1, r1), *rest = command
    return (name, (c0, r0 - start), (c1, r1 - start), *rest)


SHORT_SIZES = (7.5, 7, 6.5)  # a figure too wide for its column shrinks this far, then wraps


def _short(value, room: float, at: tuple[int, int], style: list) -> str:
    """A one-line value; smaller (a style command added to `style`) when it is too wide."""
    text = printable(_plain(value))
    if "\n" in text or _fits(text, room, BODY_SIZE):
        return text
    size = next((s for s in SHORT_SIZES if _fits(text, room, s)), None)
    if size is None:
        return _cell(text, room, None, "")
    style += [("FONTSIZE", at, at, size), ("LEADING", at, at, BODY_LEADING)]
    return text


def lines_that_fit(frame_height: float, padding: float = 4, header_lines: int = 4) -> int:
    """Lines of a row piece that, with the repeated header row, fit a frame this high."""
    room = frame_height - header_lines * BODY_LEADING - 8 - padding - 12
    return max(3, min(ROW_LINES, int(room // BODY_LEADING)))


def _plain(value) -> str:
    return "" if value is None else str(value)


def _header(labels: list[str], widths: list[float]) -> tuple[list[str], list]:
    cells, style = [], []
    for i, label in enumerate(labels):
        text, room = printable(label), widths[i] - 2 * CELL_PADDING
        size = next((s for s in HEADER_SIZES if _longest_word(text, s) <= room), HEADER_SIZES[-1])
        cells.append(_wrap_all(text, room, size, FONT_BOLD))
        if size != BODY_SIZE:
            style += [
                ("FONTSIZE", (i, 0), (i, 0), size),
                ("LEADING", (i, 0), (i, 0), size + 2),
            ]
    return cells, style


def _longest_word(text: str, size: float) -> float:
    return max((_word_width(w, size, FONT_BOLD) for w in text.split()), default=0.0)


def _cell(value, room: float, max_lines: int | None, cut_note: str) -> str:
    """Text wrapped to the column as a plain multi-line string (cheaper than a Paragraph)."""
    text = printable(_plain(value))
    if "\n" not in text and _fits(text, room, BODY_SIZE):
        return text
    wrapped = _wrap_short(text, room) if len(text) <= SHORT else _wrap_all(text, room)
    lines = wrapped.split("\n")
    if max_lines and len(lines) > max_lines:
        kept = lines[: max_lines - 1]
        left = len(text) - sum(len(line) for line in kept)
        lines = [*kept, cut_note.format(n=f"{left:,}".replace(",", "."))]
    return "\n".join(lines)


@lru_cache(maxsize=20_000)
def _wrap_short(text: str, room: float) -> str:
    # Entities, positions, clusters and components repeat row after row: wrapped once each.
    return _wrap_all(text, room)


def _wrap_all(text: str, room: float, size: float = BODY_SIZE, font: str = FONT) -> str:
    parts = (wrap_text(part, room, size, font) for part in text.split("\n"))
    return "\n".join(line for part in parts for line in part)


def _fits(text: str, room: float, size: float, font: str = FONT) -> bool:
    # Cheap bound first: DejaVu Sans has no glyph wider than 1.74 em.
    if len(text) * size * 1.8 <= room:
        return True
    return _word_width(text, size, font) <= room


def wrap_text(text: str, room: float, size: float, font: str = FONT) -> list[str]:
    """Greedy word wrap measured with the embedded fonts; words wider than the column are cut."""
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
    if not needs_fallback(word):
        return pdfmetrics.stringWidth(word, font, size)
    register_fallback()
    return sum(
        pdfmetrics.stringWidth(piece, FALLBACK if other else font, size)
        for other, piece in runs(word)
    )


def _cut(word: str, room: float, width) -> list[str]:
    pieces, current, used = [], "", 0.0
    for ch in word:
        w = width(ch)
        if current and used + w > room:
            pieces.append(current)
            current, used = "", 0.0
        current, used = current + ch, used + w
    return [*pieces, current]


# --- rows into reportlab tables ------------------------------------------------------------


# The rest of the body look (font, size, leading, alignment, padding) is `BodyCell`'s.
_BODY_STYLE = [("GRID", (0, 0), (-1, -1), 0.4, GRID)]


def continued_rows(rows: list[list[str]], widths: list[float], after: int, style: list) -> Table:
    """Rows of one-line strings that continue a `data_table` of `after` rows: no header of
    their own, the same look and stripes; `style` addresses these rows from 0."""
    first = [colors.white, ZEBRA_FILL] if after % 2 == 0 else [ZEBRA_FILL, colors.white]
    table = FastTable(rows, colWidths=widths)
    stripes = [("ROWBACKGROUNDS", (0, 0), (-1, -1), first)]
    table.setStyle(TableStyle(_BODY_STYLE + stripes + style))
    return table


def _table(head: list[str], rows, widths: list[float], style: list, row_lines: int) -> Table:
    physical, first, last = _pieces(rows, row_lines)
    data = [_flowing(head, widths, bold=True), *(_flowing(r, widths) for r in physical)]
    table = FastTable(data, colWidths=widths, repeatRows=1)
    base = [
        *_BODY_STYLE,
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
    ]
    if len(physical) == len(rows):
        base.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_FILL]))
        table.setStyle(TableStyle(base + style))
        return table
    # Pieces of one row share its stripe and its writer's styles.
    zebra = [
        ("BACKGROUND", (0, first[r]), (-1, last[r]), ZEBRA_FILL) for r in range(2, len(rows) + 1, 2)
    ]
    table.setStyle(TableStyle(base + zebra + [_remap(cmd, first, last) for cmd in style]))
    return table


def _pieces(rows: list[list], row_lines: int) -> tuple[list[list], dict[int, int], dict[int, int]]:
    """Rows of at most `row_lines` lines; first/last physical row (1-based) of each row."""
    out: list[list] = []
    first, last = {}, {}
    for r, row in enumerate(rows, start=1):
        first[r] = len(out) + 1
        cells = [v.split("\n") if isinstance(v, str) else [v] for v in row]
        height = max((len(c) for c in cells), default=1)
        if height <= row_lines:
            out.append(row)
        else:
            for top in range(0, height, row_lines):
                out.append([_piece(v, c, top, row_lines) for v, c in zip(row, cells, strict=True)])
        last[r] = len(out)
    return out, first, last


def _piece(value, lines: list, top: int, row_lines: int):
    if isinstance(value, str):
        return "\n".join(lines[top : top + row_lines])
    return value if top == 0 else ""


def _remap(command: tuple, first: dict[int, int], last: dict[int, int]) -> tuple:
    """A writer's style command on logical rows, moved onto the row pieces."""
    name, (c0, r0), (c1, r1), *rest = command
    r0 = first.get(r0, r0) if r0 > 0 else r0
    r1 = last.get(r1, r1) if r1 > 0 else r1
    return (name, (c0, r0), (c1, r1), *rest)


def _flowing(row: list, widths: list[float], bold: bool = False) -> list:
    """Cells whose text needs the fallback font become Paragraphs (one font per plain cell)."""
    if not any(isinstance(v, str) and needs_fallback(v) for v in row):
        return row
    style = _fallback_style(bold)
    return [
        Paragraph(markup(v), style) if isinstance(v, str) and needs_fallback(v) else v for v in row
    ]


def _fallback_style(bold: bool) -> ParagraphStyle:
    return ParagraphStyle(
        "cell_fallback_bold" if bold else "cell_fallback",
        fontName=FONT_BOLD if bold else FONT,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        textColor=colors.white if bold else colors.black,
        wordWrap="CJK",
    )
