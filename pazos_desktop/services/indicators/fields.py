"""Every field of the indicator records, declared once: label, type, bounds, parser, formatter,
spreadsheet column and HXL tag.

The services validate with these declarations (`check_fields`), the spreadsheets take their
columns from them (`excel/indicator_sheets.py`) and the importers parse cells with them, so an
indicator sheet, a value or a population follows the same rules whichever door it comes
through. Shaped like the common field declarations of issue 11, to move onto them at merge.

Parsing text goes through the program's one parser per value type (`pazos_desktop.parsing`),
as for every other record.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from pazos_desktop import parsing
from pazos_desktop.domain.formats import format_date, format_number
from pazos_desktop.domain.indicators import (
    AGGREGATION_LABELS,
    DIRECTION_LABELS,
    LEVEL_LABELS,
    PERIODICITY_LABELS,
    SEX_LABELS,
)
from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import N_, _, translate
from pazos_desktop.parsing import ParseError
from pazos_desktop.services.common import Checker

# Kinds: how a value is parsed, checked, formatted and written in a spreadsheet.
ID, TEXT, WRAP, NUMBER, INT, YEAR, DATE, CHOICE, BOOL, REF, REFS, PERIOD, VERSION = (
    "id",
    "text",
    "wrap",
    "number",
    "int",
    "year",
    "date",
    "choice",
    "bool",
    "ref",
    "refs",
    "period",
    "version",
)
MAX_NUMBER = 1e12  # far above any count or rate; bounds every number before SQLite sees it
REFS_SEPARATOR = "; "


@dataclass(frozen=True)
class FieldSpec:
    key: str  # the service's field name; also the spreadsheet column's key
    label: str  # Spanish source (N_), translated when shown
    kind: str = TEXT
    hxl: str = ""
    width: float = 14
    required: bool = False
    max_len: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    positive: bool = False  # strictly above `minimum`
    choices: dict | None = None  # stored value -> label (N_)
    info: bool = False  # written in files for reading, ignored on import

    def header(self, lang: str) -> str:
        return translate(self.label, lang)


def _version() -> FieldSpec:
    return FieldSpec("version", N_("Versión"), VERSION, "#x_version", 8)


INDICATOR_FIELDS = (
    FieldSpec("id", N_("ID"), ID, "#indicator+id", 7),
    FieldSpec("code", N_("Código"), TEXT, "#indicator+code", 12, required=True, max_len=30),
    FieldSpec("name", N_("Nombre"), TEXT, "#indicator+name", 36, required=True, max_len=300),
    FieldSpec("definition", N_("Definición"), WRAP, "#description", 40, max_len=4000),
    FieldSpec("level", N_("Nivel"), CHOICE, "#indicator+level", 14, True, choices=LEVEL_LABELS),
    FieldSpec(
        "numerator_description",
        N_("Numerador"),
        WRAP,
        "#indicator+num+description",
        30,
        max_len=2000,
    ),
    FieldSpec(
        "denominator_description",
        N_("Denominador"),
        WRAP,
        "#indicator+denom+description",
        30,
        max_len=2000,
    ),
    FieldSpec("unit", N_("Unidad"), TEXT, "#indicator+unit", 16, max_len=100),
    FieldSpec("source", N_("Fuente"), TEXT, "#meta+source", 24, max_len=300),
    FieldSpec(
        "periodicity",
        N_("Periodicidad"),
        CHOICE,
        "#indicator+periodicity",
        12,
        True,
        choices=PERIODICITY_LABELS,
    ),
    FieldSpec(
        "aggregation",
        N_("Regla de agregación"),
        CHOICE,
        "#indicator+aggregation",
        22,
        True,
        choices=AGGREGATION_LABELS,
    ),
    FieldSpec(
        "scale",
        N_("Multiplicador"),
        NUMBER,
        "#indicator+scale",
        12,
        minimum=0,
        maximum=1e9,
        positive=True,
    ),
    FieldSpec(
        "population_denominator",
        N_("Denominador: población"),
        BOOL,
        "#indicator+denom+population",
        12,
    ),
    FieldSpec(
        "direction",
        N_("Sentido"),
        CHOICE,
        "#indicator+direction",
        16,
        True,
        choices=DIRECTION_LABELS,
    ),
    FieldSpec("by_sex", N_("Por sexo"), BOOL, "#indicator+sex", 9),
    FieldSpec("age_bands", N_("Franjas de edad"), TEXT, "#indicator+age", 18, max_len=300),
    FieldSpec(
        "baseline_value",
        N_("Línea base"),
        NUMBER,
        "#indicator+baseline",
        11,
        minimum=-MAX_NUMBER,
        maximum=MAX_NUMBER,
    ),
    FieldSpec("baseline_year", N_("Año de la línea base"), YEAR, "#date+year+baseline", 10),
    FieldSpec(
        "target_value",
        N_("Meta"),
        NUMBER,
        "#indicator+target",
        11,
        minimum=-MAX_NUMBER,
        maximum=MAX_NUMBER,
    ),
    FieldSpec("target_year", N_("Año de la meta"), YEAR, "#date+year+target", 10),
    FieldSpec("partner_id", N_("Entidad responsable"), REF, "#org+name", 28),
    FieldSpec("component_ids", N_("Componentes"), REFS, "#sector", 24),
    FieldSpec("program_ids", N_("Programas"), REFS, "#activity+programme", 24),
    FieldSpec("commitment_ids", N_("Compromisos que contribuyen"), REFS, "#activity+id", 20),
    FieldSpec("notes", N_("Notas"), WRAP, "#description+notes", 30, max_len=4000),
    _version(),
)

VALUE_FIELDS = (
    FieldSpec("id", N_("ID"), ID, "#meta+id", 8),
    FieldSpec(
        "indicator_id", N_("Código del indicador"), REF, "#indicator+code", 14, required=True
    ),
    FieldSpec("indicator_name", N_("Indicador"), TEXT, "#indicator+name", 32, info=True),
    FieldSpec("cluster_id", N_("Territorio"), REF, "#loc", 24, required=True),
    FieldSpec("period_start", N_("Periodo"), PERIOD, "#date+period", 10, required=True),
    FieldSpec("sex", N_("Sexo"), CHOICE, "#x_sex", 10, choices=SEX_LABELS),
    FieldSpec("age_band", N_("Franja de edad"), TEXT, "#x_age", 11, max_len=30),
    FieldSpec(
        "numerator", N_("Numerador"), NUMBER, "#indicator+num", 12, minimum=0, maximum=MAX_NUMBER
    ),
    FieldSpec(
        "denominator",
        N_("Denominador"),
        NUMBER,
        "#indicator+denom",
        13,
        minimum=0,
        maximum=MAX_NUMBER,
        positive=True,
    ),
    FieldSpec(
        "value",
        N_("Valor"),
        NUMBER,
        "#indicator+value",
        11,
        minimum=-MAX_NUMBER,
        maximum=MAX_NUMBER,
    ),
    FieldSpec(
        "computed", N_("Valor calculado"), NUMBER, "#indicator+value+calculated", 11, info=True
    ),
    FieldSpec("source", N_("Fuente"), TEXT, "#meta+source", 26, max_len=300),
    FieldSpec("cut_off", N_("Fecha de corte"), DATE, "#date+reported", 12),
    FieldSpec("data_version", N_("Versión del dato"), INT, "#meta+version", 9, info=True),
    FieldSpec("is_current", N_("Vigente"), BOOL, "#meta+current", 8, info=True),
    FieldSpec("notes", N_("Notas"), WRAP, "#description", 30, max_len=4000),
    _version(),
)

POPULATION_FIELDS = (
    FieldSpec("id", N_("ID"), ID, "#meta+id", 7),
    FieldSpec("cluster_id", N_("Territorio"), REF, "#loc", 26, required=True),
    FieldSpec("year", N_("Año"), YEAR, "#date+year", 8, required=True),
    FieldSpec(
        "population",
        N_("Población"),
        INT,
        "#population",
        12,
        required=True,
        minimum=1,
        maximum=100_000_000,
    ),
    FieldSpec("source", N_("Fuente"), TEXT, "#meta+source", 30, max_len=300),
    FieldSpec("notes", N_("Notas"), WRAP, "#description", 30, max_len=4000),
    _version(),
)

YEAR_BOUNDS = (1900, 2200)


def field(specs: tuple[FieldSpec, ...], key: str) -> FieldSpec:
    return next(s for s in specs if s.key == key)


# --- parsing: the two call sites of the common parsers ------------------------------------------


def parse_number(raw) -> float | None:
    """A number from a cell or a text field, by the program's one number parser ("1.500" is
    1500, "1.500,5" 1500.5, ambiguous text refused with an example)."""
    return parsing.parse_number(raw)


def parse_date(raw) -> dt.date | None:
    """A date from a cell or text (dd/mm/aaaa, ISO, Excel serial), by the one date parser."""
    return parsing.parse_date(raw)


def parse_choice(spec: FieldSpec, raw) -> str | None:
    """The stored value of a choice, from itself or its label in Spanish or English."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    key = fold(str(raw))
    for stored, label in (spec.choices or {}).items():
        if key in {fold(stored), fold(label), fold(translate(label, "en"))}:
            return str(stored)
    raise ParseError(_("elija uno de la lista."))


