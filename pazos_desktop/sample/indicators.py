"""Sample outcome indicators: homicides (municipal and per cluster since 2011), youth
homicides, lesiones personales and the Forjar Oportunidades outcomes, with populations.

Every figure is a sample shaped like the public ones (98.1 homicides per 100,000 in 2011, the
lowest rate in 17 years around 2022; Forjar: 86 % CVs, 67 % job applications, 85 % less
substance use, 3 % dropout), marked as such in its source and notes: not official figures.
Years run up to the last complete year before `today`.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.i18n import _
from pazos_desktop.services.indicators import sheets as indicators
from pazos_desktop.services.indicators import values

FIRST_YEAR = 2011
FORJAR_FROM = 2021
SAMPLE_SOURCE = "{source} (datos de ejemplo)"


def _note() -> str:
    return _("Datos de ejemplo: no son cifras oficiales.")


def _source(name: str) -> str:
    return SAMPLE_SOURCE.format(source=name)


def municipal_population(year: int) -> int:
    """294,600 inhabitants in 2011 (98.1 per 100,000 is 289 homicides), ~361,000 by 2024."""
    if year <= 2024:
        return round(294_600 + (361_000 - 294_600) * (year - FIRST_YEAR) / 13)
    return round(361_000 * 1.008 ** (year - 2024))


def homicide_rate(year: int, rng: random.Random) -> float:
    """98.1 in 2011, down to the sample's low around 2022, then level."""
    if year == FIRST_YEAR:
        return 98.1
    if year <= 2022:
        return 98.1 - (98.1 - 30.5) * ((year - FIRST_YEAR) / 11) ** 0.8 + rng.uniform(-2.5, 2.5)
    return 30.5 + rng.uniform(0.5, 5.0)


def _populations(session, rng, clusters: list[int], years: range) -> dict[int, list[int]]:
    base = [rng.randint(16_000, 26_000) for _c in clusters]
    by_cluster: dict[int, list[int]] = {}
    for year in years:
        municipal = municipal_population(year)
        _population(session, None, year, municipal)
        for cluster_id, first in zip(clusters, base, strict=True):
            people = round(first * 1.01 ** (year - FIRST_YEAR))
            by_cluster.setdefault(cluster_id, []).append(people)
            _population(session, cluster_id, year, people)
    return by_cluster


def _population(session, cluster_id: int | None, year: int, people: int) -> None:
    indicators.save_population(
        session,
        indicators.PopulationData(
            cluster_id=cluster_id,
            year=year,
            population=people,
            source=_source("DANE, proyecciones de población"),
            notes=_note(),
        ),
    )


def _sheet(session, made: dict, **fields) -> indicators.IndicatorData:
    data = indicators.IndicatorData(notes=_note(), **fields)
    return indicators.save_indicator(session, data)


def _record(session, ind, cluster_id, year, **figures) -> None:
    figures.setdefault("source", _source(ind.source or ""))
    values.record_value(
        session,
        values.ValueData(
            indicator_id=ind.id,
            cluster_id=cluster_id,
            period_start=dt.date(year, 1, 1),
            cut_off=min(dt.date(year + 1, 3, 31), today_in(session)),
            notes=_note(),
            **figures,
        ),
    )


def _linked(made: dict, limit: int, component=None, program=None) -> list[int]:
    chosen = [
        c.id
        for c in made["commitments"]
        if (component is None or c.component_id == component)
        and (program is None or c.program_id == program)
    ]
    return chosen[:limit]


def _split(total: int, weights: list[float]) -> list[int]:
    """`total` split by `weights` into whole numbers that add up exactly (largest remainder)."""
    raw = [total * w / sum(weights) for w in weights]
    parts = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True):
        if sum(parts) == total:
            break
        parts[i] += 1
    return parts


