"""Indicator sheets (fichas) and the population per territory and year.

A sheet says what is measured and how its values combine (`domain/indicators.py`); its fields
and their rules are declared in `domain/records/indicator.py`. Values live in `values.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from pazos_desktop.db.models.indicators import (
    Indicator,
    IndicatorValue,
    Population,
    indicator_commitment,
    indicator_component,
    indicator_program,
)
from pazos_desktop.db.models.register import Cluster, Commitment, Component, Partner, Program
from pazos_desktop.domain.fields import Kind
from pazos_desktop.domain.indicators import (
    Aggregation,
    Direction,
    Level,
    Periodicity,
    parse_age_bands,
)
from pazos_desktop.domain.records import INDICATOR, POPULATION
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import N_, _, ngettext
from pazos_desktop.services.common import (
    Checker,
    create_or_update,
    get_or_fail,
)

MUNICIPALITY_LABEL = N_("Municipio (total)")

# The sheet's own columns (links to components, programs and commitments apart).
SCALAR_FIELDS = [f.key for f in INDICATOR.fields if f.kind != Kind.REFS]
# Fixed once values exist: the values were recorded by these rules.
LOCKED_WITH_VALUES = ("periodicity", "aggregation", "population_denominator")


@dataclass
class IndicatorData:
    code: str = ""
    name: str = ""
    level: str = Level.OUTCOME.value
    periodicity: str = Periodicity.YEARLY.value
    aggregation: str = Aggregation.SUM.value
    direction: str = Direction.HIGHER.value
    definition: str | None = None
    numerator_description: str | None = None
    denominator_description: str | None = None
    unit: str | None = None
    source: str | None = None
    scale: float | None = 1.0
    population_denominator: bool = False
    by_sex: bool = False
    age_bands: str | None = None
    baseline_value: float | None = None
    baseline_year: int | None = None
    target_value: float | None = None
    target_year: int | None = None
    partner_id: int | None = None
    notes: str | None = None
    component_ids: list[int] = field(default_factory=list)
    program_ids: list[int] = field(default_factory=list)
    commitment_ids: list[int] = field(default_factory=list)
    id: int | None = None
    version: int | None = None
    # Read-only, for lists:
    partner_name: str | None = None
    values: int = 0

    @property
    def bands(self) -> list[str]:
        return parse_age_bands(self.age_bands)

    @property
    def is_ratio(self) -> bool:
        return self.aggregation == Aggregation.RATIO


LEVEL_ORDER = [level.value for level in Level]


def reading_order(ind: IndicatorData) -> tuple:
    """Impact first, then outcome, output and coordination; by code within each level."""
    rank = LEVEL_ORDER.index(ind.level) if ind.level in LEVEL_ORDER else len(LEVEL_ORDER)
    return rank, fold(ind.code)


def _data(ind: Indicator, partner_name=None, values: int = 0, links=False) -> IndicatorData:
    """`links`: the caller fills the link lists (lists of many sheets are read in bulk)."""
    return IndicatorData(
        **{f: getattr(ind, f) for f in SCALAR_FIELDS},
        component_ids=[] if links else sorted(c.id for c in ind.components),
        program_ids=[] if links else sorted(p.id for p in ind.programs),
        commitment_ids=[] if links else sorted(c.id for c in ind.commitments),
        id=ind.id,
        version=ind.version,
        partner_name=partner_name,
        values=values,
    )


def list_indicators(session: Session, counts: bool = True) -> list[IndicatorData]:
    """Every sheet by code, with its responsible partner's name and (when `counts`) its number
    of current values."""
    values: dict[int, int] = {}
    if counts:
        query = (
            select(IndicatorValue.indicator_id, func.count())
            .where(IndicatorValue.is_current == true())
            .group_by(IndicatorValue.indicator_id)
        )
        values = dict(session.execute(query).all())
    query = (
        select(Indicator, Partner.name)
        .outerjoin(Partner, Partner.id == Indicator.partner_id)
        .order_by(Indicator.code_key)
    )
    rows = session.execute(query).all()
    links = _links(session)
    return [
        replace(
            _data(ind, name, values.get(ind.id, 0), links=True),
            **{key: found.get(ind.id, []) for key, found in links.items()},
        )
        for ind, name in rows
    ]


def _links(session: Session) -> dict[str, dict[int, list[int]]]:
    """The three link lists of every sheet, ids only, in three plain queries."""
    out: dict[str, dict[int, list[int]]] = {}
    for key, table, other in (
        ("component_ids", indicator_component, "component_id"),
        ("program_ids", indicator_program, "program_id"),
        ("commitment_ids", indicator_commitment, "commitment_id"),
    ):
        found: dict[int, list[int]] = {}
        query = select(table.c.indicator_id, table.c[other]).order_by(table.c[other])
        for ind, other_id in session.execute(query):
            found.setdefault(ind, []).append(other_id)
        out[key] = found
    return out


def get_indicator(session: Session, indicator_id: int) -> IndicatorData:
    ind = get_or_fail(session, Indicator, indicator_id, _("El indicador"))
    return _data(ind, _partner_name(session, ind.partner_id))


RULES_CACHE = "pazos_indicator_rules"


def sheet_rules(session: Session, indicator_id: int) -> IndicatorData:
    """The sheet's own fields without its links: what its values are checked against. Kept
    for the rest of the action (many values of one indicator are recorded in a row); saving
    the sheet forgets it."""
    cache = session.info.setdefault(RULES_CACHE, {})
    if indicator_id not in cache:
        ind = get_or_fail(session, Indicator, indicator_id, _("El indicador"))
        cache[indicator_id] = IndicatorData(
            **{f: getattr(ind, f) for f in SCALAR_FIELDS}, id=ind.id
        )
    return cache[indicator_id]


def _forget_rules(session: Session, indicator_id: int | None) -> None:
    session.info.get(RULES_CACHE, {}).pop(indicator_id, None)


def cluster_name(session: Session, cluster_id: int) -> str | None:
    """A cluster's name (None when it does not exist), remembered for the rest of the action."""
    cache = session.info.setdefault("pazos_cluster_names", {})
    if cluster_id not in cache:
        cluster = session.get(Cluster, cluster_id)
        if cluster is None:
            return None
        cache[cluster_id] = cluster.name
    return cache[cluster_id]


