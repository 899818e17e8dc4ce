"""The fast table (writers/pdf/fasttable.py) lays out and draws exactly as reportlab's own Table
given the same cells and the same look: it only skips reportlab's per-cell work."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pazos_desktop.writers.pdf.document import register_fonts
from pazos_desktop.writers.pdf.fasttable import FastTable
from pazos_desktop.writers.pdf.fonts import FONT, FONT_BOLD
from pazos_desktop.writers.pdf.tables import GRID, data_table
from tests.pdf_support import poppler_pages, render_png, words_with_boxes

# What each cell of reportlab's Table must be told for the house body look (FastTable's start).
HOUSE = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("LEADING", (0, 0), (-1, -1), 10),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
]
LOOK = [
    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F4E79")),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F6FA")]),
    # what the writers add: a shrunk figure, a right-aligned and a centred column, a taller line
    ("FONTSIZE", (2, 3), (2, 3), 6.5),
    ("ALIGN", (2, 1), (2, -1), "RIGHT"),
    ("ALIGN", (3, 1), (3, -1), "CENTRE"),
    ("VALIGN", (3, 1), (3, -1), "MIDDLE"),
    ("LEADING", (1, 5), (1, 5), 14),
]


def _rows(count: int, paragraph_at: int | None = None) -> list[list]:
    style = ParagraphStyle("p", fontName=FONT, fontSize=8, leading=10)
    rows: list[list] = [["No.", "Actividad", "Cifra", "Estado"]]
    for i in range(1, count + 1):
        lines = "\n".join(f"Línea {n} de la fila {i}" for n in range(1 + i % 4))
        state = "Cumplido\nen plazo" if i % 3 else "Vencido"
        rows.append([str(i), lines, f"$ {i * 1500:,}".replace(",", "."), state])
    if paragraph_at is not None:
        rows[paragraph_at][1] = Paragraph("Una celda <b>con formato</b> " * 8, style)
    return rows


def _pair(rows: list[list]) -> tuple[Table, FastTable]:
    widths = [40, 260, 90, 120]
    plain = Table([list(r) for r in rows], colWidths=widths, repeatRows=1)
    plain.setStyle(TableStyle(HOUSE + LOOK))
    fast = FastTable([list(r) for r in rows], colWidths=widths, repeatRows=1)
    fast.setStyle(TableStyle(LOOK))
    return plain, fast


@pytest.mark.parametrize("paragraph_at", [None, 1, 40])
def test_rows_are_measured_as_reportlab_measures_them(paragraph_at):
    register_fonts()
    plain, fast = _pair(_rows(120, paragraph_at))
    for avail in (10_000, 500):  # all of it, and a page's worth (reportlab stops measuring)
        assert fast.wrap(540, avail) == plain.wrap(540, avail)
        known = [h for h in plain._rowHeights if h is not None]
        assert fast._rowHeights[: len(known)] == known
    parts_plain, parts_fast = plain.split(540, 500), fast.split(540, 500)
    assert [len(p._cellvalues) for p in parts_fast] == [len(p._cellvalues) for p in parts_plain]
    assert [p.wrap(540, 500) for p in parts_fast] == [p.wrap(540, 500) for p in parts_plain]


def _build(path, table) -> None:
    SimpleDocTemplate(str(path), pagesize=LETTER).build([table])


@pytest.mark.parametrize("paragraph_at", [None, 40])
def test_a_table_prints_as_reportlab_prints_it(tmp_path, paragraph_at):
    """Same pages, same words at the same places, same pixels: only the drawing is faster."""
    register_fonts()
    plain, fast = _pair(_rows(90, paragraph_at))
    _build(tmp_path / "plain.pdf", plain)
    _build(tmp_path / "fast.pdf", fast)
    pages = poppler_pages(tmp_path / "plain.pdf")
    assert len(pages) >= 3 and poppler_pages(tmp_path / "fast.pdf") == pages
    for page in range(1, len(pages) + 1):
        plain_words = words_with_boxes(tmp_path / "plain.pdf", page)
        assert words_with_boxes(tmp_path / "fast.pdf", page) == plain_words
    plain_png = render_png(tmp_path / "plain.pdf", tmp_path / "plain", 1, len(pages), dpi=72)
    fast_png = render_png(tmp_path / "fast.pdf", tmp_path / "fast", 1, len(pages), dpi=72)
    for a, b in zip(plain_png, fast_png, strict=True):
        difference = ImageChops.difference(
            Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
        )
        assert difference.getbbox() is None, f"{b.name} differs at {difference.getbbox()}"


def _letters() -> list[str]:
    """Over 520 distinct letters DejaVu Sans draws: past the font's first two 256-code subsets."""
    drawn = pdfmetrics.getFont(FONT).face.charToGlyph
    ranges = [(0x00C0, 0x017F), (0x0391, 0x03C9), (0x0410, 0x044F), (0x1E00, 0x1EFF)]
    return [chr(c) for a, b in ranges for c in range(a, b + 1) if chr(c).isalpha() and c in drawn]


def test_text_in_every_subset_of_the_font_reads_back(tmp_path):
    """Lines whose letters sit in later subsets, lines of letters already placed, repeated lines
    and a no-break space all read back as written, in order."""
    register_fonts()
    letters = _letters()
    assert len(letters) > 520
    words = ["".join(letters[i : i + 12]) for i in range(0, len(letters), 12)]
    rows = [[str(i), w, "Cali\u00a0Valle"] for i, w in enumerate(words, start=1)]
    # New lines of letters the document has already placed (the translated path), and repeats.
    again = [w[::-1] for w in words] + [words[0][:6] + words[-1][:6], words[1]]
    rows += [[str(len(rows) + i), w, "Cali\u00a0Valle"] for i, w in enumerate(again, start=1)]
    path = tmp_path / "letters.pdf"
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=LETTER).build(
        data_table(["No.", "Texto", "Lugar"], rows, [40, 300, 120])
    )
    path.write_bytes(out.getvalue())
    text = " ".join(poppler_pages(path))
    position = 0
    for row in rows:
        found = text.find(f"{row[0]} {row[1]} Cali Valle", position)
        assert found >= 0, row[1]
        position = found
