"""The house header of every page (logo, organisation and title, the quality-system block),
the draft mark and the note printed at the foot of every page.

The header holds real content: a logo of any shape fitted inside its cell keeping its aspect
(an Alcaldía logo is usually 4:1), a long dependency name shrinking to a floor and then
growing the header (up to a limit, past which the name is cut with "…"), dates dd/mm/aaaa,
labels in the document's language, and no empty logo box or empty code lines.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Image, Paragraph, Table, TableStyle

from pazos_desktop.domain.formats import format_date
from pazos_desktop.i18n import N_
from pazos_desktop.writers.pdf.fonts import FONT, FONT_BOLD
from pazos_desktop.writers.pdf.tables import GRID
from pazos_desktop.writers.pdf.text import markup

HEADER_MIN = 2.0 * cm  # the header's height when everything fits at the normal size
HEADER_MAX = 5.0 * cm  # past this the organisation's name is cut
LOGO_COLUMN = 3.6 * cm
QUALITY_COLUMN = 5.0 * cm
PAD = 4
TITLE_SIZES = (9.5, 9, 8.5, 8, 7.5, 7)  # 7 pt is the floor: still readable on paper
QUALITY_SIZE = 7.5
NOTE_SIZE = 6.8
NOTE_LIMIT = 1200  # characters of the page note: about six lines across a landscape page
NAME_LIMIT = 1500  # characters of the organisation's name tried in the header at all
DRAFT_COLOUR = colors.HexColor("#B03A2E")
QUALITY_LABELS = (
    ("doc_code", N_("Código")),
    ("doc_version", N_("Versión")),
    ("approval_date", N_("Fecha de aprobación")),
)


@dataclass
class Header:
    table: Table
    height: float
    logo_box: tuple[float, float, float, float] | None  # x, y (from the header's top), w, h


def header_date(value: str) -> str:
    """An ISO date from the settings as users read dates; anything else as typed."""
    try:
        return format_date(dt.date.fromisoformat(value.strip()))
    except (ValueError, AttributeError):
        return value or ""


def fitted_logo(path: str | None, width: float, height: float) -> Image | None:
    """The logo scaled to fit `width` × `height`, keeping its aspect; None if unusable."""
    if not path or not Path(path).is_file():
        return None
    try:
        image = Image(path)
        w, h = float(image.imageWidth), float(image.imageHeight)
    except Exception:  # an unreadable logo must not stop the document
        return None
    if w <= 0 or h <= 0:
        return None
    scale = min(width / w, height / h)
    image.drawWidth, image.drawHeight = w * scale, h * scale
    return image


def _title(info, size: float, org: str) -> Paragraph:
    style = ParagraphStyle(
        f"hdr_title_{size}",
        fontName=FONT,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
    )
    parts = [f"<b>{markup(org)}</b>"] if org else []
    parts.append(markup(info.title))
    return Paragraph("<br/>".join(parts), style)


def _quality(info) -> Paragraph | None:
    values = {
        "doc_code": info.doc_code,
        "doc_version": info.doc_version,
        "approval_date": header_date(info.approval_date),
    }
    lines = [
        f"<b>{markup(info.label(label))}:</b> {markup(values[key][:120])}"
        for key, label in QUALITY_LABELS
        if (values[key] or "").strip()
    ]
    if not lines:
        return None
    style = ParagraphStyle(
        "hdr_quality", fontName=FONT, fontSize=QUALITY_SIZE, leading=QUALITY_SIZE * 1.3
    )
    return Paragraph("<br/>".join(lines), style)


def _height(flowable, width: float) -> float:
    return flowable.wrap(width - 2 * PAD, 10_000)[1] + 2 * PAD


def _fit_title(info, width: float) -> tuple[Paragraph, float]:
    """The largest size at which the title fits the normal height, else the floor, taller;
    past the maximum height the organisation's name is cut."""
    org = (info.org_name or "")[:NAME_LIMIT]
    for size in TITLE_SIZES:
        title = _title(info, size, org)
        needed = _height(title, width)
        if needed <= HEADER_MIN:
            return title, needed
    if needed <= HEADER_MAX:
        return title, needed
    low, high = 0, len(org)
    while low < high:  # the longest start of the name that fits
        middle = (low + high + 1) // 2
        if _height(_title(info, size, org[:middle] + "…"), width) <= HEADER_MAX:
            low = middle
        else:
            high = middle - 1
    title = _title(info, size, org[:low].rstrip() + "…")
    return title, _height(title, width)


def build_header(info, width: float) -> Header:
    """The header table for a page whose frame is `width` wide."""
    logo_path = info.logo_path if info.logo_path and Path(info.logo_path).is_file() else None
    quality = _quality(info)
    side = (LOGO_COLUMN if logo_path else 0) + (QUALITY_COLUMN if quality else 0)
    title, title_height = _fit_title(info, width - side)
    height = max(HEADER_MIN, title_height)
    if quality is not None:
        height = max(height, min(HEADER_MAX, _height(quality, QUALITY_COLUMN)))
    logo = fitted_logo(logo_path, LOGO_COLUMN - 2 * PAD, height - 2 * PAD)
    cells, widths = [title], [width - side]
    if logo_path:
        cells.insert(0, logo or "")
        widths.insert(0, LOGO_COLUMN)
    if quality is not None:
        cells.append(quality)
        widths.append(QUALITY_COLUMN)
    table = Table([cells], colWidths=widths, rowHeights=[height])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # reportlab's default is Helvetica
                ("GRID", (0, 0), (-1, -1), 0.6, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), PAD),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
            ]
        )
    )
    box = None
    if logo is not None:
        box = (
            (LOGO_COLUMN - logo.drawWidth) / 2,
            (height - logo.drawHeight) / 2,
            logo.drawWidth,
            logo.drawHeight,
        )
    return Header(table, height, box)


# --- the draft mark and the page note --------------------------------------------------------


def draw_draft_mark(canvas, text: str) -> None:
    """A large, light diagonal mark under the page's content: a loose page of a draft
    cannot pass for the signed acta."""
    width, height = canvas._pagesize
    angle = math.degrees(math.atan2(height, width))
    # 70 % of the page's diagonal, and never taller than a fifth of the page's width.
    size = min(0.7 * math.hypot(width, height) / stringWidth(text, FONT_BOLD, 1), width / 5)
    canvas.saveState()
    canvas.setFillColor(DRAFT_COLOUR, alpha=0.12)
    canvas.setFont(FONT_BOLD, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()


def note_paragraph(text: str) -> Paragraph:
    style = ParagraphStyle(
        "page_note",
        fontName=FONT,
        fontSize=NOTE_SIZE,
        leading=NOTE_SIZE * 1.25,
        textColor=colors.HexColor("#333333"),
    )
    return Paragraph(markup(text[:NOTE_LIMIT]), style)


def note_height(text: str, width: float) -> float:
    return note_paragraph(text).wrap(width, 10_000)[1] if text else 0.0
