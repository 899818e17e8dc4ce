"""Colombian business days and the legal terms of rights requests (Ley 1581, arts. 14-15).

The holidays come from the `holidays` library; these tests hold it to the official calendar
of two years (decreed dates as the Ministry of Labour and the press published them), the
Monday-moved holidays of Ley 51 de 1983 included, and Ley 2578 de 2026's new 9 July holiday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pazos_desktop import business_days as bd
from pazos_desktop.services.personal_data.requests import RequestType, due_date

D = dt.date

# The official calendars (festivos). 2025: San Pedro and Sagrado Corazón both fall on Monday
# 30 June (one day off, 17 dates). 2026: 19 dates with Ley 2578 de 2026 (13 July).
OFFICIAL = {
    2025: [
        D(2025, 1, 1), D(2025, 1, 6), D(2025, 3, 24), D(2025, 4, 17), D(2025, 4, 18),
        D(2025, 5, 1), D(2025, 6, 2), D(2025, 6, 23), D(2025, 6, 30), D(2025, 7, 20),
        D(2025, 8, 7), D(2025, 8, 18), D(2025, 10, 13), D(2025, 11, 3), D(2025, 11, 17),
        D(2025, 12, 8), D(2025, 12, 25),
    ],
    2026: [
        D(2026, 1, 1), D(2026, 1, 12), D(2026, 3, 23), D(2026, 4, 2), D(2026, 4, 3),
        D(2026, 5, 1), D(2026, 5, 18), D(2026, 6, 8), D(2026, 6, 15), D(2026, 6, 29),
        D(2026, 7, 13), D(2026, 7, 20), D(2026, 8, 7), D(2026, 8, 17), D(2026, 10, 12),
        D(2026, 11, 2), D(2026, 11, 16), D(2026, 12, 8), D(2026, 12, 25),
    ],
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_the_library_agrees_with_the_official_calendar(year):
    found = [d for d in _days_of(year) if bd.is_holiday(d)]
    assert found == OFFICIAL[year]


def _days_of(year: int):
    day = D(year, 1, 1)
    while day.year == year:
        yield day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(
    "decreed, moved_to",
    [
        (D(2026, 1, 6), D(2026, 1, 12)),  # Reyes, a Tuesday → Monday
        (D(2026, 3, 19), D(2026, 3, 23)),  # San José, a Thursday
        (D(2026, 8, 15), D(2026, 8, 17)),  # Asunción, a Saturday
        (D(2026, 11, 11), D(2026, 11, 16)),  # Independencia de Cartagena, a Wednesday
        (D(2026, 7, 9), D(2026, 7, 13)),  # Ley 2578 de 2026: Chiquinquirá, a Thursday
        (D(2025, 11, 1), D(2025, 11, 3)),  # Todos los Santos, a Saturday
    ],
)
def test_ley_emiliani_moves_holidays_to_the_next_monday(decreed, moved_to):
    assert not bd.is_holiday(decreed)
    assert bd.is_holiday(moved_to) and moved_to.weekday() == 0


def test_chiquinquira_is_a_holiday_only_from_2026():
    assert not bd.is_holiday(D(2025, 7, 14))  # the Monday after 9 July 2025
    assert bd.is_holiday(D(2027, 7, 12))


def test_fixed_holidays_stay_on_their_day():
    assert bd.is_holiday(D(2025, 7, 20)) and D(2025, 7, 20).weekday() == 6  # a Sunday
    assert bd.is_holiday(D(2026, 12, 8)) and D(2026, 12, 8).weekday() == 1
    assert bd.holiday_name(D(2026, 7, 20)) == "Día de la Independencia"
    assert bd.holiday_name(D(2026, 7, 21)) is None


def test_business_day_arithmetic():
    assert bd.next_business_day(D(2026, 3, 21)) == D(2026, 3, 24)  # Sat → Tue (Mon festivo)
    assert bd.add_business_days(D(2026, 4, 1), 1) == D(2026, 4, 6)  # over Holy Thu/Fri
    assert bd.business_days_between(D(2026, 4, 1), D(2026, 4, 6)) == 1
    assert bd.business_days_between(D(2026, 4, 6), D(2026, 4, 1)) == -1
    with pytest.raises(ValueError):
        bd.nth_business_day(D(2026, 4, 1), 0)


def test_a_consulta_counts_from_the_day_it_is_received():
    # Wednesday 18 March 2026: 18, 19, 20, (23 San José moved), 24 … 31, 1 April = day 10.
    assert due_date(RequestType.QUERY, D(2026, 3, 18)) == D(2026, 4, 1)
    # Extended by 5: Holy Thursday and Good Friday are skipped.
    assert due_date(RequestType.QUERY, D(2026, 3, 18), extended=True) == D(2026, 4, 10)


def test_a_consulta_received_on_a_holiday_weekend_starts_on_the_next_business_day():
    # Saturday 1 Nov 2025; Monday 3 and Monday 17 November are moved holidays.
    assert due_date(RequestType.QUERY, D(2025, 11, 1)) == D(2025, 11, 18)


@pytest.mark.parametrize(
    "kind",
    [RequestType.COMPLAINT, RequestType.UPDATE, RequestType.SUPPRESSION, RequestType.REVOCATION],
)
def test_reclamos_count_15_days_from_the_next_day_extendable_by_8(kind):
    # Friday 5 June 2026: Corpus (8 June), Sagrado Corazón (15) and San Pedro (29) skipped.
    assert due_date(kind, D(2026, 6, 5)) == D(2026, 7, 1)
    # + 8: 9 July is an ordinary Thursday; its holiday is Monday 13 July (Ley 2578 de 2026).
    assert due_date(kind, D(2026, 6, 5), extended=True) == D(2026, 7, 14)
