"""The dashboard's indicators panel: each indicator's latest year against its baseline and
target, its yearly series per territory (with the rolling 3-year rate), and the completion of
the commitments meant to move it. Gathered in three queries, handed over as plain data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.domain.indicators import (
    MUNICIPALITY,
    NO_TREND,
    Aggregation,
    Figure,
    Partial,
    Trend,
    figure,
    merged,
    rolling,
    trend,
)
from pazos_desktop.i18n import N_, _
from pazos_desktop.services.indicators.figures import OUTSIDE, Linked, linked_completion, partials
from pazos_desktop.services.indicators.sheets import (
    MUNICIPALITY_LABEL,
    IndicatorData,
    cluster_names,
    list_indicators,
    reading_order,
)

ALL_CLUSTERS_LABEL = N_("Clústeres (todos)")


@dataclass
class YearFigure:
    year: int
    figure: Figure
    rolling: Figure | None  # the 3 years ending in this one (ratios only)
    months: int  # months of the year with values (12 = complete)


@dataclass
class TerritorySeries:
    key: int  # 0: the municipality (or all clusters, for the whole)
    name: str
    years: list[YearFigure] = field(default_factory=list)
    whole: bool = False  # the line for the whole territory

    def year(self, year: int) -> YearFigure | None:
        return next((y for y in self.years if y.year == year), None)


@dataclass
class PanelRow:
    indicator: IndicatorData
    whole: TerritorySeries  # the municipality's values, or every cluster's combined
    linked: Linked
    by_year: dict[int, dict[int, Partial]] = field(default_factory=dict, repr=False)
    names: dict[int, str] = field(default_factory=dict, repr=False)

    @cached_property
    def clusters(self) -> list[TerritorySeries]:
        """One series per cluster, built when first asked for (the chart of the indicator
        chosen): the table needs only the whole territory's."""
        names = self.names
        keys = {k for territories in self.by_year.values() for k in territories} - {MUNICIPALITY}
        lines = []
        for key in sorted(keys, key=lambda k: names.get(k, "")):
            line = series(self.indicator, self.by_year, [key])
            line.key, line.name = key, names.get(key, str(key))
            lines.append(line)
        return lines

    @property
    def latest(self) -> YearFigure | None:
        return self.whole.years[-1] if self.whole.years else None

    @property
    def previous(self) -> YearFigure | None:
        return self.whole.years[-2] if len(self.whole.years) > 1 else None

    @property
    def trend(self) -> Trend:
        if self.latest is None or self.previous is None:
            return NO_TREND
        return trend(self.previous.figure.value, self.latest.figure.value, self.indicator.direction)


@dataclass
class PanelData:
    on: dt.date
    rows: list[PanelRow]

    def row(self, indicator_id: int) -> PanelRow | None:
        return next((r for r in self.rows if r.indicator.id == indicator_id), None)


def load_panel(session: Session) -> PanelData:
    on = today_in(session)
    indicators = {
        i.id: i for i in sorted(list_indicators(session, counts=False), key=reading_order)
    }
    by_indicator = partials(session, indicators).get(OUTSIDE, {})
    names = cluster_names(session)
    linked = linked_completion(session, on)
    rows = [
        panel_row(ind, by_indicator.get(ind.id, {}), names, linked.get(ind.id, Linked()))
        for ind in indicators.values()
    ]
    return PanelData(on, rows)


def panel_row(
    ind: IndicatorData, by_year: dict[int, dict[int, Partial]], names: dict[int, str], linked
) -> PanelRow:
    keys = {k for territories in by_year.values() for k in territories}
    own = MUNICIPALITY in keys
    whole = series(ind, by_year, [MUNICIPALITY] if own else sorted(keys - {MUNICIPALITY}))
    whole.name = _(MUNICIPALITY_LABEL) if own else _(ALL_CLUSTERS_LABEL)
    whole.whole = True
    return PanelRow(ind, whole, linked, by_year, names)


def series(ind: IndicatorData, by_year: dict[int, dict[int, Partial]], keys: list[int]):
    """The yearly figures of the territories `keys` combined by the indicator's rule."""
    rule, scale = ind.aggregation, ind.scale or 1.0
    out = TerritorySeries(keys[0] if len(keys) == 1 else MUNICIPALITY, "")
    totals: dict[int, Partial] = {}
    for year in sorted(by_year):
        territories = by_year[year]
        parts = [territories[k] for k in keys if k in territories]
        if not parts:
            continue
        total = merged(parts)
        # Territories add up like periods, except "latest" (each one's latest, summed).
        shown = figure(rule, scale, parts if rule == Aggregation.LATEST else [total])
        if shown.empty:
            continue
        totals[year] = total
        months = min(p.months for p in parts)
        out.years.append(YearFigure(year, shown, rolling(rule, scale, totals, year), months))
    return out