def _homicides(session, rng, made, years, people) -> tuple[int, int]:
    partners = {p.acronym: p.id for p in made["partners"]}
    ind = _sheet(
        session,
        made,
        code="HOM-01",
        name=_("Tasa de homicidios"),
        definition=_("Homicidios ocurridos en el territorio por cada 100.000 habitantes."),
        level="impact",
        numerator_description=_("Homicidios del periodo"),
        denominator_description=_("Población del territorio (proyección DANE)"),
        unit=_("por 100.000 habitantes"),
        source=_("Medicina Legal y Policía Nacional"),
        periodicity="yearly",
        aggregation="ratio",
        scale=100_000,
        population_denominator=True,
        direction="lower",
        baseline_value=98.1,
        baseline_year=FIRST_YEAR,
        target_value=25.0,
        target_year=years[-1] + 3,
        partner_id=partners.get("SSC"),
        component_ids=[1, 3],
        program_ids=[made["programs"]["gestores"]],
        commitment_ids=_linked(made, 12, component=1),
    )
    # 2011 as first published (a rate without counts from another source), then corrected.
    _record(session, ind, None, FIRST_YEAR, value=107.0, source=_source("Fuente alternativa"))
    rows = 1
    weights = [rng.uniform(0.6, 1.4) for _c in people]
    for year in years:
        total = round(homicide_rate(year, rng) * municipal_population(year) / 100_000)
        _record(session, ind, None, year, numerator=total)
        in_clusters = _split(round(total * rng.uniform(0.5, 0.6)), weights)
        for cluster_id, n in zip(people, in_clusters, strict=True):
            _record(session, ind, cluster_id, year, numerator=n)
        rows += 1 + len(people)
    return ind.id, rows


def _youth(session, rng, made, years) -> tuple[int, int]:
    ind = _sheet(
        session,
        made,
        code="HOM-02",
        name=_("Homicidios de jóvenes de 14 a 28 años"),
        definition=_("Víctimas de homicidio entre 14 y 28 años de edad."),
        level="impact",
        unit=_("víctimas"),
        source=_("Medicina Legal"),
        periodicity="yearly",
        aggregation="sum",
        direction="lower",
        by_sex=True,
        age_bands="14-17; 18-28",
        baseline_value=151.0,
        baseline_year=FIRST_YEAR,
        target_value=40.0,
        target_year=years[-1] + 3,
        component_ids=[1, 2],
        commitment_ids=_linked(made, 8, component=2),
    )
    rows = 0
    for year in years:
        total = round(homicide_rate(year, rng) * municipal_population(year) / 100_000 * 0.52)
        women = _split(total, [0.08, 0.92])[0]
        minors = _split(total, [0.22, 0.78])[0]
        for figures in (
            {"value": total},
            {"value": women, "sex": "F"},
            {"value": total - women, "sex": "M"},
            {"value": minors, "age_band": "14-17"},
            {"value": total - minors, "age_band": "18-28"},
        ):
            _record(session, ind, None, year, **figures)
            rows += 1
    return ind.id, rows


def _injuries(session, rng, made, years, people) -> tuple[int, int]:
    ind = _sheet(
        session,
        made,
        code="LES-01",
        name=_("Tasa de lesiones personales"),
        definition=_("Denuncias de lesiones personales por cada 100.000 habitantes."),
        level="impact",
        numerator_description=_("Casos de lesiones personales denunciados"),
        denominator_description=_("Población del territorio"),
        unit=_("por 100.000 habitantes"),
        source=_("Policía Nacional (SIEDCO)"),
        periodicity="yearly",
        aggregation="ratio",
        scale=100_000,
        population_denominator=True,
        direction="lower",
        baseline_value=310.0,
        baseline_year=2015,
        target_value=220.0,
        target_year=years[-1] + 3,
        component_ids=[3, 5],
        commitment_ids=_linked(made, 8, component=5),
    )
    rows = 0
    for year in (y for y in years if y >= 2015):
        rate = 310 - 6 * (year - 2015) + rng.uniform(-15, 15)
        total = round(rate * municipal_population(year) / 100_000)
        _record(session, ind, None, year, numerator=total)
        shares = _split(round(total * 0.55), [rng.uniform(0.7, 1.3) for _c in people])
        for cluster_id, n in zip(people, shares, strict=True):
            _record(session, ind, cluster_id, year, numerator=n)
        rows += 1 + len(people)
    return ind.id, rows


