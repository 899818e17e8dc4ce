"""Fields declared once: what every door (editor, services, sheets, importers, history) reads.

A record's fields are declared in one module of `pazos_desktop/records/` as a `Record` of
`Field`s: the label (Spanish, marked with `N_` and translated when shown), the kind of value,
its bounds, and how it appears in spreadsheets (column key, header, HXL tag). A field parses
what any door gives it with the one parser of its kind (`parsing`), checks its bounds, and
formats a value for people; every refusal is one message naming the field ("Meta: no puede
ser negativo."). See README, *Development*, "How to add a field".
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from pazos_desktop import parsing
from pazos_desktop.domain.formats import format_cop, format_date, format_quantity
from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import _, translate


class Kind(enum.StrEnum):
    TEXT = "text"  # one line
    LONG = "long"  # paragraphs: wrapped in sheets and documents
    QUANTITY = "quantity"  # a count or measure, decimals allowed
    MONEY = "money"  # whole Colombian pesos
    WHOLE = "whole"  # a whole number
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"  # one code of `choices`; typed labels accepted in either language
    REF = "ref"  # another record (its id; by name in sheets)


# Far below SQLite's 2^63 (an INTEGER overflows above it) and far above anything real: no
# commitment of Palmira reaches thousands of millions of pesos, nor a count of thousands of
# millions of people, workshops or square metres.
MAX_QUANTITY = 1_000_000_000
MAX_COP = 1_000_000_000_000
FIRST_DATE = dt.date(2000, 1, 1)  # PAZOS began in 2020; earlier dates are typing errors
LAST_DATE = dt.date(2100, 12, 31)


class FieldError(ValueError):
    """A value refused by a field: `problem` says why, `message` names the field too."""

    def __init__(self, spec: Field, problem: str):
        self.field = spec
        self.problem = problem
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return _("{label}: {problem}").format(label=self.field.name, problem=self.problem)


@dataclass(frozen=True)
class Field:
    key: str  # attribute of the model and of the service's data class
    label: str  # Spanish source, N_-marked; `name` is the translation
    kind: Kind = Kind.TEXT
    required: bool = False
    max_len: int | None = None  # texts: the documents can print this much
    minimum: float | dt.date | None = None
    maximum: float | dt.date | None = None
    choices: Mapping[str, str] | None = None  # stored code -> N_ label
    column: str | None = None  # spreadsheet column key (default: `key`)
    header: str | None = None  # spreadsheet header, N_-marked (default: `label`)
    hxl: str | None = None  # HXL hashtag of the column
    default: object = None  # the value when nothing is given

    def __post_init__(self) -> None:
        bounds = _DEFAULT_BOUNDS.get(self.kind, (None, None))
        if self.minimum is None and bounds[0] is not None:
            object.__setattr__(self, "minimum", bounds[0])
        if self.maximum is None and bounds[1] is not None:
            object.__setattr__(self, "maximum", bounds[1])

    # --- names -------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return _(self.label)

    def sheet_key(self) -> str:
        return self.column or self.key

    def sheet_header(self, lang: str | None = None) -> str:
        return translate(self.header or self.label, lang)

    # --- reading and checking ----------------------------------------------------------------

    def fail(self, problem: str) -> FieldError:
        return FieldError(self, problem)

    def parse(self, raw):
        """The typed value of what a door gave (text, a cell, a value); None when blank."""
        try:
            value = _PARSERS[self.kind](self, raw)
        except parsing.ParseError as exc:
            raise self.fail(exc.message) from None
        return self.default if value is None else value

    def check(self, raw):
        """`parse`, then required and bounds: the value to store, or FieldError."""
        value = self.parse(raw)
        if value is None or value == [] or value == "":
            if self.required:
                raise self.fail(_("este campo es obligatorio."))
            return None if value == "" else value
        return _CHECKS.get(self.kind, _no_check)(self, value)

    # --- showing -----------------------------------------------------------------------------

    def format(self, value) -> str:
        """A stored value as people read it: "$ 1.500.000", "25/11/2026", "Cumplido"."""
        if value is None or value == "":
            return ""
        if self.kind == Kind.MONEY:
            return format_cop(value)
        if self.kind == Kind.QUANTITY:
            return format_quantity(value)
        if self.kind == Kind.DATE and isinstance(value, dt.date):
            return format_date(value)
        if self.kind == Kind.BOOL:
            return _("Sí") if value else _("No")
        if self.kind == Kind.CHOICE and self.choices and value in self.choices:
            return _(self.choices[value])
        return str(value)

    def choice_lookup(self) -> dict[str, str]:
        """Folded code or label (Spanish and English) -> code."""
        out: dict[str, str] = {}
        for code, label in (self.choices or {}).items():
            out[fold(code)] = code
            for lang in ("es", "en"):
                out[fold(translate(label, lang))] = code
        return out


def _parse_text(f: Field, raw):
    return parsing.parse_text(raw)


def _parse_choice(f: Field, raw):
    text = parsing.parse_text(raw)
    if text is None:
        return None
    code = _choice_lookups(f).get(_folded(text))
    if code is None:
        raise parsing.ParseError(
            _("«{text}» no es una de las opciones de la lista.").format(text=text)
        )
    return code


_lookup_cache: dict[tuple, dict[str, str]] = {}


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """Statuses and types repeat on every row of an import: fold each once."""
    return fold(text)


def _choice_lookups(f: Field) -> dict[str, str]:
    key = (f.key, tuple(f.choices or ()))
    if key not in _lookup_cache:
        _lookup_cache[key] = f.choice_lookup()
    return _lookup_cache[key]


def _parse_ref(f: Field, raw):
    if parsing.is_blank(raw):
        return None
    if isinstance(raw, list | tuple | set | frozenset):
        return raw
    return raw  # an id chosen from a list (sheets resolve names before the rules see them)


_PARSERS = {
    Kind.TEXT: _parse_text,
    Kind.LONG: _parse_text,
    Kind.QUANTITY: lambda f, raw: parsing.parse_number(raw),
    Kind.MONEY: lambda f, raw: parsing.parse_number(raw),
    Kind.WHOLE: lambda f, raw: parsing.parse_whole(raw),
    Kind.DATE: lambda f, raw: parsing.parse_date(raw),
    Kind.BOOL: lambda f, raw: parsing.parse_bool(raw),
    Kind.CHOICE: _parse_choice,
    Kind.REF: _parse_ref,
}


def _check_text(f: Field, value: str) -> str:
    problem = parsing.text_problem(value)
    if problem:
        raise f.fail(problem)
    if f.max_len is not None and len(value) > f.max_len:
        raise f.fail(
            _("máximo {n} caracteres (tiene {m}).").format(
                n=format_quantity(f.max_len), m=format_quantity(len(value))
            )
        )
    return value


def _check_number(f: Field, value: float):
    if f.minimum is not None and value < f.minimum:
        if f.minimum == 0:
            raise f.fail(_("no puede ser negativo."))
        raise f.fail(_("no puede ser menor que {n}.").format(n=f.format(f.minimum)))
    if f.maximum is not None and (value > f.maximum or not math.isfinite(value)):
        raise f.fail(_("no puede pasar de {n}.").format(n=f.format(f.maximum)))
    if f.kind == Kind.MONEY:
        return int(round(value))
    if f.kind == Kind.WHOLE:
        return int(value)
    return float(value)


def _check_date(f: Field, value: dt.date) -> dt.date:
    if (f.minimum and value < f.minimum) or (f.maximum and value > f.maximum):
        raise f.fail(
            _("«{date}» está fuera de las fechas posibles ({first} a {last}).").format(
                date=format_date(value), first=format_date(f.minimum), last=format_date(f.maximum)
            )
        )
    return value


def _check_choice(f: Field, value: str) -> str:
    if f.choices is not None and value not in f.choices:
        raise f.fail(_("elija uno de la lista."))
    return value


def _no_check(f: Field, value):
    return value


_CHECKS = {
    Kind.TEXT: _check_text,
    Kind.LONG: _check_text,
    Kind.QUANTITY: _check_number,
    Kind.MONEY: _check_number,
    Kind.WHOLE: _check_number,
    Kind.DATE: _check_date,
    Kind.CHOICE: _check_choice,
    Kind.BOOL: lambda f, value: bool(value),
}
_DEFAULT_BOUNDS = {
    Kind.QUANTITY: (0, MAX_QUANTITY),
    Kind.MONEY: (0, MAX_COP),
    Kind.DATE: (FIRST_DATE, LAST_DATE),
}


@dataclass(frozen=True)
class Record:
    """The declared fields of one kind of record (`entity`: its table, as the history has it)."""

    entity: str
    label: str
    fields: tuple[Field, ...]
    _by_key: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key.update({f.key: f for f in self.fields})

    def __getitem__(self, key: str) -> Field:
        return self._by_key[key]

    def __contains__(self, key: str) -> bool:
        return key in self._by_key

    def keys(self) -> list[str]:
        return [f.key for f in self.fields]

    def check(self, values: Mapping, errors: dict[str, str], keys: Iterable[str] | None = None):
        """Each field's `check` on `values` (absent keys count as blank): the values to store;
        every refusal goes into `errors` (field key -> message), the first one per field."""
        out = {}
        for key in keys if keys is not None else self.keys():
            spec = self._by_key[key]
            try:
                out[key] = spec.check(values.get(key))
            except FieldError as exc:
                errors.setdefault(key, exc.message)
                out[key] = None
        return out

    def max_lengths(self) -> dict[str, int]:
        """Text field -> its maximum length (what writers and tests can rely on)."""
        return {f.key: f.max_len for f in self.fields if f.max_len is not None}
