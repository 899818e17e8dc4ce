"""Commitment search (filters, sort, paging in SQL) and the summaries, on known data."""

from __future__ import annotations

import datetime as dt

import pytest

from pazos_desktop.domain.vocabulary import OVERDUE
from pazos_desktop.services.commitments import search
from pazos_desktop.services.commitments.search import CommitmentFilter
from pazos_desktop.services.report import summaries
from tests import factories as f
from tests.conftest import database_on

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def db(db_path):
    """The program's clock on TODAY, the date these figures are worked out for."""
    database = database_on(db_path, TODAY)
    yield database
    database.dispose()


@pytest.fixture
def world(session):
    sidoc = f.partner(session, "Fundación SIDOC", acronym="SIDOC")
    dps = f.partner(session, "Departamento para la Prosperidad Social", acronym="DPS")
    norte, sur, centro = (f.cluster(session, n) for n in ("Norte", "Sur", "Centro"))
    prog = f.program(session)
    d = dt.date
    made = {
        "late": f.commitment(
            session,
            sidoc.id,
            [norte.id],
            component_id=1,
            title="Mediación en calle",
            start_date=d(2026, 1, 1),
            due_date=d(2026, 3, 1),
        ),
        "soon": f.commitment(
            session,
            sidoc.id,
            [sur.id],
            component_id=2,
            title="Becas condicionadas",
            due_date=d(2026, 7, 1),
            program_id=prog.id,
            amount_cop=1_000_000,
        ),
        "done": f.commitment(
            session,
            dps.id,
            [norte.id, sur.id],
            component_id=2,
            title="Jóvenes en formación",
            status="completed",
            due_date=d(2026, 2, 1),
        ),
        "all": f.commitment(
            session,
            dps.id,
            [],
            all_clusters=True,
            component_id=3,
            title="Campaña de prevención",
            status="pipeline",
            amount_cop=2_000_000,
            due_date=d(2026, 12, 1),
        ),
        "cancel": f.commitment(
            session,
            dps.id,
            [centro.id],
            component_id=1,
            title="Jornada cancelada",
            status="cancelled",
            due_date=d(2026, 1, 15),
        ),
    }
    return {
        "sidoc": sidoc,
        "dps": dps,
        "norte": norte,
        "sur": sur,
        "centro": centro,
        "prog": prog,
        **{k: v.id for k, v in made.items()},
    }


def ids(session, **kw):
    return set(search.commitment_ids(session, CommitmentFilter(**kw), on=TODAY))


def test_filters(session, world):
    w = world
    assert ids(session, partner_ids=[w["sidoc"].id]) == {w["late"], w["soon"]}
    # "all clusters" commitments are in every cluster
    assert ids(session, cluster_ids=[w["norte"].id]) == {w["late"], w["done"], w["all"]}
    assert ids(session, component_ids=[2]) == {w["soon"], w["done"]}
    assert ids(session, program_ids=[w["prog"].id]) == {w["soon"]}
    assert ids(session, statuses=[OVERDUE]) == {w["late"]}
    assert ids(session, statuses=["in_progress"]) == {w["soon"]}
    assert ids(session, due_from=dt.date(2026, 6, 1), due_to=dt.date(2026, 7, 31)) == {w["soon"]}


def test_text_search_ignores_case_and_accents_and_matches_partner(session, world):
    assert ids(session, text="JOVENES") == {world["done"]}
    assert ids(session, text="mediacion calle") == {world["late"]}
    assert ids(session, text="sidoc") == {world["late"], world["soon"]}
    assert ids(session, text="prosperidad becas") == set()
    assert ids(session, text="100%_") == set()


def test_sorting_and_paging(session, world):
    by_due = search.commitment_ids(session, CommitmentFilter(), sort="due_date", on=TODAY)
    assert by_due[0] == world["cancel"] and by_due[-1] == world["all"]
    desc = search.commitment_ids(
        session, CommitmentFilter(), sort="due_date", descending=True, on=TODAY
    )
    assert desc == list(reversed(by_due))
    for key in search.SORT_KEYS:
        assert len(search.commitment_ids(session, CommitmentFilter(), sort=key, on=TODAY)) == 5
    page = search.search_commitments(
        session, CommitmentFilter(), sort="title", offset=1, limit=2, on=TODAY
    )
    assert page.total == 5
    assert [r.title for r in page.rows] == ["Campaña de prevención", "Jornada cancelada"]


def test_rows_carry_what_the_table_shows(session, world):
    row = search.commitment_rows(session, [world["done"], world["all"]], on=TODAY)
    assert row[0].clusters == "Norte, Sur" and row[1].clusters == "Todos los clústeres"
    assert row[0].partner_name.startswith("Departamento")
    late = search.commitment_rows(session, [world["late"]], on=TODAY)[0]
    assert (late.status, late.effective_status) == ("in_progress", OVERDUE)


def test_overdue_and_due_soon_lists(session, world):
    assert [r.id for r in search.overdue(session, on=TODAY)] == [world["late"]]
    assert [r.id for r in search.due_soon(session, on=TODAY, days=30)] == [world["soon"]]


def test_status_totals_and_overall(session, world):
    totals = summaries.status_totals(session, on=TODAY)
    assert totals == {
        "pipeline": 1,
        "in_progress": 1,
        "completed": 1,
        "cancelled": 1,
        "suspended": 0,
        OVERDUE: 1,
    }
    cell = summaries.overall(session, on=TODAY)
    assert (cell.total, cell.completed, cell.cancelled) == (5, 1, 1)
    assert cell.percent == 25.0
    assert summaries.committed_amount(session, on=TODAY) == 3_000_000


def test_cluster_component_matrix(session, world):
    m = summaries.cluster_component_matrix(session, on=TODAY)
    norte, sur, centro = world["norte"].id, world["sur"].id, world["centro"].id
    assert [name for _id, name in m.rows] == ["Centro", "Norte", "Sur"]
    assert (m.cell(norte, 1).total, m.cell(norte, 2).total, m.cell(norte, 3).total) == (1, 1, 1)
    assert m.cell(norte, 2).percent == 100.0
    assert m.cell(sur, 2).total == 2 and m.cell(sur, 2).percent == 50.0
    assert m.cell(centro, 1).total == 1 and m.cell(centro, 1).percent is None  # only cancelled
    assert m.cell(centro, 3).total == 1  # the all-clusters commitment
    assert m.column_total(2).total == 3
    only_norte = summaries.cluster_component_matrix(
        session, CommitmentFilter(cluster_ids=[norte]), on=TODAY
    )
    assert [r[0] for r in only_norte.rows] == [norte]


def test_by_partner_and_partner_component_matrix(session, world):
    rows = {r.name: r for r in summaries.by_partner(session, on=TODAY)}
    dps = rows["Departamento para la Prosperidad Social"]
    assert (dps.total, dps.completed, dps.cancelled, dps.overdue) == (3, 1, 1, 0)
    assert rows["Fundación SIDOC"].overdue == 1
    m = summaries.partner_component_matrix(session, on=TODAY)
    assert m.cell(world["sidoc"].id, 1).total == 1 and m.cell(world["dps"].id, 3).total == 1