FORJAR = [
    # code, name, numerator, denominator, last year's counts, earlier share, direction
    ("FO-01", "Participantes de Forjar Oportunidades con hoja de vida elaborada",
     "Participantes con hoja de vida", "Participantes", (430, 500), 0.70, "higher"),
    ("FO-02", "Participantes de Forjar Oportunidades que se postularon a un empleo",
     "Participantes que se postularon", "Participantes", (335, 500), 0.55, "higher"),
    ("FO-03", "Consumidores de sustancias psicoactivas que redujeron la frecuencia de consumo",
     "Participantes consumidores que consumen con menos frecuencia",
     "Participantes consumidores", (102, 120), 0.70, "higher"),
    ("FO-04", "Deserción de Forjar Oportunidades",
     "Participantes que abandonaron el programa", "Participantes", (15, 500), 0.06, "lower"),
]  # fmt: skip


def _forjar(session, rng, made, years, clusters) -> tuple[list[int], int]:
    sidoc = next(p.id for p in made["partners"] if p.acronym == "SIDOC")
    forjar = made["programs"]["forjar"]
    linked = _linked(made, 10, program=forjar)
    weights = [rng.uniform(0.7, 1.3) for _c in clusters]
    ids, rows = [], 0
    for code, name, num_text, den_text, (num, den), early, direction in FORJAR:
        ind = _sheet(
            session,
            made,
            code=code,
            name=_(name),
            level="outcome",
            numerator_description=_(num_text),
            denominator_description=_(den_text),
            unit="%",
            source=_("Fundación SIDOC, reporte agregado del programa"),
            periodicity="yearly",
            aggregation="ratio",
            scale=100,
            direction=direction,
            baseline_value=round(100 * early),
            baseline_year=FORJAR_FROM,
            target_value=round(100 * num / den) + (2 if direction == "higher" else -1),
            target_year=years[-1] + 2,
            partner_id=sidoc,
            component_ids=[2],
            program_ids=[forjar],
            commitment_ids=linked,
        )
        ids.append(ind.id)
        first = max(FORJAR_FROM, years[0])
        for year in range(first, years[-1] + 1):
            step = (year - first) / max(1, years[-1] - first)
            share = early + (num / den - early) * step
            total_den = den if year == years[-1] else round(den * (0.6 + 0.4 * step))
            total_num = num if year == years[-1] else round(total_den * share)
            dens = _split(total_den, weights)
            for cluster_id, part_num, part_den in zip(
                clusters, _split(total_num, dens), dens, strict=True
            ):
                _record(session, ind, cluster_id, year, numerator=part_num, denominator=part_den)
                rows += 1
    return ids, rows


def populate(session: Session, today: dt.date, rng: random.Random, made: dict) -> dict[str, int]:
    years = range(FIRST_YEAR, today.year)
    clusters = list(made["clusters"])
    people = _populations(session, rng, clusters, years)
    hom, n1 = _homicides(session, rng, made, years, people)
    _youth_id, n2 = _youth(session, rng, made, years)
    _injuries_id, n3 = _injuries(session, rng, made, years, people)
    forjar, n4 = _forjar(session, rng, made, years, clusters)
    made.update(indicators=[hom, _youth_id, _injuries_id, *forjar])
    return {
        _("indicadores"): 3 + len(forjar),
        _("valores de indicadores"): n1 + n2 + n3 + n4,
        _("poblaciones"): len(years) * (1 + len(clusters)),
    }