def _partner_name(session: Session, partner_id: int | None) -> str | None:
    return session.get(Partner, partner_id).name if partner_id else None


def validate_indicator(session: Session, data: IndicatorData) -> dict:
    """The sheet's rules: its declared fields, then what ties them together."""
    c = Checker()
    values = c.given(INDICATOR, {f: getattr(data, f) for f in SCALAR_FIELDS})
    values["partner_id"] = data.partner_id
    if values.get("scale") is None and "scale" not in c.errors:
        values["scale"] = 1.0
    if values["code"] and _code_taken(session, values["code"], data.id):
        c.fail("code", _("Código: ya existe un indicador «{code}».").format(code=values["code"]))
    if values["population_denominator"] and values["aggregation"] != Aggregation.RATIO:
        c.fail(
            "population_denominator",
            _("Denominador: población solo aplica a la regla de razón."),
        )
    if any(len(band) > 30 for band in parse_age_bands(values.get("age_bands"))):
        c.fail("age_bands", _("Franjas de edad: cada franja tiene máximo 30 caracteres."))
    _check_links(session, data, c)
    if data.id is not None:
        _check_locked(session, data.id, values, c)
    c.raise_if_any()
    return values


def _code_taken(session: Session, code: str, own_id: int | None) -> bool:
    query = select(func.count()).where(Indicator.code_key == fold(code))
    if own_id is not None:
        query = query.where(Indicator.id != own_id)
    return session.scalar(query) > 0


def _check_links(session: Session, data: IndicatorData, c: Checker) -> None:
    if data.partner_id is not None and session.get(Partner, data.partner_id) is None:
        c.fail("partner_id", _("Entidad responsable: no existe."))
    for key, model, label in (
        ("component_ids", Component, _("Componentes")),
        ("program_ids", Program, _("Programas")),
        ("commitment_ids", Commitment, _("Compromisos que contribuyen")),
    ):
        wanted = set(getattr(data, key))
        if wanted:
            found = set(session.scalars(select(model.id).where(model.id.in_(wanted))))
            if wanted - found:
                missing = ", ".join(str(i) for i in sorted(wanted - found))
                c.fail(key, _("{label}: no existen ({ids}).").format(label=label, ids=missing))


def _check_locked(session: Session, indicator_id: int, values: dict, c: Checker) -> None:
    current = session.get(Indicator, indicator_id)
    if current is None:
        return
    changed = [f for f in LOCKED_WITH_VALUES if values.get(f) != getattr(current, f)]
    if not changed:
        return
    used = session.scalar(select(func.count()).where(IndicatorValue.indicator_id == indicator_id))
    if used:
        for f in changed:
            c.fail(
                f,
                ngettext(
                    "{label}: el indicador ya tiene {n} valor registrado con esta regla.",
                    "{label}: el indicador ya tiene {n} valores registrados con esta regla.",
                    used,
                ).format(label=INDICATOR[f].name, n=used),
            )


