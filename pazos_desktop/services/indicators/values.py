"""Indicator values: aggregates per indicator, territory and period, with every version kept.

A value's key is (indicator, territory, period, sex, age band); recording a value where one
exists is a correction: when a figure, its source or its cut-off date changes, the earlier row
stays (no longer current) and the new one takes the next `data_version`. Only the notes are
changed in place. Values are aggregates reported by partners and offices, never individual
participant records.

`check_value` holds every rule of a value; the window (`record_value`) and the bulk import
(`excel/indicators/preview.py`) both call it, and `decide` says what a new figure does to the
current one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.indicators import Indicator, IndicatorValue
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.indicators import (
    MONTHS,
    Aggregation,
    Periodicity,
    parse_period,
    period_label,
    period_of,
    ratio,
)
from pazos_desktop.domain.records import INDICATOR_VALUE
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import ConflictError, PazosError, ValidationError
from pazos_desktop.i18n import _
from pazos_desktop.services.common import Checker, check_version, get_or_fail
from pazos_desktop.services.indicators.sheets import (
    MUNICIPALITY_LABEL,
    IndicatorData,
    cluster_name,
    cluster_names,
    sheet_rules,
)

FIGURES = ("numerator", "denominator", "value", "source", "cut_off")
KEY = ("indicator_id", "cluster_id", "period_start", "sex", "age_band")
CHECKED = ("sex", "age_band", "numerator", "denominator", "value", "source", "cut_off", "notes")
MATCH_TOLERANCE = 0.01  # a published rate may differ this much (relative) from its counts


@dataclass
class ValueData:
    indicator_id: int | None = None
    cluster_id: int | None = None  # None: the whole municipality
    period_start: dt.date | str | None = None  # a date, or the period as typed ("2024-05")
    sex: str | None = ""
    age_band: str | None = ""
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    source: str | None = None
    cut_off: dt.date | None = None
    notes: str | None = None
    id: int | None = None
    version: int | None = None
    # Read-only, from the database:
    period_end: dt.date | None = None
    data_version: int = 1
    is_current: bool = True
    cluster_name: str | None = None
    period_text: str = ""


def check_value(data: ValueData, ind: IndicatorData, today: dt.date, cluster_ok=True) -> dict:
    """Every rule of one value against its indicator's sheet; the values to store.
    Raises ValidationError (a message per field)."""
    c = Checker()
    values = c.given(INDICATOR_VALUE, {f: getattr(data, f) for f in CHECKED})
    values["sex"], values["age_band"] = values.get("sex") or "", values.get("age_band") or ""
    if not cluster_ok:
        c.fail("cluster_id", _("Territorio: el clúster no existe."))
    values |= {"indicator_id": ind.id, "cluster_id": data.cluster_id}
    values |= _period(data.period_start, ind.periodicity, today, c)
    _disaggregation(values, ind, c)
    _figures(values, ind, c)
    cut_off = values.get("cut_off")
    if cut_off is not None and cut_off > today:
        c.fail("cut_off", _("Fecha de corte: no puede ser posterior a hoy."))
    elif cut_off is not None and values.get("period_start") and cut_off < values["period_start"]:
        c.fail("cut_off", _("Fecha de corte: es anterior al inicio del periodo."))
    c.raise_if_any()
    return values


def _period(raw, periodicity: str, today: dt.date, c: Checker) -> dict:
    if raw is None or raw == "":
        c.fail("period_start", _("Periodo: este campo es obligatorio."))
        return {}
    try:
        day = raw if isinstance(raw, dt.date) else parse_period(raw, periodicity)
    except ValueError as exc:
        c.fail("period_start", str(exc))
        return {}
    start, end, months = period_of(periodicity, day)
    if start != day:
        c.fail(
            "period_start",
            _("Periodo: el periodo {label} empieza el {date}.").format(
                label=period_label(periodicity, start), date=format_date(start)
            ),
        )
    if start > today:
        c.fail("period_start", _("Periodo: aún no ha empezado."))
    return {"period_start": start, "period_end": end, "months": months, "year": start.year}


def _disaggregation(values: dict, ind: IndicatorData, c: Checker) -> None:
    if values["sex"] and not ind.by_sex:
        c.fail("sex", _("Sexo: este indicador no se desagrega por sexo."))
    band = values["age_band"]
    if band:
        known = {fold(b): b for b in ind.bands}
        if fold(band) in known:
            values["age_band"] = known[fold(band)]
        elif not known:
            c.fail("age_band", _("Franja de edad: este indicador no se desagrega por edad."))
        else:
            c.fail(
                "age_band",
                _("Franja de edad: use una de las de la ficha ({bands}).").format(
                    bands="; ".join(ind.bands)
                ),
            )


def _figures(values: dict, ind: IndicatorData, c: Checker) -> None:
    num, den, value = values.get("numerator"), values.get("denominator"), values.get("value")
    if any(f in c.errors for f in ("numerator", "denominator", "value")):
        return
    if ind.aggregation != Aggregation.RATIO:
        if num is not None or den is not None:
            c.fail("numerator", _("Numerador y denominador: solo para indicadores de razón."))
        if value is None:
            c.fail("value", _("Valor: este campo es obligatorio."))
        return
    if num is None and den is None and value is None:
        c.fail("numerator", _("Indique el numerador y el denominador, o el valor."))
    elif num is None and den is not None:
        c.fail("numerator", _("Numerador: indíquelo junto con el denominador."))
    elif num is not None and den is None and not ind.population_denominator:
        c.fail("denominator", _("Denominador: indíquelo junto con el numerador."))
    elif value is not None and value < 0:
        c.fail("value", _("Valor: no puede ser negativo."))
    elif num is not None and den is not None and value is not None:
        computed = ratio(num, den, ind.scale or 1.0)
        if abs(value - computed) > MATCH_TOLERANCE * max(abs(computed), 1.0):
            c.fail(
                "value",
                _("Valor: no coincide con numerador ÷ denominador ({value}).").format(
                    value=f"{computed:.2f}".replace(".", ",")
                ),
            )


def decide(current: dict | None, values: dict) -> str:
    """What recording `values` does where `current` (a current row's fields) is: "create",
    "correct" (a new version), "notes" (changed in place) or "same"."""
    if current is None:
        return "create"
    if any(_differs(current.get(f), values.get(f)) for f in FIGURES):
        return "correct"
    return "notes" if (current.get("notes") or None) != (values.get("notes") or None) else "same"


def _differs(old, new) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        return old is None or new is None or abs(float(old) - float(new)) > 1e-9
    return (old or None) != (new or None)


# --- one value at a time (the window) ------------------------------------------------------------


def _key_query(values: dict):
    return select(IndicatorValue).where(
        IndicatorValue.indicator_id == values["indicator_id"],
        IndicatorValue.cluster_key == (values["cluster_id"] or 0),
        IndicatorValue.period_start == values["period_start"],
        IndicatorValue.sex == values["sex"],
        IndicatorValue.age_band == values["age_band"],
    )


def validate_value(session: Session, data: ValueData) -> tuple[dict, IndicatorData]:
    if data.indicator_id is None:
        raise ValidationError({"indicator_id": _("Indicador: este campo es obligatorio.")})
    ind = sheet_rules(session, data.indicator_id)
    ok = data.cluster_id is None or cluster_name(session, data.cluster_id) is not None
    return check_value(data, ind, today_in(session), ok), ind


def record_value(session: Session, data: ValueData) -> ValueData:
    """Record a value, or correct the one at its key (a new version when a figure changes)."""
    values, ind = validate_value(session, data)
    row = _target(session, data, values)
    action = decide(_fields(row) if row is not None else None, values)
    if action == "notes":
        row.notes = values.get("notes")
    elif action != "same":
        # The current row always holds the highest version (a deleted one hands it back).
        version = row.data_version + 1 if row is not None else 1
        if row is not None:
            row.is_current = False
            session.flush()  # before the new row: one current row per key at every moment
        row = IndicatorValue(**(values | _stored_key(values)), data_version=version)
        session.add(row)
    session.flush()
    return _to_data(row, _name_of(session, row.cluster_id), ind.periodicity)


def _name_of(session: Session, cluster_id: int | None) -> dict[int, str]:
    return {} if cluster_id is None else {cluster_id: cluster_name(session, cluster_id) or ""}


def _target(session: Session, data: ValueData, values: dict) -> IndicatorValue | None:
    """The current row this value corrects: the one named by id, else the one at its key."""
    if data.id is None:
        return session.scalars(_key_query(values).where(IndicatorValue.is_current)).first()
    row = get_or_fail(session, IndicatorValue, data.id, _("El valor"))
    if not row.is_current:
        raise ConflictError(
            _("Este valor ya fue corregido por una versión posterior; corrija la versión vigente.")
        )
    check_version(row, data.version, _("El valor"), values)
    if any(_differs(getattr(row, k), v) for k, v in _stored_key(values).items()):
        raise ValidationError(
            {
                "period_start": _(
                    "Un valor no cambia de indicador, territorio, periodo, sexo ni franja de "
                    "edad: registre uno nuevo."
                )
            }
        )
    return row


def _stored_key(values: dict) -> dict:
    return {"cluster_key": values["cluster_id"] or 0} | {
        k: values[k] for k in ("indicator_id", "cluster_id", "period_start", "sex", "age_band")
    }


def _fields(row: IndicatorValue) -> dict:
    return {f: getattr(row, f) for f in (*FIGURES, "notes")}


def delete_value(session: Session, value_id: int) -> None:
    """Delete the current version; the one before it (if any) becomes current again."""
    row = get_or_fail(session, IndicatorValue, value_id, _("El valor"))
    if not row.is_current:
        raise PazosError(_("Solo se puede eliminar la versión vigente de un valor."))
    key = {
        "indicator_id": row.indicator_id,
        "cluster_id": row.cluster_id,
        "period_start": row.period_start,
        "sex": row.sex,
        "age_band": row.age_band,
    }
    session.delete(row)
    session.flush()
    previous = session.scalars(
        _key_query(key).order_by(IndicatorValue.data_version.desc()).limit(1)
    ).first()
    if previous is not None:
        previous.is_current = True
        session.flush()


# --- reading --------------------------------------------------------------------------------------


def _to_data(row: IndicatorValue, names: dict[int, str], periodicity: str) -> ValueData:
    return ValueData(
        indicator_id=row.indicator_id,
        cluster_id=row.cluster_id,
        period_start=row.period_start,
        sex=row.sex,
        age_band=row.age_band,
        numerator=row.numerator,
        denominator=row.denominator,
        value=row.value,
        source=row.source,
        cut_off=row.cut_off,
        notes=row.notes,
        id=row.id,
        version=row.version,
        period_end=row.period_end,
        data_version=row.data_version,
        is_current=row.is_current,
        cluster_name=territory_name(row.cluster_id, names),
        period_text=period_label(periodicity, row.period_start),
    )


def territory_name(cluster_id: int | None, names: dict[int, str]) -> str:
    return _(MUNICIPALITY_LABEL) if cluster_id is None else names.get(cluster_id, str(cluster_id))


def list_values(
    session: Session, indicator_id: int, include_superseded: bool = True
) -> list[ValueData]:
    """An indicator's values, newest period first; earlier versions after the current one."""
    periodicity = session.scalar(select(Indicator.periodicity).where(Indicator.id == indicator_id))
    query = select(IndicatorValue).where(IndicatorValue.indicator_id == indicator_id)
    if not include_superseded:
        query = query.where(IndicatorValue.is_current)
    query = query.order_by(
        IndicatorValue.period_start.desc(),
        IndicatorValue.cluster_key,
        IndicatorValue.sex,
        IndicatorValue.age_band,
        IndicatorValue.data_version.desc(),
    )
    names = cluster_names(session)
    return [_to_data(r, names, periodicity or Periodicity.YEARLY) for r in session.scalars(query)]


def shown_value(
    data: ValueData, ind: IndicatorData, populations: dict[tuple[int, int], int]
) -> float | None:
    """The figure a value stands for: its ratio when it has counts (the population of its year
    as denominator where the sheet says so), else the value as given."""
    if ind.aggregation != Aggregation.RATIO or data.numerator is None:
        return data.value
    den = data.denominator
    if den is None and ind.population_denominator:
        people = populations.get((data.cluster_id or 0, data.period_start.year))
        months = MONTHS[Periodicity(ind.periodicity)]
        den = people * months / 12 if people else None
    return ratio(data.numerator, den, ind.scale or 1.0) if den else data.value
