"""The visible stamp of a digital signature: a one-page PDF the size of the signer's room on
the acta's signature page, which the signature's appearance shows.

Drawn with the house fonts, embedded (an acta that is PDF/A stays PDF/A once signed; the
canvas's initial font is ours too, so no page names a font it does not carry), and fitted to
its box: a long name shrinks, then wraps; a long issuer is cut.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from pazos_desktop.writers.pdf.fonts import FONT, FONT_BOLD, register_fonts

INK = colors.HexColor("#1F3A5F")
PAD = 4.0  # points inside the border
SMALL = 7.0


@dataclass(frozen=True)
class StampText:
    heading: str  # "Firmado digitalmente por"
    name: str
    lines: list[str] = field(default_factory=list)  # date, issuer… (small)


def stamp_pdf(width: float, height: float, text: StampText) -> bytes:
    """The stamp as a PDF page of `width` × `height` points."""
    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1, initialFontName=FONT)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.roundRect(1, 1, width - 2, height - 2, 4)
    inner = width - 2 * PAD
    y = height - PAD - SMALL
    canvas.setFillColor(INK)
    canvas.setFont(FONT, SMALL)
    canvas.drawString(PAD, y, _fit(text.heading, FONT, SMALL, inner))
    size, name_lines = _name_lines(text.name, inner)
    canvas.setFont(FONT_BOLD, size)
    for line in name_lines:
        y -= size * 1.15
        canvas.drawString(PAD, y, line)
    canvas.setFont(FONT, SMALL)
    canvas.setFillColor(colors.black)
    for line in text.lines:
        y -= SMALL * 1.25
        if y < PAD:
            break
        canvas.drawString(PAD, y, _fit(line, FONT, SMALL, inner))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _name_lines(name: str, width: float) -> tuple[float, list[str]]:
    """The signer's name: one line at the largest size from 10 to 7 points that holds it,
    else wrapped at 7 points (at most two lines, the second cut)."""
    for size in (10, 9, 8, 7):
        if stringWidth(name, FONT_BOLD, size) <= width:
            return size, [name]
    lines = simpleSplit(name, FONT_BOLD, 7, width)
    return 7, [lines[0], _fit(" ".join(lines[1:]), FONT_BOLD, 7, width)]


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
