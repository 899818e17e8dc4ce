"""Figures of a period for the coordination report: status by component, completion dates,
new commitments, progress reported, commitments nobody updates, and coverage gaps.

Same rules as `summaries`: overdue is derived from the due date, a commitment for all clusters
counts in every cluster.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from sqlalchemy import Date, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.register import Commitment, HistoryEntry, Partner, ProgressUpdate
from pazos_desktop.domain.vocabulary import OVERDUE, Status
from pazos_desktop.services.commitments.search import (
    STATUS_ORDER,
    CommitmentFilter,
    apply_filter,
    effective_status_expr,
)
from pazos_desktop.services.components import list_components
from pazos_desktop.services.report.summaries import COMPLETED, cluster_component_matrix, int_sum

OPEN = [Status.PIPELINE.value, Status.IN_PROGRESS.value]
ACTIVE_STATUSES = [*OPEN, OVERDUE]  # what "an active commitment" means for coverage


def status_by_component(
    session: Session, f: CommitmentFilter | None = None, on=None
) -> dict[int, dict[str, int]]:
    """For each component id: commitments by the status users see (every status present)."""
    on, f = on or today_in(session), f or CommitmentFilter()
    expr = effective_status_expr(on)
    query = apply_filter(
        select(Commitment.component_id, expr, func.count(Commitment.id)), f, on
    ).group_by(Commitment.component_id, expr)
    out = {c.id: dict.fromkeys(STATUS_ORDER, 0) for c in list_components(session)}
    for component_id, status, n in session.execute(query):
        out.setdefault(component_id, dict.fromkeys(STATUS_ORDER, 0))[status] = n
    return out


def completion_date_expr(on: dt.date):
    """When a completed commitment was completed, never later than `on`:
    its last "completed" progress update; else the day its status was set to completed (the
    history), unless its due date had already passed then (entered late: the due date is the
    better guess); else its due date (else start date).

    The due date alone put in the current month every commitment completed ahead of time.
    """
    reported = (
        select(func.max(ProgressUpdate.date))
        .where(ProgressUpdate.commitment_id == Commitment.id, ProgressUpdate.status == COMPLETED)
        .scalar_subquery()
    )
    marked = (
        select(func.max(func.date(HistoryEntry.at)))
        .where(
            HistoryEntry.entity == "commitment",
            HistoryEntry.entity_id == Commitment.id,
            HistoryEntry.field == "status",
            HistoryEntry.new_value == COMPLETED,
        )
        .scalar_subquery()
    )
    estimate = case(
        (
            and_(Commitment.due_date.is_not(None), Commitment.due_date <= marked),
            Commitment.due_date,
        ),
        else_=func.coalesce(marked, Commitment.due_date, Commitment.start_date),
    )
    when = func.coalesce(reported, estimate)
    return case((when > on, literal(on, Date)), else_=when)


def completion_dates(
    session: Session, f: CommitmentFilter, date_from: dt.date, date_to: dt.date, on=None
) -> list[dt.date]:
    """Completion date of every commitment of `f` completed within the period."""
    on = on or today_in(session)
    when = completion_date_expr(on)
    query = apply_filter(select(when), f, on).where(Commitment.status == COMPLETED)
    query = query.where(when >= date_from, when <= date_to)
    return [_as_date(d) for d in session.scalars(query)]


def _as_date(value) -> dt.date:
    # SQLite hands back the CASE result as text: it has no date type of its own.
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


@dataclass
class MonthCount:
    year: int
    month: int
    count: int


def completed_by_month(
    session: Session, f: CommitmentFilter, date_from: dt.date, date_to: dt.date, on=None
) -> list[MonthCount]:
    """Commitments completed in each month of the period (months with none included)."""
    counts = Counter(
        (d.year, d.month) for d in completion_dates(session, f, date_from, date_to, on)
    )
    months, (year, month) = [], (date_from.year, date_from.month)
    while (year, month) <= (date_to.year, date_to.month):
        months.append(MonthCount(year, month, counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def started_between(
    session: Session, f: CommitmentFilter, date_from: dt.date, date_to: dt.date, on=None
) -> tuple[int, int]:
    """New commitments (start date in the period) and the COP they commit."""
    query = apply_filter(
        select(func.count(Commitment.id), int_sum(Commitment.amount_cop)),
        f,
        on or today_in(session),
    ).where(Commitment.start_date >= date_from, Commitment.start_date <= date_to)
    count, amount = session.execute(query).one()
    return int(count), int(amount)


def _progress_query(columns, f: CommitmentFilter, date_from, date_to, on):
    query = select(*columns).join(Commitment, Commitment.id == ProgressUpdate.commitment_id)
    query = apply_filter(query, f, on)
    return query.where(ProgressUpdate.date >= date_from, ProgressUpdate.date <= date_to)


def progress_count(
    session: Session, f: CommitmentFilter, date_from: dt.date, date_to: dt.date, on=None
) -> int:
    query = _progress_query(
        [func.count(ProgressUpdate.id)], f, date_from, date_to, on or today_in(session)
    )
    return int(session.scalar(query))


@dataclass
class ProgressRow:
    date: dt.date
    commitment_id: int
    title: str
    partner_name: str
    achieved_quantity: float | None
    target_quantity: float | None
    status: str | None
    comment: str | None
    source: str
    # Reported for a period whose report the coordination has not accepted (yet): marked in the
    # report (services/reporting/section.mark_unaccepted).
    unaccepted: bool = False


def progress_between(
    session: Session, f: CommitmentFilter, date_from: dt.date, date_to: dt.date, on=None
) -> list[ProgressRow]:
    """Every progress update reported in the period, newest first."""
    columns = [
        ProgressUpdate.date,
        Commitment.id,
        Commitment.title,
        Partner.name,
        ProgressUpdate.achieved_quantity,
        Commitment.target_quantity,
        ProgressUpdate.status,
        ProgressUpdate.comment,
        ProgressUpdate.source,
    ]
    query = _progress_query(columns, f, date_from, date_to, on or today_in(session))
    query = query.join(Partner, Partner.id == Commitment.partner_id)
    query = query.order_by(ProgressUpdate.date.desc(), ProgressUpdate.id.desc())
    return [ProgressRow(*row) for row in session.execute(query)]


def last_progress_by_partner(
    session: Session, f: CommitmentFilter | None = None, on=None
) -> dict[int, dt.date]:
    """Date of each partner's latest progress update (up to `on`) on commitments of `f`."""
    on, f = on or today_in(session), f or CommitmentFilter()
    query = select(Commitment.partner_id, func.max(ProgressUpdate.date)).join(
        Commitment, Commitment.id == ProgressUpdate.commitment_id
    )
    query = apply_filter(query, f, on).where(ProgressUpdate.date <= on)
    return dict(session.execute(query.group_by(Commitment.partner_id)).all())


