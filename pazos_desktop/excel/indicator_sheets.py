"""The indicator sheets of the full workbook, the bulk template and `export indicators`:
Indicadores (fichas), Valores de indicadores and Población, with their HXL row.

Columns come from the field declarations (`services/indicator_fields.py`), so the sheets, the
window and the import speak of the same fields. The workbook writer calls `write_sheets`; the
bulk import reads them back with `indicator_import`.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import N_, translate
from ..indicators_domain import SEX_LABELS, period_label
from ..models import Partner, Program
from ..models_indicators import IndicatorValue
from ..services import components
from ..services import indicator_fields as fields
from ..services.indicator_values import ValueData, shown_value
from ..services.indicators import (
    MUNICIPALITY_LABEL,
    cluster_names,
    list_indicators,
    list_populations,
    populations_by_key,
)
from .bulk_format import BOOL, DATE, ID, NUMBER, TEXT, VERSION, WRAP, Column, SheetSpec

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
    from ..domain import fold

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


# --- writing -----------------------------------------------------------------------------------


def write_sheets(wb, sheets: dict[str, list[dict]], ctx, hxl: bool, log) -> None:
    """The indicator sheets present in `sheets` (the workbook writer's data.sheets)."""
    from .workbook import write_data_sheet

    for spec in SPECS:
        if spec.key in sheets:
            write_data_sheet(wb, spec, sheets[spec.key], ctx, hxl, log)
            _choices(wb.worksheets[-1], spec, ctx.lang, 3 if hxl else 2, len(sheets[spec.key]))


def write_template_sheets(wb, ctx) -> None:
    write_sheets(wb, {s.key: [] for s in SPECS}, ctx, True, None)


def _choices(ws, spec: SheetSpec, lang: str, first: int, rows: int) -> None:
    """Drop-downs for the choice columns (short lists: written inline)."""
    declared = {f.key: f for f in DECLARED[spec.key]}
    last = first + rows + 2_000
    for index, col in enumerate(spec.columns, start=1):
        f = declared[col.key]
        if f.kind != fields.CHOICE or not f.choices:
            continue
        labels = [translate(label, lang) for key, label in f.choices.items() if key]
        dv = DataValidation(type="list", formula1=f'"{",".join(labels)}"', allow_blank=True)
        letter = get_column_letter(index)
        dv.add(f"{letter}{first}:{letter}{last}")
        ws.data_validations.append(dv)


def export_indicators(session: Session, target: Path, hxl: bool = True):
    """`export indicators`: the three sheets in the bulk format (importable as they are)."""
    from .data import WorkbookData, sheet_context
    from .workbook import write_workbook

    context = sheet_context(session)
    data = WorkbookData(
        sheets=load_sheets(session, context.lang),
        context=context,
        components=[c.name(context.lang) for c in components.list_components(session)],
    )
    return write_workbook(data, target, hxl=hxl)
