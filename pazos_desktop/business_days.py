"""Colombian business days (días hábiles): Monday to Friday, not a national holiday.

The holidays come from the `holidays` library (vacanza/holidays), which follows Ley 51 de 1983
("Ley Emiliani": most holidays move to the next Monday), the Easter-based ones, and the laws
that added holidays since (Ley 2578 de 2026: 9 July, moved to Monday, from 2026; versions
before 0.99 lack it, a test checks it). Nothing here is a hand-kept list of dates.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> frozenset[dt.date]:
    import holidays  # imported on first use: the window's start does not pay for it

    return frozenset(holidays.Colombia(years=year))


def holiday_name(day: dt.date, lang: str = "es") -> str | None:
    """The holiday's name (Spanish or English), or None on an ordinary day."""
    import holidays

    names = holidays.Colombia(years=day.year, language="en_US" if lang == "en" else "es")
    return names.get(day)


def is_holiday(day: dt.date) -> bool:
    return day in _holidays_of(day.year)


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not is_holiday(day)


def next_business_day(day: dt.date) -> dt.date:
    """`day` itself when it is a business day, else the first one after it."""
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def nth_business_day(start: dt.date, n: int) -> dt.date:
    """The n-th business day counting `start` as the first when it is one (n >= 1)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    day = next_business_day(start)
    for _ in range(n - 1):
        day = next_business_day(day + dt.timedelta(days=1))
    return day


def add_business_days(day: dt.date, n: int) -> dt.date:
    """The n-th business day after `day` (not counting `day`): a term "of n días hábiles"."""
    return nth_business_day(day + dt.timedelta(days=1), n) if n else day


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Business days after `start` up to and including `end` (negative when end < start)."""
    if end < start:
        return -business_days_between(end, start)
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_business_day(day)
    return count
