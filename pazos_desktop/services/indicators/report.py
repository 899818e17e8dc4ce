"""The coordination report's indicators section: each indicator's baseline, previous and
current period, target, trend and low-count flag; impact indicators per cluster with their
rolling 3-year rate; and the completion of the commitments linked to each.

Gathered in one scan of the values (both periods and the rolling window at once) and one
query of the linked commitments; attached to `CoordinationReport.indicators`.

The report's filters apply as users expect: components choose the indicators that belong to
them, clusters choose the territory (their figures combined by the indicator's rule), and
every filter (partners included) chooses the linked commitments counted, like everywhere else
in the report: those in force during the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from pazos_desktop.domain.indicators import (
    EMPTY,
    MUNICIPALITY,
    ROLLING_YEARS,
    Figure,
    Level,
    Partial,
    Trend,
    figure,
    rolling,
    trend,
)
from pazos_desktop.i18n import N_, _
from pazos_desktop.services.indicators.figures import (
    Linked,
    headline,
    linked_completion,
    over_years,
    partials,
)
from pazos_desktop.services.indicators.sheets import (
    MUNICIPALITY_LABEL,
    IndicatorData,
    cluster_names,
    list_indicators,
    reading_order,
)

CURRENT, PREVIOUS = 1, 2
CHOSEN_CLUSTERS = N_("Clústeres elegidos")
ALL_CLUSTERS = N_("Clústeres (todos)")


@dataclass
class ClusterLine:
    cluster_id: int
    name: str
    previous: Figure
    current: Figure
    rolling: Figure | None


@dataclass
class IndicatorLine:
    indicator: IndicatorData
    territory: str  # what the figures cover
    previous: Figure
    current: Figure
    trend: Trend
    linked: Linked
    clusters: list[ClusterLine] = field(default_factory=list)  # impact indicators

    @property
    def flagged(self) -> bool:
        return self.current.low_count


@dataclass
class IndicatorSection:
    current: tuple[dt.date, dt.date]
    previous: tuple[dt.date, dt.date]
    rolling_years: tuple[int, int]
    lines: list[IndicatorLine]

    @property
    def impact(self) -> list[IndicatorLine]:
        return [line for line in self.lines if line.indicator.level == Level.IMPACT]


def gather_section(session: Session, request, on: dt.date, previous) -> IndicatorSection:
    """`request` is the report's ReportRequest; `previous` its previous period."""
    current = (request.date_from, request.date_to)
    last_year = request.date_to.year
    first_year = last_year - ROLLING_YEARS + 1
    indicators = _chosen(list_indicators(session, counts=False), request.component_ids)
    bounds = (
        min(previous[0], dt.date(first_year, 1, 1)),
        max(current[1], dt.date(last_year, 12, 31)),
    )
    parts = partials(session, indicators, [current, previous], bounds, restrict=True)
    scoped = replace(request.base_filter(), active_from=current[0], active_to=current[1])
    linked = linked_completion(session, on, scoped)
    names = cluster_names(session)
    years = range(first_year, last_year + 1)
    lines = [
        _line(ind, parts, request.cluster_ids, names, linked.get(ind.id, Linked()), years)
        for ind in indicators.values()
    ]
    return IndicatorSection(current, tuple(previous), (first_year, last_year), lines)


def _chosen(indicators: list[IndicatorData], component_ids: list[int]):
    if component_ids:
        wanted = set(component_ids)
        indicators = [i for i in indicators if wanted & set(i.component_ids)]
    return {i.id: i for i in sorted(indicators, key=reading_order)}


def _line(ind, parts, cluster_ids, names, linked, years) -> IndicatorLine:
    now = over_years(parts.get(CURRENT, {}).get(ind.id, {}))
    before = over_years(parts.get(PREVIOUS, {}).get(ind.id, {}))
    current, previous = headline(ind, now, cluster_ids), headline(ind, before, cluster_ids)
    line = IndicatorLine(
        indicator=ind,
        territory=_territory(now, before, cluster_ids),
        previous=previous,
        current=current,
        trend=trend(previous.value, current.value, ind.direction),
        linked=linked,
    )
    if ind.level == Level.IMPACT:
        by_year = _all_buckets(parts, ind.id)
        line.clusters = _clusters(ind, now, before, by_year, cluster_ids, names, years)
    return line


def _territory(now: dict, before: dict, cluster_ids: list[int]) -> str:
    if cluster_ids:
        return _(CHOSEN_CLUSTERS)
    own = any(MUNICIPALITY in t and t[MUNICIPALITY].points for t in (now, before))
    return _(MUNICIPALITY_LABEL) if own else _(ALL_CLUSTERS)


def _all_buckets(parts, indicator_id: int) -> dict[int, dict[int, Partial]]:
    """Year -> territory -> partial sums, whichever period each value fell in."""
    out: dict[int, dict[int, Partial]] = {}
    for by_indicator in parts.values():
        for year, territories in by_indicator.get(indicator_id, {}).items():
            target = out.setdefault(year, {})
            for key, part in territories.items():
                target[key] = target.get(key, Partial()).merge(part)
    return out


def _clusters(ind, now, before, by_year, cluster_ids, names, years) -> list[ClusterLine]:
    keys = {k for t in (now, before) for k in t} | {k for t in by_year.values() for k in t}
    keys.discard(MUNICIPALITY)
    if cluster_ids:
        keys &= set(cluster_ids)
    scale = ind.scale or 1.0
    out = []
    for key in sorted(keys, key=lambda k: names.get(k, "")):
        own = {y: t[key] for y, t in by_year.items() if key in t and y in years}
        out.append(
            ClusterLine(
                cluster_id=key,
                name=names.get(key, str(key)),
                previous=figure(ind.aggregation, scale, [before[key]]) if key in before else EMPTY,
                current=figure(ind.aggregation, scale, [now[key]]) if key in now else EMPTY,
                rolling=rolling(ind.aggregation, scale, own, years[-1]),
            )
        )
    return out
