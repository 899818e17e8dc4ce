"""Summaries for the dashboard and the coordination report: counts and completion.

Completion (% cumplido) = completed / (all − cancelled): a cancelled commitment is neither done
nor pending. A commitment for "all clusters" counts in every cluster. The result types (Cell,
Matrix, PartnerSummary) are plain data in `pazos_desktop.domain.figures`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Integer, cast, func, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.register import Cluster, Commitment, Partner, commitment_cluster
from pazos_desktop.domain.figures import Cell, Matrix, PartnerSummary, sum_cells  # noqa: F401 (the summaries' types)
from pazos_desktop.domain.text import fold
from pazos_desktop.domain.vocabulary import Status
from pazos_desktop.services.commitments.search import (
    STATUS_ORDER,
    CommitmentFilter,
    apply_filter,
    effective_status_expr,
    overdue_clause,
)
from pazos_desktop.services.components import list_components

COMPLETED = Status.COMPLETED.value
CANCELLED = Status.CANCELLED.value


def int_sum(expr):
    """SUM as a whole number on every engine: PostgreSQL's SUM of a bigint is `numeric`,
    which arrives as a Decimal (and was written to the report's xlsx as text)."""
    return cast(func.coalesce(func.sum(expr), 0), BigInteger)


def _counts():
    return (
        func.count(Commitment.id),
        int_sum((Commitment.status == COMPLETED).cast(Integer)),
        int_sum((Commitment.status == CANCELLED).cast(Integer)),
    )


def status_totals(session: Session, f: CommitmentFilter | None = None, on=None) -> dict[str, int]:
    """Commitments by the status users see (overdue derived from the due date)."""
    on = on or today_in(session)
    expr = effective_status_expr(on)
    query = apply_filter(select(expr, func.count(Commitment.id)), f or CommitmentFilter(), on)
    found = dict(session.execute(query.group_by(expr)).all())
    return {status: found.get(status, 0) for status in STATUS_ORDER}


def overall(session: Session, f: CommitmentFilter | None = None, on=None) -> Cell:
    on = on or today_in(session)
    query = apply_filter(select(*_counts()), f or CommitmentFilter(), on)
    return Cell(*session.execute(query).one())


def committed_amount(session: Session, f: CommitmentFilter | None = None, on=None) -> int:
    on = on or today_in(session)
    query = apply_filter(select(int_sum(Commitment.amount_cop)), f or CommitmentFilter(), on)
    return int(session.scalar(query))


def _clusters(session: Session, f: CommitmentFilter) -> list[tuple[int, str]]:
    query = select(Cluster.id, Cluster.name).order_by(Cluster.name_key)
    if f.cluster_ids:
        query = query.where(Cluster.id.in_(f.cluster_ids))
    return [tuple(r) for r in session.execute(query)]


def _components(session: Session, f: CommitmentFilter) -> list[tuple[int, str]]:
    return [
        (c.id, c.name())
        for c in list_components(session)
        if not f.component_ids or c.id in f.component_ids
    ]


def cluster_component_matrix(
    session: Session, f: CommitmentFilter | None = None, on=None
) -> Matrix:
    on, f = on or today_in(session), f or CommitmentFilter()
    matrix = Matrix(rows=_clusters(session, f), columns=_components(session, f))
    named = apply_filter(
        select(commitment_cluster.c.cluster_id, Commitment.component_id, *_counts()).join(
            commitment_cluster, commitment_cluster.c.commitment_id == Commitment.id
        ),
        f,
        on,
    ).group_by(Commitment.component_id, commitment_cluster.c.cluster_id)
    for cluster_id, component_id, *counts in session.execute(named):
        matrix.cells.setdefault((cluster_id, component_id), Cell()).add(*counts)
    everywhere = apply_filter(
        select(Commitment.component_id, *_counts()).where(Commitment.all_clusters.is_(True)), f, on
    ).group_by(Commitment.component_id)
    for component_id, *counts in session.execute(everywhere):
        for cluster_id, _name in matrix.rows:
            matrix.cells.setdefault((cluster_id, component_id), Cell()).add(*counts)
    return matrix


def partner_component_matrix(
    session: Session, f: CommitmentFilter | None = None, on=None
) -> Matrix:
    on, f = on or today_in(session), f or CommitmentFilter()
    query = apply_filter(
        select(Commitment.partner_id, Partner.name, Commitment.component_id, *_counts()).join(
            Partner, Partner.id == Commitment.partner_id
        ),
        f,
        on,
    ).group_by(Commitment.partner_id, Partner.name, Commitment.component_id)
    rows: dict[int, str] = {}
    matrix = Matrix(rows=[], columns=_components(session, f))
    for partner_id, name, component_id, *counts in session.execute(query):
        rows[partner_id] = name
        matrix.cells[(partner_id, component_id)] = Cell(*counts)
    matrix.rows = sorted(rows.items(), key=lambda item: fold(item[1]))
    return matrix


def by_partner(
    session: Session, f: CommitmentFilter | None = None, on=None
) -> list[PartnerSummary]:
    on, f = on or today_in(session), f or CommitmentFilter()
    late = int_sum(overdue_clause(on).cast(Integer))
    amount = int_sum(Commitment.amount_cop)
    query = apply_filter(
        select(Commitment.partner_id, Partner.name, *_counts(), late, amount).join(
            Partner, Partner.id == Commitment.partner_id
        ),
        f,
        on,
    ).group_by(Commitment.partner_id, Partner.name)
    rows = [PartnerSummary(*r) for r in session.execute(query)]
    return sorted(rows, key=lambda r: (-r.total, fold(r.name)))


def by_component(session: Session, f: CommitmentFilter | None = None, on=None) -> dict[int, Cell]:
    """Per component, every commitment once (the matrix counts it in each of its clusters)."""
    on, f = on or today_in(session), f or CommitmentFilter()
    query = apply_filter(select(Commitment.component_id, *_counts()), f, on)
    return {
        cid: Cell(*counts)
        for cid, *counts in session.execute(query.group_by(Commitment.component_id))
    }


def days_late(due: dt.date | None, on: dt.date) -> int:
    return (on - due).days if due else 0
