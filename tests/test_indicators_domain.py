"""The aggregation rules of indicators, by hand-worked examples (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from pazos_desktop.domain.indicators import (
    Partial,
    figure,
    parse_age_bands,
    parse_period,
    period_label,
    period_of,
    rolling,
    trend,
)

PER_100K = 100_000.0


def counts(num: float, den: float, start=dt.date(2023, 1, 1)) -> Partial:
    return Partial(points=1, counted=1, numerator=num, denominator=den, last_start=start)


def plain(value: float, start: dt.date) -> Partial:
    return Partial(points=1, values=1, value_sum=value, last_start=start, last_value=value)


def test_a_ratio_of_sums_is_not_an_average_of_ratios():
    # Cluster A: 2 homicides in 1,000 people (200 per 100,000); cluster B: 30 in 100,000 (30).
    a, b = counts(2, 1_000), counts(30, 100_000)
    assert figure("ratio", PER_100K, [a]).value == pytest.approx(200.0)
    assert figure("ratio", PER_100K, [b]).value == pytest.approx(30.0)
    both = figure("ratio", PER_100K, [a, b])
    # 32 events in 101,000 people: 31.68 per 100,000; the average of the rates would say 115.
    assert both.value == pytest.approx(32 / 101_000 * PER_100K)
    assert both.value == pytest.approx(31.683, abs=0.001)
    assert both.numerator == 32 and both.denominator == 101_000


def test_percentages_add_participants_not_percentages():
    # 43 of 50 prepared a CV in one cluster (86 %), 1 of 10 in another (10 %): 44 of 60.
    combined = figure("ratio", 100.0, [counts(43, 50), counts(1, 10)])
    assert combined.value == pytest.approx(44 / 60 * 100)  # 73.3 %, not (86 + 10) / 2 = 48 %


def test_rates_on_fewer_than_ten_events_are_flagged():
    assert figure("ratio", PER_100K, [counts(9, 20_000)]).low_count
    assert figure("ratio", PER_100K, [counts(0, 20_000)]).low_count
    assert not figure("ratio", PER_100K, [counts(10, 20_000)]).low_count
    # Together they are no longer a small number: the flag follows the combined count.
    assert not figure("ratio", PER_100K, [counts(6, 20_000), counts(7, 20_000)]).low_count
    assert not figure("sum", 1.0, [plain(3, dt.date(2023, 1, 1))]).low_count


def test_sum_average_and_latest():
    parts = [plain(3, dt.date(2023, 1, 1)), plain(4, dt.date(2023, 2, 1))]
    one = parts[0].merge(parts[1]).merge(plain(5, dt.date(2023, 3, 1)))
    assert figure("sum", 1.0, [one]).value == 12
    assert figure("average", 1.0, [one]).value == 4
    assert figure("latest", 1.0, [one]).value == 5  # March, the last period
    # Over territories: each one's latest value, added (a stock counted where it stands).
    other = plain(7, dt.date(2023, 1, 1))
    assert figure("latest", 1.0, [one, other]).value == 12
    assert figure("sum", 1.0, [one, other]).value == 19
    assert figure("average", 1.0, [one, other]).value == pytest.approx(19 / 4)


def test_merge_keeps_the_latest_value_whatever_the_order():
    early, late = plain(1, dt.date(2022, 1, 1)), plain(9, dt.date(2023, 1, 1))
    assert late.merge(early).last_value == 9
    assert early.merge(late).last_value == 9


def test_a_published_rate_without_counts_is_shown_alone_and_never_averaged():
    published = Partial(points=1, values=1, value_sum=98.1)
    shown = figure("ratio", PER_100K, [published])
    assert shown.value == 98.1 and shown.numerator is None and shown.uncounted == 1
    two = published.merge(Partial(points=1, values=1, value_sum=60.0))
    assert figure("ratio", PER_100K, [two]).value is None
    # With counts for some periods, the figure uses those and says how many were left out.
    mixed = figure("ratio", PER_100K, [counts(10, 20_000).merge(published)])
    assert mixed.value == pytest.approx(50.0) and mixed.uncounted == 1


def test_rolling_three_year_rate_adds_the_counts_of_the_three_years():
    by_year = {2021: counts(3, 20_000), 2022: counts(5, 20_000), 2023: counts(4, 21_000)}
    three = rolling("ratio", PER_100K, by_year, 2023)
    assert three.value == pytest.approx(12 / 61_000 * PER_100K)  # 19.67
    assert not three.low_count and three.numerator == 12
    # Two territories in 2021 (merged first): 13 events in 66,000 person-years.
    both = dict(by_year) | {2021: counts(3, 20_000).merge(counts(1, 5_000))}
    assert rolling("ratio", PER_100K, both, 2023).value == pytest.approx(13 / 66_000 * PER_100K)
    assert rolling("ratio", PER_100K, by_year, 2024) is None  # 2024 has no values
    assert rolling("ratio", PER_100K, by_year, 2022) is None  # nor 2020
    assert rolling("sum", 1.0, by_year, 2023) is None  # only ratios have rates


def test_person_years_make_monthly_and_yearly_rates_comparable():
    # One homicide a month in 120,000 people: each month is 1 / (120,000 / 12) per 100,000.
    month = counts(1, 120_000 / 12)
    assert figure("ratio", PER_100K, [month]).value == pytest.approx(10.0)
    year = Partial()
    for _m in range(12):
        year = year.merge(month)
    assert year.denominator == pytest.approx(120_000)
    assert figure("ratio", PER_100K, [year]).value == pytest.approx(10.0)


def test_trend_arrow_and_verdict_follow_the_direction():
    assert trend(40, 30, "lower").arrow == "↓"
    assert trend(40, 30, "lower").verdict == "better"
    assert trend(30, 40, "lower").verdict == "worse"
    assert trend(30, 40, "higher").verdict == "better"
    assert trend(30, 30.2, "lower").arrow == "→"
    assert trend(None, 30, "lower").arrow == ""


def test_periods_parse_label_and_bound():
    assert parse_period("2023-T2", "quarterly") == dt.date(2023, 4, 1)
    assert parse_period("T4 2023", "quarterly") == dt.date(2023, 10, 1)
    assert parse_period("05/2023", "monthly") == dt.date(2023, 5, 1)
    assert parse_period("2023-5", "monthly") == dt.date(2023, 5, 1)
    assert parse_period("15/05/2023", "monthly") == dt.date(2023, 5, 1)
    assert parse_period("2023", "yearly") == dt.date(2023, 1, 1)
    with pytest.raises(ValueError, match="mensual; indique el periodo como «2023-01»"):
        parse_period("2023", "monthly")  # a whole year is not one month
    with pytest.raises(ValueError, match="no «mayo»"):
        parse_period("mayo", "monthly")
    assert period_of("quarterly", dt.date(2024, 2, 29)) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 3, 31),
        3,
    )
    assert period_label("quarterly", dt.date(2024, 7, 1)) == "2024-T3"
    assert period_label("monthly", dt.date(2024, 7, 1)) == "2024-07"
    assert parse_age_bands(" 0-13; 14-17 ,18-28;") == ["0-13", "14-17", "18-28"]
