"""Fields declared once: what every door (editor, services, sheets, importers, history) reads.

A record's fields are declared in one module of `pazos_desktop/domain/records/` as a `Record`
of `Field`s: the label (Spanish, marked with `N_` and translated when shown), the kind of value,
its bounds, and how it appears in spreadsheets (column key, header, HXL tag) and in the history
(a linked record by its name, or hidden). A field parses what any door gives it with the one
parser of its kind (`parsing`), checks its bounds, and formats a value for people; every refusal
is one message naming the field ("Meta: no puede ser negativo."). See docs/development.md,
"How to add a field".
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from pazos_desktop import parsing
from pazos_desktop.domain.formats import (
    format_cop,
    format_date,
    format_moment,
    format_number,
    format_quantity,
)
from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import N_, _, translate


class Kind(enum.StrEnum):
    TEXT = "text"  # one line
    LONG = "long"  # paragraphs: wrapped in sheets and documents
    QUANTITY = "quantity"  # a count or measure, decimals allowed
    MONEY = "money"  # whole Colombian pesos
    WHOLE = "whole"  # a whole number
    DATE = "date"
    TIME = "time"  # hh:mm
    MOMENT = "moment"  # a date and time the program stamps (UTC), shown in local time
    BOOL = "bool"
    CHOICE = "choice"  # one code of `choices`; typed labels accepted in either language
    REF = "ref"  # another record (its id; by name in sheets and in the history)
    REFS = "refs"  # other records (their ids; their names, joined, in sheets and the history)
    # The figures of statistics (indicators), refused outside their bounds as "debe estar entre
    # a y b", where the register's quantities say "no puede pasar de b":
    FIGURE = "figure"  # decimals; negative when its bounds allow it
    COUNT = "count"  # a whole figure (inhabitants, a data version)
    YEAR = "year"
    PERIOD = "period"  # as typed ("2024", "2024-T2", "2024-05"): read by its indicator's rules


# Far below SQLite's 2^63 (an INTEGER overflows above it) and far above anything real: no
# commitment of Palmira reaches thousands of millions of pesos, nor a count of thousands of
# millions of people, workshops or square metres.
MAX_QUANTITY = 1_000_000_000
MAX_COP = 1_000_000_000_000
MAX_FIGURE = 1e12  # far above any count or rate; bounds every figure before SQLite sees it
FIRST_DATE = dt.date(2000, 1, 1)  # PAZOS began in 2020; earlier dates are typing errors
LAST_DATE = dt.date(2100, 12, 31)
FIRST_YEAR, LAST_YEAR = 1900, 2200  # baselines of indicators go back decades
# Dates checked only against other dates by their services (not after today, not before the
# receipt): the personal-data and indicator records never refused a date for being far away.
ANY_DATE = {"minimum": dt.date.min, "maximum": dt.date.max}
FROM_THE_LIST = N_("elija uno de la lista.")
REFS_SEPARATOR = "; "  # between the names of a list of links (REFS) in a spreadsheet cell


class FieldError(ValueError):
    """A value refused by a field: `problem` says why, `message` names the field too.

    `said`: the whole message, for refusals the catalog holds as one sentence with the label in
    it (the figures' bounds: "{label}: debe estar entre {low} y {high}.").
    """

    def __init__(self, spec: Field, problem: str, said: str | None = None):
        self.field = spec
        self.problem = problem
        self.said = said
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.said is not None:
            return self.said
        return _("{label}: {problem}").format(label=self.field.name, problem=self.problem)


@dataclass(frozen=True)
class Field:
    key: str  # attribute of the model and of the service's data class
    label: str  # Spanish source, N_-marked; `name` is the translation
    kind: Kind = Kind.TEXT
    ref: str | None = None  # REF, REFS: the table referred to (the history names the record)
    required: bool = False
    max_len: int | None = None  # texts: the documents can print this much
    minimum: float | dt.date | None = None
    maximum: float | dt.date | None = None
    choices: Mapping[str, str] | None = None  # stored code -> N_ label
    column: str | None = None  # spreadsheet column key (default: `key`)
    header: str | None = None  # spreadsheet header, N_-marked (default: `label`)
    hxl: str | None = None  # HXL hashtag of the column
    default: object = None  # the value when nothing is given (a yes/no: No)
    positive: bool = False  # figures: strictly above `minimum`
    unreadable: str | None = None  # N_: the refusal of what the parser cannot read, when the
    # field words it its own way ("elija uno de la lista.") instead of the parser's message
    info: bool = False  # shown (sheets, history) but not checked with its record: a column
    # written for reading, or a field whose rules are its service's own
    hidden: bool = False  # says nothing to a reader of the history (an order, the parent's id)

    def __post_init__(self) -> None:
        bounds = _DEFAULT_BOUNDS.get(self.kind, (None, None))
        if self.minimum is None and bounds[0] is not None:
            object.__setattr__(self, "minimum", bounds[0])
        if self.maximum is None and bounds[1] is not None:
            object.__setattr__(self, "maximum", bounds[1])
        if self.kind == Kind.BOOL and self.default is None:
            object.__setattr__(self, "default", False)

    # --- names -------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return _(self.label)

    def sheet_key(self) -> str:
        return self.column or self.key

    @property
    def is_link(self) -> bool:
        """A link to other records: checked by its service (does it exist?), not here."""
        return self.kind in (Kind.REF, Kind.REFS)

    # --- reading and checking ----------------------------------------------------------------

    def fail(self, problem: str, said: str | None = None) -> FieldError:
        return FieldError(self, problem, said)

    def parse(self, raw):
        """The typed value of what a door gave (text, a cell, a value); None when blank."""
        try:
            value = _PARSERS[self.kind](self, raw)
        except parsing.ParseError as exc:
            raise self.fail(_(self.unreadable) if self.unreadable else exc.message) from None
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

    def format(self, value, lang: str | None = None) -> str:
        """A stored value as people read it: "$ 1.500.000", "25/11/2026", "Cumplido";
        `lang`: the language of a document (default: the program's)."""
        if value is None or value == "":
            return ""
        show = _FORMATS.get(self.kind)
        return show(self, value, lang) if show else str(value)

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


def _as_given(f: Field, raw):
    """A moment is stamped by the program, never typed: nothing to read."""
    return raw


_PARSERS = {
    Kind.TEXT: _parse_text,
    Kind.LONG: _parse_text,
    Kind.QUANTITY: lambda f, raw: parsing.parse_number(raw),
    Kind.MONEY: lambda f, raw: parsing.parse_number(raw),
    Kind.WHOLE: lambda f, raw: parsing.parse_whole(raw),
    Kind.DATE: lambda f, raw: parsing.parse_date(raw),
    Kind.TIME: lambda f, raw: parsing.parse_time(raw),
    Kind.MOMENT: _as_given,
    Kind.BOOL: lambda f, raw: parsing.parse_bool(raw),
    Kind.CHOICE: _parse_choice,
    Kind.REF: _parse_ref,
    Kind.REFS: _parse_ref,
    Kind.FIGURE: lambda f, raw: parsing.parse_number(raw),
    Kind.COUNT: lambda f, raw: parsing.parse_whole(raw),
    Kind.YEAR: lambda f, raw: parsing.parse_whole(raw),
    Kind.PERIOD: _parse_text,
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


def _check_figure(f: Field, value: float):
    if not math.isfinite(value):
        raise f.fail(_("debe ser un número."))
    low, high = f.minimum, f.maximum
    too_low = low is not None and (value <= low if f.positive else value < low)
    if too_low or (high is not None and value > high):
        refusal = _figure_bounds(f, low, high)
        raise f.fail(refusal, said=refusal)
    return float(value) if f.kind == Kind.FIGURE else int(value)


def _figure_bounds(f: Field, low, high) -> str:
    label = f.name
    if f.positive and low == 0:
        return _("{label}: debe ser mayor que cero.").format(label=label)
    if low == 0 and high is not None and high >= MAX_FIGURE:
        return _("{label}: no puede ser negativo.").format(label=label)
    return _("{label}: debe estar entre {low} y {high}.").format(
        label=label, low=format_number(low), high=format_number(high)
    )


def _check_choice(f: Field, value: str) -> str:
    if f.choices is not None and value not in f.choices:
        raise f.fail(_(FROM_THE_LIST))
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
    Kind.FIGURE: _check_figure,
    Kind.COUNT: _check_figure,
    Kind.YEAR: _check_figure,
}
_DEFAULT_BOUNDS = {
    Kind.QUANTITY: (0, MAX_QUANTITY),
    Kind.MONEY: (0, MAX_COP),
    Kind.DATE: (FIRST_DATE, LAST_DATE),
    Kind.YEAR: (FIRST_YEAR, LAST_YEAR),
}


def _format_choice(f: Field, value, lang: str | None) -> str:
    if f.choices and value in f.choices:
        return translate(f.choices[value], lang)
    return str(value)


def _format_figure(f: Field, value, lang: str | None) -> str:
    return format_number(value, 2)


def _format_time(f: Field, value, lang: str | None) -> str:
    return value.strftime("%H:%M") if isinstance(value, dt.time) else str(value)


def _format_date(f: Field, value, lang: str | None) -> str:
    return format_date(value) if isinstance(value, dt.date) else str(value)


_FORMATS = {
    Kind.MONEY: lambda f, value, lang: format_cop(value),
    Kind.QUANTITY: lambda f, value, lang: format_quantity(value),
    Kind.FIGURE: _format_figure,
    Kind.COUNT: _format_figure,
    Kind.DATE: _format_date,
    Kind.TIME: _format_time,
    Kind.MOMENT: lambda f, value, lang: format_moment(value),
    Kind.BOOL: lambda f, value, lang: translate(N_("Sí") if value else N_("No"), lang),
    Kind.CHOICE: _format_choice,
}


def link(key: str, label: str, table: str, hxl: str | None = None, **more) -> Field:
    """A reference to a record of `table`, written in sheets by its name in a column named after
    the table ("partner": the partner's name) and named in the history."""
    return Field(key, label, Kind.REF, table, column=table, hxl=hxl, **more)


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
        """The fields checked with the record (`check`'s default): `info` ones are left out."""
        return [f.key for f in self.fields if not f.info]

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
        return {f.key: f.max_len for f in self.fields if f.max_len is not None and not f.info}
