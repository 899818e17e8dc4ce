"""Writing user text into xlsx cells safely: always text, never a formula, never a crash.

openpyxl writes a string starting with "=" as a formula; Excel and LibreOffice users who
retype a cell starting with + - @ get one too (OWASP CWE-1236). Control characters raise
IllegalCharacterError, and text over 32,767 characters is cut silently by Excel.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.cell.cell import TYPE_STRING, Cell

EXCEL_MAX_CHARS = 32_767
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class TextIssue:
    where: str
    problem: str  # "control_chars" or "too_long"


@dataclass
class SafetyLog:
    """What had to be changed to write the text; writers report it to the user."""

    issues: list[TextIssue] = field(default_factory=list)


def clean_text(value: str, where: str = "", log: SafetyLog | None = None) -> str:
    """Remove characters xlsx cannot hold and cut to Excel's limit, noting each change."""
    cleaned = _ILLEGAL.sub("", value)
    if cleaned != value and log is not None:
        log.issues.append(TextIssue(where, "control_chars"))
    if len(cleaned) > EXCEL_MAX_CHARS:
        cleaned = cleaned[:EXCEL_MAX_CHARS]
        if log is not None:
            log.issues.append(TextIssue(where, "too_long"))
    return cleaned


def needs_guard(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def set_text(
    cell: Cell, value: str | None, log: SafetyLog | None = None, where: str | None = None
) -> Cell:
    """Put user text in `cell` as a string: a leading = + - @ tab CR stays literal text.

    `where` names the cell in the log ("Hoja!B7"); write-only cells do not know their place.
    """
    if value is None:
        cell.value = None
        return cell
    text = clean_text(str(value), where or cell.coordinate, log)
    # Straight into the cell with its type forced: openpyxl's `value` setter would take
    # "=..." for a formula (and costs a type inference per cell).
    cell._value = text
    cell.data_type = TYPE_STRING
    if needs_guard(text):
        cell.quotePrefix = True
    return cell


def write_value(cell: Cell, value, log: SafetyLog | None = None, where: str | None = None) -> Cell:
    """Numbers, dates and booleans as themselves; anything else as safe text."""
    if isinstance(value, Decimal):  # a server's SUM or numeric: still a number, never text
        value = int(value) if value.is_finite() and value == int(value) else float(value)
    if isinstance(value, float) and not math.isfinite(value):
        value = None  # NaN or infinity would make Excel call the whole file damaged
    if value is None or isinstance(value, bool):
        cell.value = value
        return cell
    if isinstance(value, int | float):
        cell._value, cell.data_type = value, "n"  # what the setter would do, without inference
        return cell
    if hasattr(value, "isoformat"):
        cell.value = value
        return cell
    return set_text(cell, value, log, where)
