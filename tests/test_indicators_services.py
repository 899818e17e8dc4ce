"""Indicator sheets, values (versions), populations and the figures built from them, through
the services on a migrated database. Figures are worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SUITE_TODAY
from factories import cluster, commitment, partner

from pazos_desktop.errors import ConflictError, PazosError, ValidationError
from pazos_desktop.services.indicators import sheets as indicators
from pazos_desktop.services.indicators import values
from pazos_desktop.services.indicators.panel import load_panel
from pazos_desktop.services.indicators.sheets import IndicatorData, PopulationData
from pazos_desktop.services.indicators.values import ValueData
from pazos_desktop.services.report.coordination import ReportRequest, gather_report

Y = SUITE_TODAY.year - 1  # the last complete year: the code sees values up to today
PER_100K = 100_000


def rate_sheet(session, **kw) -> IndicatorData:
    fields = dict(
        code="HOM-01",
        name="Tasa de homicidios",
        level="impact",
        periodicity="yearly",
        aggregation="ratio",
        scale=PER_100K,
        population_denominator=True,
        direction="lower",
        baseline_value=98.1,
        baseline_year=2011,
    )
    fields.update(kw)
    return indicators.save_indicator(session, IndicatorData(**fields))


def people(session, cluster_id, year, n):
    indicators.save_population(
        session, PopulationData(cluster_id=cluster_id, year=year, population=n)
    )


def record(session, ind, cluster_id, period, **figures) -> values.ValueData:
    return values.record_value(
        session,
        ValueData(indicator_id=ind.id, cluster_id=cluster_id, period_start=period, **figures),
    )


@pytest.fixture
def world(session):
    """Clusters A (20,000 people) and B (1,000), the municipality (100,000), two years."""
    a, b = cluster(session, "Clúster A").id, cluster(session, "Clúster B").id
    for year in (Y - 2, Y - 1, Y):
        people(session, a, year, 20_000)
        people(session, b, year, 1_000)
        people(session, None, year, 100_000)
    ind = rate_sheet(session)
    record(session, ind, a, str(Y - 1), numerator=1)
    record(session, ind, b, str(Y - 1), numerator=1)
    record(session, ind, a, str(Y), numerator=2)
    record(session, ind, b, str(Y), numerator=3)
    return {"a": a, "b": b, "ind": ind}


def test_clusters_combine_as_a_ratio_of_sums(session, world):
    row = load_panel(session).row(world["ind"].id)
    latest = row.latest
    # A: 2 in 20,000 (10 per 100,000); B: 3 in 1,000 (300). Together 5 in 21,000 = 23.8,
    # where the average of the two rates would be 155.
    assert row.whole.name == "Clústeres (todos)"
    assert latest.year == Y
    assert latest.figure.value == pytest.approx(5 / 21_000 * PER_100K)
    assert latest.figure.numerator == 5 and latest.figure.low_count
    by_name = {line.name: line for line in row.clusters}
    assert by_name["Clúster A"].year(Y).figure.value == pytest.approx(10.0)
    assert by_name["Clúster B"].year(Y).figure.value == pytest.approx(300.0)
    # The year before: 2 in 21,000 = 9.5; up to 23.8 is worse for a homicide rate.
    assert row.previous.figure.value == pytest.approx(2 / 21_000 * PER_100K)
    assert (row.trend.arrow, row.trend.verdict) == ("↑", "worse")


def test_the_municipality_values_come_first_when_there_are_any(session, world):
    record(session, world["ind"], None, str(Y), numerator=40)
    row = load_panel(session).row(world["ind"].id)
    assert row.whole.name == "Municipio (total)"
    assert row.latest.figure.value == pytest.approx(40.0)  # 40 in 100,000
    assert not row.latest.figure.low_count


def test_a_correction_is_a_new_version_and_the_earlier_one_stays(session, world):
    ind = world["ind"]
    first = record(session, ind, None, str(Y), value=45.0, source="Fuente A")
    assert (first.data_version, first.is_current) == (1, True)
    again = record(session, ind, None, str(Y), value=45.0, source="Fuente A")
    assert again.id == first.id  # the same figure: nothing new
    second = record(session, ind, None, str(Y), numerator=40, source="Fuente B")
    assert second.data_version == 2 and second.id != first.id
    listed = [v for v in values.list_values(session, ind.id) if v.cluster_id is None]
    assert [(v.data_version, v.is_current, v.source) for v in listed] == [
        (2, True, "Fuente B"),
        (1, False, "Fuente A"),
    ]
    assert load_panel(session).row(ind.id).latest.figure.value == pytest.approx(40.0)
    with pytest.raises(ConflictError):  # the earlier version cannot be corrected any more
        values.record_value(
            session,
            ValueData(indicator_id=ind.id, period_start=str(Y), value=50.0, id=first.id, version=1),
        )
    values.delete_value(session, second.id)
    restored = [v for v in values.list_values(session, ind.id) if v.cluster_id is None]
    assert [(v.data_version, v.is_current) for v in restored] == [(1, True)]
    # A published rate without its counts is shown as published.
    assert load_panel(session).row(ind.id).latest.figure.value == 45.0


def test_notes_change_in_place(session, world):
    ind = world["ind"]
    first = record(session, ind, None, str(Y), numerator=40)
    noted = record(session, ind, None, str(Y), numerator=40, notes="Cifra preliminar")
    assert (noted.id, noted.data_version, noted.notes) == (first.id, 1, "Cifra preliminar")


def test_rolling_three_year_rate(session, world):
    ind, a = world["ind"], world["a"]
    record(session, ind, a, str(Y - 2), numerator=3)
    line = next(c for c in load_panel(session).row(ind.id).clusters if c.key == a)
    # A: 3 + 1 + 2 = 6 homicides in 3 x 20,000 person-years = 10 per 100,000.
    assert line.year(Y).rolling.value == pytest.approx(10.0)
    assert line.year(Y).rolling.low_count
    assert line.year(Y - 1).rolling is None  # Y-3 has no values


def test_monthly_values_are_annualised_with_person_years(session, world):
    ind = rate_sheet(session, code="HOM-M", periodicity="monthly")
    people(session, None, Y - 3, 120_000)
    for month in range(1, 13):
        record(session, ind, None, f"{Y - 3}-{month:02d}", numerator=1)
    year = load_panel(session).row(ind.id).whole.year(Y - 3)
    # 12 homicides in 120,000 people: 10 per 100,000; twelve months make up the year.
    assert year.figure.value == pytest.approx(10.0) and year.months == 12


@pytest.mark.parametrize(
    ("figures", "field", "message"),
    [
        ({"period_start": "2023-05"}, "period_start", "es anual; indique el periodo como «2023»"),
        ({"period_start": str(SUITE_TODAY.year + 1)}, "period_start", "aún no ha empezado"),
        ({"sex": "F"}, "sex", "no se desagrega por sexo"),
        ({"age_band": "0-13"}, "age_band", "no se desagrega por edad"),
        ({"numerator": 2, "denominator": 1000, "value": 900.0}, "value", "no coincide"),
        ({"numerator": None, "denominator": 1000}, "numerator", "junto con el denominador"),
        ({"numerator": -1}, "numerator", "no puede ser negativo"),
        ({"numerator": "1,500"}, "numerator", "es ambiguo"),  # 1500 or 1.5? (the one parser)
        ({"numerator": 1e20}, "numerator", "no puede ser negativo"),
        ({"cut_off": SUITE_TODAY + dt.timedelta(days=1)}, "cut_off", "posterior a hoy"),
        ({"cut_off": dt.date(2000, 1, 1)}, "cut_off", "anterior al inicio"),
    ],
)
def test_bad_values_are_refused_field_by_field(session, world, figures, field, message):
    data = {"period_start": str(Y), "numerator": 1} | figures
    with pytest.raises(ValidationError) as err:
        values.record_value(session, ValueData(indicator_id=world["ind"].id, **data))
    assert field in err.value.fields and message in err.value.fields[field]


def test_quantities_take_a_value_and_no_counts(session):
    ind = indicators.save_indicator(
        session,
        IndicatorData(code="JOV", name="Homicidios de jóvenes", aggregation="sum", by_sex=True),
    )
    with pytest.raises(ValidationError) as err:
        record(session, ind, None, str(Y), numerator=3, denominator=10)
    assert "solo para indicadores de razón" in err.value.fields["numerator"]
    record(session, ind, None, str(Y), value=10)
    record(session, ind, None, str(Y), value=1, sex="F")  # a disaggregated figure
    record(session, ind, None, str(Y), value=9, sex="M")
    figure = load_panel(session).row(ind.id).latest.figure
    assert figure.value == 10  # the total: disaggregated rows are not added to it


def test_sheet_rules(session, world):
    with pytest.raises(ValidationError) as err:
        rate_sheet(session, code="hom-01")  # codes compare without case
    assert "ya existe" in err.value.fields["code"]
    with pytest.raises(ValidationError) as err:
        rate_sheet(session, code="X", aggregation="sum")
    assert "solo aplica a la regla de razón" in err.value.fields["population_denominator"]
    ind = world["ind"]
    edited = indicators.get_indicator(session, ind.id)
    edited.periodicity = "monthly"
    with pytest.raises(ValidationError) as err:
        indicators.save_indicator(session, edited)
    assert "ya tiene 4 valores" in err.value.fields["periodicity"]
    with pytest.raises(PazosError, match="tiene 4 valores"):
        indicators.delete_indicator(session, ind.id)


def test_population_is_unique_per_territory_and_year(session, world):
    with pytest.raises(ValidationError) as err:
        people(session, world["a"], Y, 21_000)
    assert "ya hay una población" in err.value.fields["year"]
    with pytest.raises(ValidationError) as err:
        people(session, world["a"], Y + 5, 0)
    assert "mayor" in err.value.fields["population"] or "entre" in err.value.fields["population"]


def test_report_section(session, world):
    p = partner(session, "Fundación SIDOC").id
    dates = {"start_date": dt.date(Y, 3, 1), "due_date": dt.date(Y, 11, 30)}
    done = commitment(session, p, [world["a"]], status="completed", **dates)
    late = commitment(session, p, [world["b"]], status="cancelled", **dates)
    open_one = commitment(session, p, [world["b"]], **dates)
    sheet = indicators.get_indicator(session, world["ind"].id)
    sheet.commitment_ids = [done.id, late.id, open_one.id]
    indicators.save_indicator(session, sheet)
    request = ReportRequest(dt.date(Y, 1, 1), dt.date(Y, 12, 31))
    section = gather_report(session, request).indicators
    line = section.lines[0]
    assert section.previous == (dt.date(Y - 1, 1, 1), dt.date(Y - 1, 12, 31))
    assert line.current.value == pytest.approx(5 / 21_000 * PER_100K)
    assert line.previous.value == pytest.approx(2 / 21_000 * PER_100K)
    assert line.flagged and line.trend.verdict == "worse"
    # Completion: 1 completed of 3 - 1 cancelled = 50 %.
    assert (line.linked.total, line.linked.completed, line.linked.percent) == (3, 1, 50.0)
    assert [c.name for c in line.clusters] == ["Clúster A", "Clúster B"]
    # With one cluster chosen, the figures are that cluster's own.
    only_a = gather_report(
        session, ReportRequest(request.date_from, request.date_to, cluster_ids=[world["a"]])
    ).indicators
    assert only_a.lines[0].current.value == pytest.approx(10.0)
    assert [c.name for c in only_a.lines[0].clusters] == ["Clúster A"]
