"""The indicator sheets of the full workbook, the bulk template and `export indicators`:
Indicadores (fichas), Valores de indicadores and Población, with their HXL row.

Columns come from the field declarations (`domain/records/indicator.py`), so the sheets, the
window and the import speak of the same fields; this module adds their widths and order. The workbook writer (`bulk/workbook.py`) writes them from `load_sheets`; the
bulk import reads them back (`indicators/preview.py`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.indicators import IndicatorValue
from pazos_desktop.db.models.register import Partner, Program
from pazos_desktop.domain.fields import REFS_SEPARATOR, Kind, Record
from pazos_desktop.domain.indicators import SEX_LABELS, period_label
from pazos_desktop.domain.records import INDICATOR, INDICATOR_VALUE, POPULATION
from pazos_desktop.domain.text import fold
from pazos_desktop.excel.bulk.format import (
    BOOL,
    DATE,
    ID,
    NUMBER,
    TEXT,
    VERSION,
    WRAP,
    Column,
    SheetSpec,
)
from pazos_desktop.i18n import N_, translate
from pazos_desktop.services import components
from pazos_desktop.services.indicators.sheets import (
    MUNICIPALITY_LABEL,
    cluster_names,
    list_indicators,
    list_populations,
    populations_by_key,
)
from pazos_desktop.services.indicators.values import ValueData, shown_value

# How a declared field's values are written (a choice as its label, a link by name: text).
KIND = {
    Kind.FIGURE: NUMBER,
    Kind.COUNT: NUMBER,
    Kind.YEAR: ID,  # "2011", never "2.011"
    Kind.DATE: DATE,
    Kind.BOOL: BOOL,
    Kind.LONG: WRAP,
}


def _spec(key: str, title: str, record: Record, hxl: str, widths: dict[str, float]) -> SheetSpec:
    """The sheet of `record`: its ID (`hxl`), the declared fields in `widths`, its version."""
    columns = [Column("id", N_("ID"), hxl, ID, widths["id"])]
    for f in (record[name] for name in widths if name not in ("id", "version")):
        kind = KIND.get(f.kind, TEXT)
        columns.append(Column(f.key, f.label, f.hxl, kind, widths[f.key], f.required, f.info))
    columns.append(Column("version", N_("Versión"), "#x_version", VERSION, widths["version"]))
    return SheetSpec(key, title, tuple(columns))


_INDICATOR_WIDTHS = {"id": 7, "code": 12, "name": 36, "definition": 40, "level": 14}
_INDICATOR_WIDTHS |= {"numerator_description": 30, "denominator_description": 30, "unit": 16}
_INDICATOR_WIDTHS |= {"source": 24, "periodicity": 12, "aggregation": 22, "scale": 12}
_INDICATOR_WIDTHS |= {"population_denominator": 12, "direction": 16, "by_sex": 9}
_INDICATOR_WIDTHS |= {"age_bands": 18, "baseline_value": 11, "baseline_year": 10}
_INDICATOR_WIDTHS |= {"target_value": 11, "target_year": 10, "partner_id": 28}
_INDICATOR_WIDTHS |= {"component_ids": 24, "program_ids": 24, "commitment_ids": 20}
_INDICATOR_WIDTHS |= {"notes": 30, "version": 8}
_VALUE_WIDTHS = {"id": 8, "indicator_id": 14, "indicator_name": 32, "cluster_id": 24}
_VALUE_WIDTHS |= {"period_start": 10, "sex": 10, "age_band": 11, "numerator": 12}
_VALUE_WIDTHS |= {"denominator": 13, "value": 11, "computed": 11, "source": 26, "cut_off": 12}
_VALUE_WIDTHS |= {"data_version": 9, "is_current": 8, "notes": 30, "version": 8}
_POPULATION_WIDTHS = {"id": 7, "cluster_id": 26, "year": 8, "population": 12, "source": 30}
_POPULATION_WIDTHS |= {"notes": 30, "version": 8}

INDICATORS = _spec("indicators", N_("Indicadores"), INDICATOR, "#indicator+id", _INDICATOR_WIDTHS)
VALUES = _spec(
    "indicator_values", N_("Valores de indicadores"), INDICATOR_VALUE, "#meta+id", _VALUE_WIDTHS
)
POPULATIONS = _spec("populations", N_("Población"), POPULATION, "#meta+id", _POPULATION_WIDTHS)
SPECS = (INDICATORS, POPULATIONS, VALUES)  # in import order: values refer to the sheets
DECLARED = {"indicators": INDICATOR, "indicator_values": INDICATOR_VALUE, "populations": POPULATION}
KEYS = {s.key for s in SPECS}
HELP = N_(
    "Indicadores: una ficha por fila (código único). Valores: código del indicador, territorio "
    "(nombre del clúster o «Municipio (total)»), periodo («2024», «2024-T2» o «2024-05»), "
    "numerador y denominador o valor, fuente y fecha de corte; un valor corregido es una nueva "
    "versión y la anterior se conserva. Solo cifras agregadas, nunca datos de personas."
)


def spec_for_name(name: str) -> SheetSpec | None:
    key = fold(name)
    for spec in SPECS:
        if key in {fold(spec.title), fold(translate(spec.title, "en"))}:
            return spec
    return None


# --- the rows, as written ------------------------------------------------------------------------


def load_sheets(session: Session, lang: str) -> dict[str, list[dict]]:
    """Every indicator sheet, value (all versions) and population, by column key."""
    names = cluster_names(session)
    municipality = translate(MUNICIPALITY_LABEL, lang)
    sheets = _indicator_rows(session, lang)
    rules = {i.id: i for i in list_indicators(session)}
    codes = {row["id"]: (row["code"], row["name"], rules[row["id"]]) for row in sheets}
    return {
        "indicators": sheets,
        "populations": [_population_row(p, names, municipality) for p in list_populations(session)],
        "indicator_values": _value_rows(session, codes, names, municipality, lang),
    }


def _indicator_rows(session: Session, lang: str) -> list[dict]:
    partners = dict(session.execute(select(Partner.id, Partner.name)).all())
    programs = dict(session.execute(select(Program.id, Program.name)).all())
    comps = {c.id: c.name(lang) for c in components.list_components(session)}
    rows = []
    for ind in list_indicators(session):
        row = {"id": ind.id} | {f.key: getattr(ind, f.key, None) for f in INDICATOR.fields}
        row["version"] = ind.version
        for f in INDICATOR.fields:
            if f.kind == Kind.CHOICE:
                row[f.key] = f.format(row[f.key], lang)
        row["partner_id"] = partners.get(ind.partner_id)
        row["component_ids"] = _joined(comps.get(i) for i in ind.component_ids)
        row["program_ids"] = _joined(programs.get(i) for i in ind.program_ids)
        row["commitment_ids"] = _joined(str(i) for i in ind.commitment_ids)
        rows.append(row)
    return rows


def _joined(parts) -> str | None:
    return REFS_SEPARATOR.join(p for p in parts if p) or None


def _population_row(p, names: dict[int, str], municipality: str) -> dict:
    return {
        "id": p.id,
        "cluster_id": names.get(p.cluster_id) if p.cluster_id else municipality,
        "year": p.year,
        "population": p.population,
        "source": p.source,
        "notes": p.notes,
        "version": p.version,
    }


VALUE_COLUMNS = [
    "id", "indicator_id", "cluster_id", "period_start", "sex", "age_band", "numerator",
    "denominator", "value", "source", "cut_off", "data_version", "is_current", "notes", "version",
]  # fmt: skip


def _value_rows(session, codes, names, municipality: str, lang: str) -> list[dict]:
    v = IndicatorValue
    query = select(*(getattr(v, c) for c in VALUE_COLUMNS)).order_by(
        v.indicator_id, v.period_start, v.cluster_key, v.sex, v.age_band, v.data_version
    )
    sexes = {k: translate(label, lang) for k, label in SEX_LABELS.items() if k}
    people = populations_by_key(session)
    rows = []
    for record in session.execute(query):
        row = dict(zip(VALUE_COLUMNS, record, strict=True))
        code, name, ind = codes[row["indicator_id"]]
        row["computed"] = shown_value(ValueData(**_figures(row)), ind, people)
        row["indicator_id"], row["indicator_name"] = code, name
        row["cluster_id"] = names.get(row["cluster_id"]) if row["cluster_id"] else municipality
        row["period_start"] = period_label(ind.periodicity, row["period_start"])
        row["sex"] = sexes.get(row["sex"])
        row["age_band"] = row["age_band"] or None
        rows.append(row)
    return rows


def _figures(row: dict) -> dict:
    keys = ("cluster_id", "period_start", "numerator", "denominator", "value")
    return {k: row[k] for k in keys}
