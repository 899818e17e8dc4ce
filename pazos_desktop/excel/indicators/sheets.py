"""The indicator sheets of the full workbook, the bulk template and `export indicators`:
Indicadores (fichas), Valores de indicadores and Población, with their HXL row.

Columns come from the field declarations, so the sheets, the window and the import speak of
the same fields. The workbook writer (`bulk/workbook.py`) writes them from `load_sheets`; the
bulk import reads them back (`indicators/preview.py`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.indicators import IndicatorValue
from pazos_desktop.db.models.register import Partner, Program
from pazos_desktop.domain.indicators import SEX_LABELS, period_label
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
from pazos_desktop.services.indicators import fields
from pazos_desktop.services.indicators.sheets import (
    MUNICIPALITY_LABEL,
    cluster_names,
    list_indicators,
    list_populations,
    populations_by_key,
)
from pazos_desktop.services.indicators.values import ValueData, shown_value

KIND = {
    fields.ID: ID,
    fields.VERSION: VERSION,
    fields.NUMBER: NUMBER,
    fields.INT: NUMBER,
    fields.YEAR: ID,  # "2011", never "2.011"
    fields.DATE: DATE,
    fields.BOOL: BOOL,
    fields.WRAP: WRAP,
}


def _spec(key: str, title: str, declared) -> SheetSpec:
    return SheetSpec(
        key,
        title,
        tuple(
            Column(f.key, f.label, f.hxl, KIND.get(f.kind, TEXT), f.width, f.required, f.info)
            for f in declared
        ),
    )


INDICATORS = _spec("indicators", N_("Indicadores"), fields.INDICATOR_FIELDS)
VALUES = _spec("indicator_values", N_("Valores de indicadores"), fields.VALUE_FIELDS)
POPULATIONS = _spec("populations", N_("Población"), fields.POPULATION_FIELDS)
SPECS = (INDICATORS, POPULATIONS, VALUES)  # in import order: values refer to the sheets
DECLARED = {
    "indicators": fields.INDICATOR_FIELDS,
    "indicator_values": fields.VALUE_FIELDS,
    "populations": fields.POPULATION_FIELDS,
}
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
        row = {f.key: getattr(ind, f.key, None) for f in fields.INDICATOR_FIELDS}
        for f in fields.INDICATOR_FIELDS:
            if f.kind == fields.CHOICE:
                row[f.key] = fields.format_value(f, row[f.key], lang)
        row["partner_id"] = partners.get(ind.partner_id)
        row["component_ids"] = _joined(comps.get(i) for i in ind.component_ids)
        row["program_ids"] = _joined(programs.get(i) for i in ind.program_ids)
        row["commitment_ids"] = _joined(str(i) for i in ind.commitment_ids)
        rows.append(row)
    return rows


def _joined(parts) -> str | None:
    return fields.REFS_SEPARATOR.join(p for p in parts if p) or None


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
