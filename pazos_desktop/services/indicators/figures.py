"""Indicator figures from the database: partial sums per indicator, territory and year, in one
scan of the values' covering index, and the completion of the commitments linked to them.

The rules that turn partial sums into figures are in `domain/indicators.py`; this module only
gathers them. A period "contains" a value when the value's whole period lies inside it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, case, func, literal, literal_column, select, true
from sqlalchemy.orm import Session

from pazos_desktop.db.models.indicators import IndicatorValue, indicator_commitment
from pazos_desktop.db.models.register import Commitment
from pazos_desktop.domain.indicators import Aggregation, Partial, figure
from pazos_desktop.domain.vocabulary import Status
from pazos_desktop.services.commitments.search import CommitmentFilter, apply_filter, overdue_clause
from pazos_desktop.services.indicators.sheets import IndicatorData, populations_by_key

# bucket -> indicator -> year -> cluster_key -> partial sums
Partials = dict[int, dict[int, dict[int, dict[int, Partial]]]]
Period = tuple[dt.date, dt.date]
OUTSIDE = 0  # the bucket of values in no period asked for (but inside the bounds)


def _totals():
    """Current versions of totals (no sex or age band): what every figure is made of."""
    v = IndicatorValue
    return and_(v.is_current == true(), v.sex == "", v.age_band == "")


def _bucket(periods: list[Period]):
    v = IndicatorValue
    if not periods:
        return literal(OUTSIDE)
    whens = [
        (and_(v.period_start >= start, v.period_end <= end), index)
        for index, (start, end) in enumerate(periods, start=1)
    ]
    return case(*whens, else_=OUTSIDE)


def _scope(query, bounds: Period | None, indicator_ids: list[int] | None):
    v = IndicatorValue
    query = query.where(_totals())
    if bounds is not None:
        query = query.where(v.period_start >= bounds[0], v.period_end <= bounds[1])
    if indicator_ids is not None:
        query = query.where(v.indicator_id.in_(indicator_ids))
    return query


def sums_query(periods: list[Period], bounds: Period | None, indicator_ids=None):
    """The one GROUP BY every figure comes from (benchmarks run its SQL bare)."""
    v = IndicatorValue
    counted = and_(v.numerator.is_not(None), v.denominator.is_not(None))
    by_population = and_(v.numerator.is_not(None), v.denominator.is_(None))
    # Without periods every value is in bucket 0: a constant the GROUP BY leaves out, so the
    # scan follows the index's order and needs no sorting.
    bucket = _bucket(periods).label("bucket") if periods else literal_column("0")
    query = select(
        bucket,
        v.indicator_id,
        v.cluster_key,
        v.year,
        func.count(),
        func.count(v.value),
        func.sum(v.value),
        func.sum(case((counted, 1), else_=0)),
        func.sum(case((counted, v.numerator))),
        func.sum(case((counted, v.denominator))),
        func.sum(case((by_population, 1), else_=0)),
        func.sum(case((by_population, v.numerator))),
        func.sum(case((by_population, v.months), else_=0)),
        func.sum(v.months),
        func.max(v.period_start),
    )
    query = _scope(query, bounds, indicator_ids)
    groups = [v.indicator_id, v.cluster_key, v.year] + ([bucket] if periods else [])
    return query.group_by(*groups)


def latest_query(periods: list[Period], bounds: Period | None, indicator_ids: list[int]):
    """The value of the last period of each group, for indicators whose rule is "latest"."""
    v = IndicatorValue
    bucket = _bucket(periods).label("bucket") if periods else literal_column("0").label("bucket")
    last = _scope(
        select(
            bucket,
            v.indicator_id,
            v.cluster_key,
            v.year,
            func.max(v.period_start).label("last"),
        ),
        bounds,
        indicator_ids,
    )
    groups = [v.indicator_id, v.cluster_key, v.year] + ([bucket] if periods else [])
    last = last.group_by(*groups).subquery()
    return select(
        last.c.bucket, last.c.indicator_id, last.c.cluster_key, last.c.year, v.value
    ).join(
        v,
        and_(
            v.indicator_id == last.c.indicator_id,
            v.cluster_key == last.c.cluster_key,
            v.period_start == last.c.last,
            _totals(),
        ),
    )


def partials(
    session: Session,
    indicators: dict[int, IndicatorData],
    periods: list[Period] | None = None,
    bounds: Period | None = None,
    restrict: bool = False,
) -> Partials:
    """Partial sums of the indicators in `indicators`, by bucket (1 = first of `periods`, ...;
    0 = none of them), year and territory. `bounds` limits the scan; `restrict` asks the
    database for these indicators only (a report filtered by component)."""
    periods = periods or []
    people = populations_by_key(session)
    ids = list(indicators) if restrict else None
    out: Partials = defaultdict(lambda: defaultdict(lambda: defaultdict(dict)))
    for row in session.execute(sums_query(periods, bounds, ids)):
        ind = indicators.get(row[1])
        if ind is not None:
            out[row[0]][row[1]][row[3]][row[2]] = _partial(row, ind, people)
    latest = [i for i, ind in indicators.items() if ind.aggregation == Aggregation.LATEST]
    if latest:
        for bucket, ind_id, key, year, value in session.execute(
            latest_query(periods, bounds, latest)
        ):
            part = out[bucket][ind_id][year].get(key)
            if part is not None:
                part.last_value = None if value is None else float(value)
    return out


def _partial(row, ind: IndicatorData, people: dict[tuple[int, int], int]) -> Partial:
    # PostgreSQL sums integers as numeric (Decimal): every figure is made a float or int here.
    (_b, _i, key, year, points, values, value_sum, counted, num, den, n_pop, num_pop) = row[:12]
    months_pop, months, last = row[12], row[13], row[14]
    part = Partial(
        points=int(points),
        values=int(values),
        value_sum=float(value_sum or 0),
        counted=int(counted or 0),
        numerator=float(num or 0),
        denominator=float(den or 0),
        months=int(months or 0),
        last_start=last,
    )
    inhabitants = people.get((key, year)) if ind.population_denominator else None
    if n_pop and inhabitants:
        # Person-years: a month of values counts 1/12 of the year's population.
        part.counted += int(n_pop)
        part.numerator += float(num_pop or 0)
        part.denominator += inhabitants * int(months_pop) / 12
    return part


def over_years(by_year: dict[int, dict[int, Partial]], years=None) -> dict[int, Partial]:
    """Each territory's partial sums merged over `years` (all when None)."""
    out: dict[int, Partial] = {}
    for year, territories in by_year.items():
        if years is not None and year not in years:
            continue
        for key, part in territories.items():
            out[key] = out.get(key, Partial()).merge(part)
    return out