# --- checking ----------------------------------------------------------------------------------


def check_fields(specs: tuple[FieldSpec, ...], raw: dict, c: Checker) -> dict:
    """The declared rules of every field present in `raw`; cleaned values by key."""
    out = {}
    for spec in specs:
        if spec.key in raw and not spec.info and spec.kind not in (ID, VERSION, REF, REFS):
            out[spec.key] = check_field(spec, raw[spec.key], c)
    return out


def check_field(spec: FieldSpec, value, c: Checker):
    label = _(spec.label)
    if spec.kind in (TEXT, WRAP):
        return c.text(spec.key, value, spec.label, required=spec.required, max_len=spec.max_len)
    if spec.kind == BOOL:
        return bool(value)
    try:
        parsed = _parse(spec, value)
    except ParseError as exc:
        c.fail(spec.key, f"{label}: {exc}")
        return None
    if parsed is None:
        if spec.required:
            c.fail(spec.key, _("{label}: este campo es obligatorio.").format(label=label))
        return None
    if spec.kind in (NUMBER, INT, YEAR):
        return _bounded(spec, parsed, label, c)
    return parsed


def _parse(spec: FieldSpec, value):
    if spec.kind == CHOICE:
        return parse_choice(spec, value)
    if spec.kind == DATE:
        return parse_date(value)
    if spec.kind in (NUMBER, INT, YEAR):
        number = parse_number(value)
        if number is not None and spec.kind != NUMBER and not float(number).is_integer():
            raise ParseError(_("debe ser un número entero."))
        return number
    return value


