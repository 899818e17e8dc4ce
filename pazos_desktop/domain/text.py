"""Text as the register compares and keeps it: folded keys for identity and search, trimmed
values, e-mail addresses."""

from __future__ import annotations

import re
import unicodedata

from pazos_desktop.parsing import visible


def fold(text: str | None) -> str:
    """Case- and accent-insensitive key: "Fundación  SIDOC" -> "fundacion sidoc"; invisible
    format characters (zero-width, soft hyphen, BOM, bidi marks) do not count."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", visible(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def clean_text(text: str | None) -> str | None:
    """Trimmed text, or None when nothing but blanks was typed."""
    if text is None:
        return None
    text = str(text).strip()
    return text or None


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_valid_email(value: str) -> bool:
    return bool(_EMAIL_RE.match(value))
