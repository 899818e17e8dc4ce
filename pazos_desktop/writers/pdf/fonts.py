"""The fonts of every PDF: DejaVu Sans (wide coverage), Droid Sans Fallback for Chinese,
Japanese and Korean, and which characters each can draw.

Both are redistributable (licences beside them in resources/fonts). The fallback (3.4 MB) is
loaded only when a text needs it. reportlab writes a wrong ToUnicode entry for characters
beyond U+FFFF (😀 copied from the PDF came out as "ὠ"): `_to_unicode_cmap` replaces it.
"""

from __future__ import annotations

from functools import cache

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from pazos_desktop.paths import resource_path

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = (
    "DejaVuSans",
    "DejaVuSans-Bold",
    "DejaVuSans-Oblique",
    "DejaVuSans-BoldOblique",
)
FALLBACK = "DroidSansFallback"


def _utf16_hex(code: int) -> str:
    if code < 0x10000:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname, subset):
    """reportlab's ToUnicode CMap, with characters beyond the BMP as UTF-16 pairs."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


@cache
def register_fonts() -> str:
    """Register DejaVu Sans and its styles once; returns the family name."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    # A chart starts by selecting reportlab's default font, Helvetica, which no PDF of ours
    # embeds (PDF/A forbids a font merely referenced): charts start on DejaVu Sans instead.
    STATE_DEFAULTS["fontName"] = FONT
    return FONT


@cache
def register_fallback() -> str:
    """Register the CJK fallback (on first need: it is big); the same face for every style."""
    register_fonts()
    pdfmetrics.registerFont(TTFont(FALLBACK, str(resource_path("fonts", f"{FALLBACK}.ttf"))))
    return FALLBACK


@cache
def main_cmap() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


@cache
def main_characters() -> frozenset[str]:
    """The characters the main font draws, as characters: a text's set of characters is
    compared with it in one step."""
    return frozenset(map(chr, main_cmap()))


@cache
def fallback_cmap() -> frozenset[int]:
    register_fallback()
    return frozenset(pdfmetrics.getFont(FALLBACK).face.charToGlyph)
