"""Outcome indicators: vocabularies, periods, and the aggregation rules (pure, no database).

How figures combine (PRODUCT.md, "Results, not only activities"):
- quantities are summed, averaged or take the latest value, as the indicator's sheet says;
- ratios (rates, percentages) are the sum of numerators over the sum of denominators, never
  an average of rates: 2 events in 1,000 people and 30 in 100,000 make 32 in 101,000;
- a rate built on fewer than `LOW_COUNT` events is flagged as unstable (a cluster of ~20,000
  people moves 5 points per homicide), and its count is shown beside it;
- rates whose denominator is the population use person-years: a month of a year counts as
  1/12 of that year's population, so monthly, quarterly and yearly rates are comparable and
  twelve months add up to the year.

The database gives partial sums per indicator, territory and year (`Partial`); they combine
over time with `merge`, and `figure()` turns them into what a user reads.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pazos_desktop.i18n import N_, _

LOW_COUNT = 10  # fewer events than this: the rate is unstable
ROLLING_YEARS = 3
STABLE_CHANGE = 0.01  # a relative change this small reads as "no change"
MUNICIPALITY = 0  # the cluster_key of the whole municipality


class Level(enum.StrEnum):
    IMPACT = "impact"
    OUTCOME = "outcome"
    OUTPUT = "output"
    COORDINATION = "coordination"


class Periodicity(enum.StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class Aggregation(enum.StrEnum):
    SUM = "sum"
    AVERAGE = "average"
    LATEST = "latest"
    RATIO = "ratio"


class Direction(enum.StrEnum):
    LOWER = "lower"
    HIGHER = "higher"


LEVEL_LABELS = {
    Level.IMPACT: N_("Impacto"),
    Level.OUTCOME: N_("Resultado"),
    Level.OUTPUT: N_("Producto"),
    Level.COORDINATION: N_("Coordinación"),
}
PERIODICITY_LABELS = {
    Periodicity.MONTHLY: N_("Mensual"),
    Periodicity.QUARTERLY: N_("Trimestral"),
    Periodicity.YEARLY: N_("Anual"),
}
AGGREGATION_LABELS = {
    Aggregation.SUM: N_("Suma"),
    Aggregation.AVERAGE: N_("Promedio"),
    Aggregation.LATEST: N_("Último valor"),
    Aggregation.RATIO: N_("Razón (suma de numeradores ÷ suma de denominadores)"),
}
DIRECTION_LABELS = {
    Direction.LOWER: N_("Menor es mejor"),
    Direction.HIGHER: N_("Mayor es mejor"),
}
SEX_LABELS = {"": N_("Total"), "F": N_("Mujeres"), "M": N_("Hombres")}
MONTHS = {Periodicity.MONTHLY: 1, Periodicity.QUARTERLY: 3, Periodicity.YEARLY: 12}


# --- periods ----------------------------------------------------------------------------------


def period_of(periodicity: str, day: dt.date) -> tuple[dt.date, dt.date, int]:
    """(first day, last day, months) of the period of `periodicity` that contains `day`."""
    months = MONTHS[Periodicity(periodicity)]
    first_month = 1 + (day.month - 1) // months * months
    start = dt.date(day.year, first_month, 1)
    last_month = first_month + months - 1
    end = dt.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])
    return start, end, months


def period_label(periodicity: str, start: dt.date) -> str:
    """How a period is written, in files and on screen: "2023", "2023-T2", "2023-05"."""
    if periodicity == Periodicity.YEARLY:
        return f"{start.year}"
    if periodicity == Periodicity.QUARTERLY:
        return f"{start.year}-T{1 + (start.month - 1) // 3}"
    return f"{start.year}-{start.month:02d}"


_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(?:(\d{4})\s*[-/ ]?\s*[TQ]([1-4])|[TQ]([1-4])\s*[-/ ]?\s*(\d{4}))$", re.I)
_MONTH = re.compile(r"^(?:(\d{4})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{4}))$")
_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_period(text: str, periodicity: str) -> dt.date:
    """The first day of the period written as "2023", "2023-T2" (or "T2 2023"), "2023-05" (or
    "05/2023") or a date inside it (dd/mm/aaaa). Raises ValueError with a user message."""
    raw = str(text).strip()
    day = _period_day(raw)
    if day is None:
        raise ValueError(
            _("Periodo: escriba «{example}» (no «{text}»).").format(
                example=period_label(periodicity, dt.date(2024, 4, 1)), text=raw
            )
        )
    start, _end, _months = period_of(periodicity, day)
    if _is_coarser(raw, periodicity):
        raise ValueError(
            _(
                "Periodo: el indicador es {periodicity}; indique el periodo como «{example}»."
            ).format(
                periodicity=_(PERIODICITY_LABELS[Periodicity(periodicity)]).lower(),
                example=period_label(periodicity, start),
            )
        )
    return start


def read_period(text: str) -> tuple[Periodicity, dt.date] | None:
    """The unit and first day of a period as people write it ("2026", "2026-T4", "2026-11"),
    the unit told by how it is written; None when it is not a period."""
    raw = str(text).strip()
    for pattern, unit in ((_YEAR, "yearly"), (_QUARTER, "quarterly"), (_MONTH, "monthly")):
        if pattern.match(raw):
            day = _period_day(raw)
            return (Periodicity(unit), period_of(unit, day)[0]) if day else None
    return None


def _period_day(raw: str) -> dt.date | None:
    try:
        if m := _YEAR.match(raw):
            return dt.date(int(m[1]), 1, 1)
        if m := _QUARTER.match(raw):
            year, quarter = (m[1], m[2]) if m[1] else (m[4], m[3])
            return dt.date(int(year), 3 * int(quarter) - 2, 1)
        if m := _MONTH.match(raw):
            year, month = (m[1], m[2]) if m[1] else (m[4], m[3])
            return dt.date(int(year), int(month), 1)
        if m := _DAY.match(raw):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def _is_coarser(raw: str, periodicity: str) -> bool:
    """A period written in another unit than the indicator's is ambiguous: a year for a
    monthly indicator, a month for a yearly one. A full date is taken as the period it
    falls in."""
    if _YEAR.match(raw):
        return periodicity != Periodicity.YEARLY
    if _QUARTER.match(raw):
        return periodicity != Periodicity.QUARTERLY
    if _MONTH.match(raw):
        return periodicity != Periodicity.MONTHLY
    return False


def parse_age_bands(text: str | None) -> list[str]:
    """ "0-13; 14-17; 18-28" -> ["0-13", "14-17", "18-28"]."""
    return [part.strip() for part in re.split(r"[;,]", text or "") if part.strip()]


# --- figures ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Partial:
    """Partial sums of the values of one indicator and territory (a year, or several merged).

    `numerator`/`denominator` add up only rows that have both (the ratio rule); rows of a
    ratio indicator without them are `uncounted` (a published rate without its counts).
    """

    points: int = 0
    values: int = 0
    value_sum: float = 0.0
    counted: int = 0
    numerator: float = 0.0
    denominator: float = 0.0
    months: int = 0
    last_start: dt.date | None = None
    last_value: float | None = None

    def merge(self, other: Partial) -> Partial:
        later = other.last_start is not None and (
            self.last_start is None or other.last_start > self.last_start
        )
        return Partial(
            points=self.points + other.points,
            values=self.values + other.values,
            value_sum=self.value_sum + other.value_sum,
            counted=self.counted + other.counted,
            numerator=self.numerator + other.numerator,
            denominator=self.denominator + other.denominator,
            months=self.months + other.months,
            last_start=other.last_start if later else self.last_start,
            last_value=other.last_value if later else self.last_value,
        )

    @property
    def uncounted(self) -> int:
        return self.points - self.counted


def merged(partials: Iterable[Partial]) -> Partial:
    """All of them merged (one alone is returned as it is: nothing changes a partial)."""
    items = list(partials)
    if len(items) == 1:
        return items[0]
    out = Partial()
    for partial in items:
        out = out.merge(partial)
    return out


@dataclass(frozen=True, slots=True)
class Figure:
    """What a user reads: the value, and for ratios the counts it was built on."""

    value: float | None
    numerator: float | None = None  # events behind a rate: shown beside it
    denominator: float | None = None
    points: int = 0
    low_count: bool = False  # a ratio on fewer than LOW_COUNT events
    uncounted: int = 0  # ratio rows left out: they carry a rate but not its counts

    @property
    def empty(self) -> bool:
        return self.value is None


EMPTY = Figure(None)


def ratio(numerator: float, denominator: float, scale: float) -> float | None:
    return numerator / denominator * scale if denominator else None


def figure(rule: str, scale: float, territories: Iterable[Partial]) -> Figure:
    """One figure from the partial sums of one or more territories (each already merged over
    its periods). Territories add up like periods, except "latest": each territory's latest
    value, summed (a stock counted where it stands)."""
    parts = [p for p in territories if p.points]
    if not parts:
        return EMPTY
    whole = merged(parts)
    if rule == Aggregation.RATIO:
        return _ratio_figure(whole, scale)
    if rule == Aggregation.SUM:
        value = whole.value_sum if whole.values else None
    elif rule == Aggregation.AVERAGE:
        value = whole.value_sum / whole.values if whole.values else None
    else:
        latest = [p.last_value for p in parts if p.last_value is not None]
        value = sum(latest) if latest else None
    return Figure(value, points=whole.points)


def _ratio_figure(whole: Partial, scale: float) -> Figure:
    if whole.counted:
        return Figure(
            ratio(whole.numerator, whole.denominator, scale),
            numerator=whole.numerator,
            denominator=whole.denominator,
            points=whole.points,
            low_count=whole.numerator < LOW_COUNT,
            uncounted=whole.uncounted,
        )
    if whole.points == 1 and whole.values == 1:
        # A single published rate without its counts is shown as published; several are
        # never averaged.
        return Figure(whole.value_sum, points=1, uncounted=1)
    return Figure(None, points=whole.points, uncounted=whole.uncounted)


def rolling(rule: str, scale: float, by_year: dict[int, Partial], year: int) -> Figure | None:
    """The ratio over the `ROLLING_YEARS` years ending in `year`: the counts of all of them over
    their populations. `by_year` holds each year's partial sums (territories already merged:
    for a ratio that is the same as merging them later). None unless every year has values."""
    if rule != Aggregation.RATIO:
        return None
    years = range(year - ROLLING_YEARS + 1, year + 1)
    parts = [by_year.get(y) for y in years]
    if any(p is None or not p.points for p in parts):
        return None
    return figure(rule, scale, [merged(parts)])


@dataclass(frozen=True)
class Trend:
    arrow: str  # "↑", "↓", "→" or "" when there is nothing to compare
    verdict: str | None  # "better", "worse", "same" or None


NO_TREND = Trend("", None)


def trend(previous: float | None, current: float | None, direction: str) -> Trend:
    """Current against previous: the arrow says up or down, the verdict whether that is good
    for this indicator (a homicide rate going down is better)."""
    if previous is None or current is None:
        return NO_TREND
    change = current - previous
    if abs(change) <= STABLE_CHANGE * abs(previous) or change == 0:
        return Trend("→", "same")
    up = change > 0
    good = up == (direction == Direction.HIGHER)
    return Trend("↑" if up else "↓", "better" if good else "worse")


TREND_LABELS = {
    "better": N_("mejora"),
    "worse": N_("empeora"),
    "same": N_("sin cambio"),
}