def headline(ind: IndicatorData, territories: dict[int, Partial], clusters: list[int] | None):
    """The figure for the whole territory asked for: the municipality's own values when there
    are any and no cluster was chosen, else the chosen (or all) clusters combined by the rule."""
    if clusters:
        chosen = [territories[k] for k in clusters if k in territories]
    elif territories.get(0) is not None and territories[0].points:
        chosen = [territories[0]]
    else:
        chosen = [p for k, p in territories.items() if k != 0]
    return figure(ind.aggregation, ind.scale or 1.0, chosen)


# --- the commitments meant to move each indicator -----------------------------------------------


@dataclass
class Linked:
    total: int = 0
    completed: int = 0
    cancelled: int = 0
    overdue: int = 0

    @property
    def percent(self) -> float | None:
        base = self.total - self.cancelled
        return 100.0 * self.completed / base if base else None


def linked_completion(
    session: Session, on: dt.date, f: CommitmentFilter | None = None
) -> dict[int, Linked]:
    """Per indicator: its linked commitments (those matching `f`), completed, cancelled and
    overdue as of `on`. Completion = completed ÷ (all − cancelled), as everywhere."""
    link = indicator_commitment
    query = select(
        link.c.indicator_id,
        func.count(),
        func.sum(case((Commitment.status == Status.COMPLETED.value, 1), else_=0)),
        func.sum(case((Commitment.status == Status.CANCELLED.value, 1), else_=0)),
        func.sum(case((overdue_clause(on), 1), else_=0)),
    ).join(Commitment, Commitment.id == link.c.commitment_id)
    if f is not None:
        query = apply_filter(query, f, on)
    query = query.group_by(link.c.indicator_id)
    return {
        ind: Linked(int(n), int(done or 0), int(cancelled or 0), int(late or 0))
        for ind, n, done, cancelled, late in session.execute(query)
    }