def save_indicator(session: Session, data: IndicatorData) -> IndicatorData:
    _forget_rules(session, data.id)
    values = validate_indicator(session, data)
    values["code_key"] = fold(values["code"])
    links = {
        "components": _rows(session, Component, data.component_ids),
        "programs": _rows(session, Program, data.program_ids),
        "commitments": _rows(session, Commitment, data.commitment_ids),
    }
    ind = create_or_update(session, Indicator, data, _("El indicador"), values, links=links)
    session.flush()
    return _data(ind, _partner_name(session, ind.partner_id))


def _rows(session: Session, model, ids: list[int]) -> list:
    if not ids:
        return []
    return list(session.scalars(select(model).where(model.id.in_(ids))))


def delete_indicator(session: Session, indicator_id: int) -> None:
    ind = get_or_fail(session, Indicator, indicator_id, _("El indicador"))
    _forget_rules(session, indicator_id)
    used = session.scalar(select(func.count()).where(IndicatorValue.indicator_id == indicator_id))
    if used:
        raise PazosError(
            _(
                "El indicador «{code}» tiene {n} valores y no se puede eliminar: elimine antes "
                "sus valores."
            ).format(code=ind.code, n=used)
        )
    session.delete(ind)
    session.flush()


# --- population --------------------------------------------------------------------------------


@dataclass
class PopulationData:
    cluster_id: int | None = None  # None: the whole municipality
    year: int | None = None
    population: int | None = None
    source: str | None = None
    notes: str | None = None
    id: int | None = None
    version: int | None = None
    cluster_name: str | None = None  # read-only


POPULATION_SCALARS = ["cluster_id", "year", "population", "source", "notes"]


def _population_data(p: Population, names: dict[int, str]) -> PopulationData:
    return PopulationData(
        **{f: getattr(p, f) for f in POPULATION_SCALARS},
        id=p.id,
        version=p.version,
        cluster_name=names.get(p.cluster_id) if p.cluster_id else _(MUNICIPALITY_LABEL),
    )


def cluster_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Cluster.id, Cluster.name)).all())


def list_populations(session: Session) -> list[PopulationData]:
    names = cluster_names(session)
    query = select(Population).order_by(Population.year.desc(), Population.cluster_key)
    return [_population_data(p, names) for p in session.scalars(query)]


def validate_population(session: Session, data: PopulationData) -> dict:
    c = Checker()
    raw = {f: getattr(data, f) for f in POPULATION_SCALARS}
    values = c.given(POPULATION, raw) | {"cluster_id": data.cluster_id}
    if data.cluster_id is not None and session.get(Cluster, data.cluster_id) is None:
        c.fail("cluster_id", _("Territorio: el clúster no existe."))
    key = data.cluster_id or 0
    if values.get("year") is not None and "cluster_id" not in c.errors:
        query = select(func.count()).where(
            Population.cluster_key == key, Population.year == values["year"]
        )
        if data.id is not None:
            query = query.where(Population.id != data.id)
        if session.scalar(query):
            c.fail(
                "year",
                _("Año: ya hay una población de este territorio para {year}.").format(
                    year=values["year"]
                ),
            )
    c.raise_if_any()
    return values | {"cluster_key": key}


def save_population(session: Session, data: PopulationData) -> PopulationData:
    values = validate_population(session, data)
    row = create_or_update(session, Population, data, _("La población"), values)
    session.flush()
    return _population_data(row, cluster_names(session))


def delete_population(session: Session, population_id: int) -> None:
    session.delete(get_or_fail(session, Population, population_id, _("La población")))
    session.flush()


def populations_by_key(session: Session) -> dict[tuple[int, int], int]:
    """(cluster_key, year) -> inhabitants: the denominators of rates per 100,000."""
    query = select(Population.cluster_key, Population.year, Population.population)
    return {(k, y): n for k, y, n in session.execute(query)}


def commitment_choices(session: Session) -> list[tuple[int, str]]:
    """Every commitment as (id, "12 · SIDOC · Talleres…"), for linking it to an indicator."""
    label = func.coalesce(Partner.acronym, Partner.name)
    query = (
        select(Commitment.id, label, Commitment.title)
        .join(Partner, Partner.id == Commitment.partner_id)
        .order_by(Commitment.id)
    )
    return [(cid, f"{cid} · {who} · {title}") for cid, who, title in session.execute(query)]
