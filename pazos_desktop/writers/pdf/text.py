"""User text as the PDFs draw it: cleaned, escaped, and in a font that has its characters.

Every text a PDF shows passes through `printable()` (plain table cells, canvas strings) or
`markup()` (Paragraphs):
- a TAB becomes spaces, a lone CR (old Mac files) and U+2028/U+2029 line breaks; other control
  and invisible format characters (zero-width spaces, soft hyphens, BOMs) are dropped;
- Chinese, Japanese and Korean go to the fallback font (a Paragraph switches font per run);
- a character no font of ours has is drawn as "�", never as an empty box, and the exports
  list it beforehand (`glyphs.py`), with its record and field.
Right-to-left scripts (Arabic, Hebrew) are drawn unshaped and in logical order: the exports
list them too, as text that will not read correctly.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from pazos_desktop.writers.pdf.fonts import (
    FALLBACK,
    fallback_cmap,
    main_characters,
    main_cmap,
    register_fallback,
)

REPLACEMENT = "\ufffd"
TAB = "    "
_BREAKS = {"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"}
_TABLE = {c: None for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]}
_TABLE.update({ord(k): v for k, v in _BREAKS.items()})
_TABLE[ord("\t")] = TAB
_TABLE[ord("\n")] = "\n"
_WHITE = frozenset(" \n")


SHORT = 300  # texts up to this length (names, entities, titles) repeat: cleaned once each


def clean(text) -> str:
    """Control characters out, TAB as spaces, every line break as "\\n"."""
    if text is None:
        return ""
    text = str(text)
    return _clean_short(text) if len(text) <= SHORT else _clean(text)


@lru_cache(maxsize=50_000)
def _clean_short(text: str) -> str:
    return _clean(text)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").translate(_TABLE)
    if text.isascii():
        return text
    odd = _odd_characters(set(text))
    return text.translate(odd) if odd else text


def _odd_characters(chars: set[str]) -> dict[int, str]:
    """Among distinct characters (a text has far fewer than it has characters), the invisible
    ones, dropped, and the broken ones, replaced."""
    found: dict[int, str] = {}
    for ch in chars:
        if ch.isascii():
            continue
        category = unicodedata.category(ch)
        if category == "Cf":  # zero-width space, soft hyphen, BOM, bidi marks: invisible
            found[ord(ch)] = ""
        elif category == "Cs":  # a lone surrogate from a broken clipboard or file
            found[ord(ch)] = REPLACEMENT
    return found


def undrawable(text: str) -> set[str]:
    """Characters of (clean) `text` that neither font can draw."""
    if text.isascii():
        return set()
    missing = set(text).difference(main_characters(), _WHITE)
    if not missing:
        return set()
    fallback = fallback_cmap()
    return {ch for ch in missing if ord(ch) not in fallback}


def right_to_left(text: str) -> set[str]:
    """Characters of a right-to-left script: drawn, but neither shaped nor reordered."""
    if text.isascii():
        return set()
    return {ch for ch in set(text) if unicodedata.bidirectional(ch) in ("R", "AL")}


def printable(text) -> str:
    """Clean text with every character no font has replaced by "�"."""
    text = clean(text)
    if text.isascii():
        return text
    return _printable_short(text) if len(text) <= SHORT else _printable(text)


@lru_cache(maxsize=50_000)
def _printable_short(text: str) -> str:
    return _printable(text)


def _printable(text: str) -> str:
    missing = undrawable(text)
    if not missing:
        return text
    return text.translate({ord(ch): REPLACEMENT for ch in missing})


def needs_fallback(text: str) -> bool:
    """Whether (printable) `text` has characters only the fallback font draws."""
    if text.isascii():
        return False
    return _needs_short(text) if len(text) <= SHORT else _needs(text)


@lru_cache(maxsize=50_000)
def _needs_short(text: str) -> bool:
    return _needs(text)


def _needs(text: str) -> bool:
    return not main_characters().issuperset(set(text).difference(_WHITE))


def runs(text: str) -> list[tuple[bool, str]]:
    """(in the fallback font?, piece) runs of printable `text`."""
    main = main_cmap()
    out: list[tuple[bool, str]] = []
    for ch in text:
        other = ord(ch) not in main and ch not in _WHITE
        if out and out[-1][0] == other:
            out[-1] = (other, out[-1][1] + ch)
        else:
            out.append((other, ch))
    return out


def markup(text) -> str:
    """User text as Paragraph markup: escaped (never parsed as tags), newlines kept, pieces
    only the fallback font has wrapped in its font."""
    text = printable(text)
    if not text:
        return ""
    if needs_fallback(text):
        register_fallback()
        pieces = [
            f'<font name="{FALLBACK}">{escape(piece)}</font>' if other else escape(piece)
            for other, piece in runs(text)
        ]
        body = "".join(pieces)
    else:
        body = escape(text)
    return body.replace("\n", "<br/>")


def font_for(text: str, font: str) -> str:
    """The font a one-font string (a chart label) is drawn in: the fallback when it needs it."""
    if needs_fallback(text):
        return register_fallback()
    return font


def clip(text: str, limit: int, marker: str) -> str:
    """`text` cut to `limit` characters, with `marker` (e.g. "[…]") saying so."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(marker) - 1)].rstrip() + " " + marker


PIECE = 1200  # characters of one Paragraph: reportlab re-wraps a whole paragraph per page


def pieces(text: str, limit: int = PIECE) -> list[str]:
    """`text` in consecutive pieces of at most `limit` characters, cut at a line break, else
    at a space, else anywhere: a long text as several paragraphs lays out in linear time."""
    out: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = window.rfind("\n")
        if cut < limit // 3:
            cut = window.rfind(" ")
        if cut < limit // 3:
            cut = limit
        out.append(rest[:cut].rstrip("\n"))
        rest = rest[cut:].lstrip("\n") if rest[cut : cut + 1] == "\n" else rest[cut:]
    out.append(rest)
    return out
