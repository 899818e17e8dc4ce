"""The rules of each personal-data record, declared once per field.

Shaped like the declaration table of the "one rule per field" work (label, type, bounds,
parser, formatter, spreadsheet column, HXL tag) so these records can move onto the common
mechanism when it lands: the window's editors, the services' validation, the command line and
the bulk template all read these tuples. Dates are parsed by ONE function, `parse_date`, which
is the program's one date parser (`pazos_desktop.parsing`: dd/mm/aaaa, ISO, Excel serials).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from pazos_desktop import parsing
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import _
from pazos_desktop.services.common import Checker

TEXT, LONG_TEXT, DATE, CHOICE, MULTI, BOOL = "text", "long_text", "date", "choice", "multi", "bool"


def parse_date(value) -> dt.date | None:
    """The program's one date parser: raises ValueError (ParseError) when invalid."""
    return parsing.parse_date(value)


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # Spanish source (N_), translated when shown
    kind: str = TEXT
    required: bool = False
    max_len: int | None = None
    choices: Mapping[str, str] | None = None  # stored value -> label (N_)
    column: str | None = None  # the spreadsheet header (N_); None: not in spreadsheets
    hxl: str | None = None

    def parse(self, raw):
        """Typed or cell value -> stored value; ValueError with a user message when invalid."""
        if self.kind == DATE:
            if isinstance(raw, dt.date) or raw is None:
                return raw
            try:
                return parse_date(raw)
            except ValueError:
                raise ValueError(_("escriba la fecha como dd/mm/aaaa.")) from None
        if self.kind == BOOL:
            return bool(raw)
        if self.kind == CHOICE and raw not in (None, ""):
            return self._choice(raw)
        return raw

    def _choice(self, raw) -> str:
        if raw in self.choices:
            return raw
        for value, label in self.choices.items():
            if fold(str(raw)) in {fold(label), fold(_(label)), fold(value)}:
                return value
        raise ValueError(_("elija uno de la lista."))

    def format(self, value) -> str:
        if value is None:
            return ""
        if self.kind == DATE:
            return format_date(value)
        if self.kind == CHOICE:
            return _(self.choices.get(value, value))
        return str(value)


def check(fields: tuple[Field, ...], data, checker: Checker | None = None) -> dict:
    """Every declared field of `data` (a dataclass), parsed and bounded; raises ValidationError
    with one message per field. Cross-field rules are the caller's, on the same Checker."""
    c = checker or Checker()
    values: dict = {}
    for f in fields:
        raw = getattr(data, f.key)
        label = _(f.label)
        if f.kind in (TEXT, LONG_TEXT):
            values[f.key] = c.text(f.key, raw, f.label, required=f.required, max_len=f.max_len)
            continue
        try:
            value = f.parse(raw)
        except ValueError as exc:
            c.fail(f.key, f"{label}: {exc}")
            continue
        if f.required:
            c.required(f.key, value, label)
        values[f.key] = value
    if checker is None:
        c.raise_if_any()
    return values


def by_key(fields: tuple[Field, ...]) -> dict[str, Field]:
    return {f.key: f for f in fields}
