"""Indicator figures as people read them, the same in the window, the PDF and the workbook.

`t` is the translation function of the document's language (a report's `Labels`, or `_`).
A rate is never shown without the count it is built on: "34,1 (n=124)", "86 (430/500)".
"""

from __future__ import annotations

from collections.abc import Callable

from pazos_desktop.domain.formats import format_number, format_percent
from pazos_desktop.domain.indicators import LOW_COUNT, TREND_LABELS, Figure, Trend
from pazos_desktop.i18n import N_, _

Translate = Callable[[str], str]

UNSTABLE = N_("⚠ menos de {n} casos")
UNSTABLE_SHORT = N_("⚠ < {n} casos")
NO_DATA = "—"


def value_text(value: float | None) -> str:
    return NO_DATA if value is None else format_number(value, 1)


def counts_text(fig: Figure, population: bool) -> str:
    """The counts behind a ratio: "n=124" for a rate on a population, "430/500" otherwise."""
    if fig.numerator is None:
        return ""
    if population:
        return f"n={format_number(fig.numerator, 0)}"
    return f"{format_number(fig.numerator, 1)}/{format_number(fig.denominator, 1)}"


def figure_text(fig: Figure | None, population: bool = False, sep: str = " ") -> str:
    """ "34,1 (n=124)"; the value alone for quantities; "—" without data."""
    if fig is None or fig.value is None:
        return NO_DATA
    counts = counts_text(fig, population)
    return value_text(fig.value) + (f"{sep}({counts})" if counts else "")


def flag_text(fig: Figure | None, t: Translate = _, short: bool = False) -> str:
    if fig is None or not fig.low_count:
        return ""
    return t(UNSTABLE_SHORT if short else UNSTABLE).format(n=LOW_COUNT)


def trend_text(trend: Trend, t: Translate = _) -> str:
    """ "↓ mejora": the arrow says which way, the word whether that is good here."""
    if not trend.arrow:
        return NO_DATA
    return f"{trend.arrow} {t(TREND_LABELS[trend.verdict])}"


def with_year(value: float | None, year: int | None) -> str:
    """A baseline or target: "98,1 (2011)"."""
    if value is None:
        return NO_DATA
    return value_text(value) + (f" ({year})" if year else "")


def linked_text(total: int, percent: float | None) -> str:
    """Commitments linked and their completion: "12 · 50 %"."""
    if not total:
        return NO_DATA
    return f"{total} · " + format_percent(percent, NO_DATA)


TREND_COLOURS = {"better": "#2E7D32", "worse": "#C0392B", "same": "#555555"}
FLAG_COLOUR = "#B26A00"
