"""The report's figures against answers worked out by hand on tests/report_world.py.

In force during January–June 2026 (the scope): K1 K2 K3 K5 K7 K8 K9 (K4 ended completed in
2025, K6 starts in July). At 15/07/2026: K1, K8 overdue; K2 completed; K3 suspended; K5
cancelled; K7 proposed; K9 in progress.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pazos_desktop.errors import ValidationError
from pazos_desktop.services.commitments.search import CommitmentFilter, commitment_ids
from pazos_desktop.services.report import period
from pazos_desktop.services.report.coordination import ReportRequest, gather_report, previous_period
from pazos_desktop.services.report.filters import (
    resolve_clusters,
    resolve_components,
    resolve_partners,
)
from pazos_desktop.services.report.summaries import cluster_component_matrix
from tests.report_world import FROM, ON, TO, build_world

D = dt.date


@pytest.fixture
def world(session):
    return build_world(session)


def report_for(session, **kw):
    return gather_report(session, ReportRequest(FROM, TO, on=ON, **kw))


def test_scope_is_what_was_in_force_during_the_period(session, world):
    f = CommitmentFilter(active_from=FROM, active_to=TO)
    expected = {world.k[n] for n in (1, 2, 3, 5, 7, 8, 9)}
    assert set(commitment_ids(session, f, on=ON)) == expected


def test_summary_figures(session, world):
    s = report_for(session).summary
    assert s.status_totals == {
        "pipeline": 1,
        "in_progress": 1,
        "completed": 1,
        "cancelled": 1,
        "suspended": 1,
        "overdue": 2,
    }
    assert (s.overall.total, s.overall.completed, s.overall.cancelled) == (7, 1, 1)
    assert s.overall.percent == pytest.approx(100 / 6)
    assert (s.overdue, s.due_soon, s.committed_cop) == (2, 1, 3_500_000)


def test_comparison_with_the_previous_period(session, world):
    s = report_for(session).summary
    cur, prev = s.current, s.previous
    assert (cur.active, cur.new, cur.new_amount_cop, cur.completed, cur.progress_updates) == (
        7,
        5,
        3_500_000,
        1,
        2,
    )
    assert (prev.date_from, prev.date_to) == (D(2025, 7, 1), D(2025, 12, 31))
    assert (prev.active, prev.new, prev.new_amount_cop, prev.completed, prev.progress_updates) == (
        3,
        3,
        4_000_000,
        1,
        1,
    )


def test_cluster_matrix_counts_all_cluster_commitments_everywhere(session, world):
    m = report_for(session).cluster_matrix
    a, b, c = (world.clusters[x] for x in "ABC")
    comp = world.components
    assert [name for _id, name in m.rows] == ["Clúster Ávila", "Clúster Norte", "Clúster Sur"]
    assert m.cell(a, comp[1]).total == 2 and m.cell(a, comp[4]).total == 1
    assert (m.cell(a, comp[2]).total, m.cell(a, comp[2]).percent) == (2, 50.0)
    assert (m.cell(b, comp[2]).total, m.cell(b, comp[2]).percent) == (2, 100.0)
    assert m.cell(b, comp[1]).total == 2 and m.cell(c, comp[1]).total == 1
    assert [m.row_total(x).total for x in (c, a, b)] == [1, 5, 4]


def test_partner_matrix_and_partner_table(session, world):
    report = report_for(session)
    m = report.partner_matrix
    p1, p2 = world.partners["P1"], world.partners["P2"]
    assert [name for _id, name in m.rows] == ["Entidad Beta", "Fundación Alfa"]
    assert m.cell(p1, world.components[2]).total == 2
    assert m.cell(p2, world.components[1]).total == 1
    lines = [
        (p.name, p.total, p.completed, p.cancelled, p.overdue, p.amount_cop, p.last_progress)
        for p in report.partners
    ]
    assert lines == [
        ("Fundación Alfa", 5, 1, 1, 1, 3_500_000, D(2026, 7, 10)),
        ("Entidad Beta", 2, 0, 0, 1, 0, D(2026, 4, 1)),
    ]


def test_lists(session, world):
    report = report_for(session)
    k = world.k
    overdue = [(line.row.id, line.row.contact_name, line.days_late) for line in report.overdue]
    assert overdue == [(k[8], "Bruno Dos", 76), (k[1], "Ana Uno", 45)]
    assert [r.id for r in report.due_soon] == [k[9]]
    assert [(p.commitment_id, p.date) for p in report.progress] == [
        (k[8], D(2026, 4, 1)),
        (k[2], D(2026, 3, 20)),
    ]
    stale = [(s.row.id, s.last_update, s.days) for s in report.stale]
    assert stale == [(k[1], None, 164), (k[7], None, 105), (k[8], D(2026, 4, 1), 105)]


def test_completed_per_month_and_coverage_gaps(session, world):
    report = report_for(session)
    assert [(m.month, m.count) for m in report.completed_by_month] == [
        (1, 0),
        (2, 0),
        (3, 1),
        (4, 0),
        (5, 0),
        (6, 0),
    ]
    assert report.gaps.clusters == ["Clúster Ávila"]
    assert report.gaps.components == ["Prevención", "Acceso a la justicia"]
    assert len(report.gaps.cells) == 15 - 4


def test_status_by_component(session, world):
    comps = {c.component_id: c.counts for c in report_for(session).status_by_component}
    first = comps[world.components[1]]
    assert (first["overdue"], first["in_progress"], first["suspended"]) == (1, 1, 1)
    assert sum(comps[world.components[3]].values()) == 0


def test_single_partner(session, world):
    report = report_for(session, partner_ids=[world.partners["P2"]])
    assert report.summary.overall.total == 2
    assert [p.name for p in report.partners] == ["Entidad Beta"]
    assert [r.row.id for r in report.overdue] == [world.k[8]]
    assert report.filters["partners"] == ["Entidad Beta"]
    assert report.summary.current.progress_updates == 1


def test_cluster_filter_keeps_all_cluster_commitments(session, world):
    report = report_for(session, cluster_ids=[world.clusters["C"]])
    assert report.summary.overall.total == 1  # K3, for all clusters
    assert [name for _id, name in report.cluster_matrix.rows] == ["Clúster Ávila"]


def test_cluster_filter_inside_the_cluster_matrix(session, world):
    """The cluster filter's EXISTS must not correlate with the matrix's own join."""
    f = CommitmentFilter(cluster_ids=[world.clusters["B"]])
    m = cluster_component_matrix(session, f, ON)
    assert m.row_total(world.clusters["B"]).total == 5  # K2 K4 K5 K9, and K3 for all


def test_empty_period(session, world):
    report = gather_report(session, ReportRequest(D(2010, 1, 1), D(2010, 12, 31), on=ON))
    assert report.summary.overall.total == 0 and report.summary.overall.percent is None
    assert report.partners == [] and report.overdue == [] and report.progress == []
    assert report.partner_matrix.rows == []
    assert report.gaps.clusters == ["Clúster Ávila", "Clúster Norte", "Clúster Sur"]


def test_period_order_is_checked(session, world):
    with pytest.raises(ValidationError) as caught:
        gather_report(session, ReportRequest(TO, FROM, on=ON))
    assert "date_to" in caught.value.fields


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 1, 1), D(2026, 6, 30), (D(2025, 7, 1), D(2025, 12, 31))),
        (D(2026, 3, 1), D(2026, 3, 31), (D(2026, 2, 1), D(2026, 2, 28))),
        (D(2026, 1, 10), D(2026, 1, 19), (D(2025, 12, 31), D(2026, 1, 9))),
    ],
)
def test_previous_period(start, end, expected):
    assert previous_period(start, end) == expected


def test_resolve_filters_by_id_name_code_and_acronym(session, world):
    assert resolve_clusters(session, ["clúster ávila", str(world.clusters["A"])]) == [
        world.clusters["C"],
        world.clusters["A"],
    ]
    assert resolve_components(session, ["3", "access to justice", "Prevencion"]) == [
        world.components[3],
        world.components[5],
        world.components[3],
    ]
    assert resolve_partners(session, ["fa", "ENTIDAD BETA"]) == [
        world.partners["P1"],
        world.partners["P2"],
    ]
    with pytest.raises(ValidationError, match="Nada"):
        resolve_partners(session, ["Nada"])


def test_period_functions_directly(session, world):
    f = CommitmentFilter()
    assert period.started_between(session, f, FROM, TO, ON) == (5, 3_500_000)
    assert period.progress_count(session, f, FROM, TO, ON) == 2
    # K4 has no "completed" update: its due date stands for the completion date.
    dates = period.completion_dates(session, f, D(2025, 1, 1), TO, ON)
    assert sorted(dates) == [D(2025, 12, 1), D(2026, 3, 20)]
    last = period.last_progress_by_partner(session, f, D(2026, 6, 30))
    assert last == {world.partners["P1"]: D(2026, 3, 20), world.partners["P2"]: D(2026, 4, 1)}