@dataclass
class StaleCommitment:
    commitment_id: int
    last_update: dt.date | None  # None: never updated
    days: int  # since the last update (or the start, when never updated)


def stale_commitments(
    session: Session, f: CommitmentFilter | None = None, on=None, days: int = 60
) -> list[StaleCommitment]:
    """Open commitments with no progress update for `days` days (nor a start that recent)."""
    on, f = on or today_in(session), f or CommitmentFilter()
    cutoff = on - dt.timedelta(days=days)
    last = (
        select(ProgressUpdate.commitment_id, func.max(ProgressUpdate.date).label("last"))
        .where(ProgressUpdate.date <= on)
        .group_by(ProgressUpdate.commitment_id)
        .subquery()
    )
    never = and_(
        last.c.last.is_(None),
        or_(
            Commitment.start_date < cutoff,
            and_(Commitment.start_date.is_(None), Commitment.created_at < _midnight(cutoff)),
        ),
    )
    query = apply_filter(
        select(Commitment.id, last.c.last, Commitment.start_date, Commitment.created_at).outerjoin(
            last, last.c.commitment_id == Commitment.id
        ),
        f,
        on,
    ).where(Commitment.status.in_(OPEN), or_(last.c.last < cutoff, never))
    rows = [_stale(on, *row) for row in session.execute(query)]
    return sorted(rows, key=lambda r: (-r.days, r.commitment_id))


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _stale(on: dt.date, commitment_id, last, start, created) -> StaleCommitment:
    since = last or start or created.date()
    return StaleCommitment(commitment_id, last, (on - since).days)


@dataclass
class CoverageGaps:
    """Where nothing is active (proposed, in progress or overdue) within the filter."""

    clusters: list[str]
    components: list[str]
    cells: list[tuple[str, str]]  # (cluster, component) pairs with no active commitment


def coverage_gaps(session: Session, f: CommitmentFilter | None = None, on=None) -> CoverageGaps:
    on, f = on or today_in(session), f or CommitmentFilter()
    active = replace(f, statuses=ACTIVE_STATUSES)
    matrix = cluster_component_matrix(session, active, on)
    per_component = status_by_component(session, active, on)
    return CoverageGaps(
        clusters=[name for cid, name in matrix.rows if matrix.row_total(cid).total == 0],
        components=[
            name for cid, name in matrix.columns if sum(per_component.get(cid, {}).values()) == 0
        ],
        cells=[
            (row, column)
            for rid, row in matrix.rows
            for cid, column in matrix.columns
            if matrix.cell(rid, cid).total == 0
        ],
    )