def _bounded(spec: FieldSpec, number: float, label: str, c: Checker):
    low, high = YEAR_BOUNDS if spec.kind == YEAR else (spec.minimum, spec.maximum)
    if not math.isfinite(number):
        c.fail(spec.key, _("{label}: debe ser un número.").format(label=label))
        return None
    too_low = low is not None and (number <= low if spec.positive else number < low)
    if too_low or (high is not None and number > high):
        c.fail(spec.key, _bound_message(spec, label, low, high))
        return None
    return int(number) if spec.kind in (INT, YEAR) else float(number)


def _bound_message(spec: FieldSpec, label: str, low, high) -> str:
    if spec.positive and low == 0:
        return _("{label}: debe ser mayor que cero.").format(label=label)
    if low == 0 and high is not None and high >= MAX_NUMBER:
        return _("{label}: no puede ser negativo.").format(label=label)
    return _("{label}: debe estar entre {low} y {high}.").format(
        label=label, low=format_number(low), high=format_number(high)
    )


# --- formatting --------------------------------------------------------------------------------


def format_value(spec: FieldSpec, value, lang: str | None = None) -> str:
    """A stored value as users read it."""
    if value is None or value == "":
        return ""
    if spec.kind == CHOICE:
        label = (spec.choices or {}).get(value, value)
        return translate(label, lang) if lang else _(label)
    if spec.kind == DATE:
        return format_date(value)
    if spec.kind == BOOL:
        return translate(N_("Sí"), lang) if value else translate(N_("No"), lang)
    if spec.kind in (NUMBER, INT):
        return format_number(value, 2)
    return str(value)
