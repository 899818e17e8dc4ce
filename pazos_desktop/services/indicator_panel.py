"""The dashboard's indicators panel: each indicator's latest year against its baseline and
target, its yearly series per territory (with the rolling 3-year rate), and the completion of
the commitments meant to move it. Gathered in three queries, handed over as plain data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ..clock import today_in
from ..i18n import N_, _
from ..indicators_domain import (
    MUNICIPALITY,
    NO_TREND,
    Figure,
    Partial,
    Trend,
    figure,
    rolling,
    trend,
)
from .indicator_figures import OUTSIDE, Linked, linked_completion, partials
from .indicators import (
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
    clusters: list[TerritorySeries]
    linked: Linked

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
    indicators = {i.id: i for i in sorted(list_indicators(session), key=reading_order)}
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
    clusters = sorted((k for k in keys if k != MUNICIPALITY), key=lambda k: names.get(k, ""))
    own = MUNICIPALITY in keys
    whole = series(ind, by_year, [MUNICIPALITY] if own else clusters)
    whole.name = _(MUNICIPALITY_LABEL) if own else _(ALL_CLUSTERS_LABEL)
    whole.whole = True
    lines = []
    for key in clusters:
        line = series(ind, by_year, [key])
        line.key, line.name = key, names.get(key, str(key))
        lines.append(line)
    return PanelRow(ind, whole, lines, linked)


def series(ind: IndicatorData, by_year: dict[int, dict[int, Partial]], keys: list[int]):
    """The yearly figures of the territories `keys` combined by the indicator's rule."""
    chosen = {
        year: {k: territories[k] for k in keys if k in territories}
        for year, territories in by_year.items()
    }
    scale = ind.scale or 1.0
    out = TerritorySeries(keys[0] if len(keys) == 1 else MUNICIPALITY, "")
    for year in sorted(chosen):
        parts = chosen[year]
        shown = figure(ind.aggregation, scale, parts.values())
        if shown.empty:
            continue
        months = min(p.months for p in parts.values())
        out.years.append(
            YearFigure(year, shown, rolling(ind.aggregation, scale, chosen, year), months)
        )
    return out
