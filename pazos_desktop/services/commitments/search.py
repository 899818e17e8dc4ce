"""Commitment search: filters, sorting and paging done in SQL, rows built only for a page."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from pazos_desktop.clock import today_in
from pazos_desktop.db.idsets import among
from pazos_desktop.db.models.register import (
    Cluster,
    Commitment,
    Component,
    Contact,
    Partner,
    Program,
    commitment_cluster,
)
from pazos_desktop.domain.text import fold
from pazos_desktop.domain.vocabulary import OPEN_STATUSES, OVERDUE, Status, effective_status
from pazos_desktop.i18n import _
from pazos_desktop.services.components import component_name_column

OPEN = [s.value for s in OPEN_STATUSES]


@dataclass
class CommitmentFilter:
    partner_ids: list[int] = field(default_factory=list)
    cluster_ids: list[int] = field(default_factory=list)
    component_ids: list[int] = field(default_factory=list)
    program_ids: list[int] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)  # stored statuses and/or "overdue"
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    text: str | None = None
    include_archived_partners: bool = True
    # In force during [active_from, active_to]: see `active_clause`.
    active_from: dt.date | None = None
    active_to: dt.date | None = None


@dataclass
class CommitmentRow:
    id: int
    partner_id: int
    partner_name: str
    component_id: int
    component_name: str
    clusters: str
    title: str
    unit: str | None
    target_quantity: float | None
    achieved_quantity: float
    amount_cop: int | None
    start_date: dt.date | None
    due_date: dt.date | None
    status: str
    effective_status: str
    program_name: str | None
    contact_name: str | None
    version: int

    @property
    def percent(self) -> float | None:
        if not self.target_quantity:
            return None
        return min(100.0, 100.0 * self.achieved_quantity / self.target_quantity)


@dataclass
class Page:
    rows: list[CommitmentRow]
    total: int


def overdue_clause(on: dt.date):
    return and_(Commitment.status.in_(OPEN), Commitment.due_date < on)


def effective_status_expr(on: dt.date):
    return case((overdue_clause(on), literal(OVERDUE)), else_=Commitment.status)


def cluster_clause(cluster_ids: list[int]):
    """A commitment covers a cluster when it names it or covers all clusters."""
    # An alias, so that queries already joining commitment_cluster do not swallow it.
    link = commitment_cluster.alias("cluster_filter")
    named = exists().where(
        link.c.commitment_id == Commitment.id, link.c.cluster_id.in_(cluster_ids)
    )
    return or_(Commitment.all_clusters.is_(True), named)


def active_clause(date_from: dt.date | None, date_to: dt.date | None):
    """In force during the period: started by its end, and due inside or after it or still open.

    A commitment still open after its due date stays in every later period (it is overdue),
    so a report never loses what is late.
    """
    clauses = []
    if date_to is not None:
        clauses.append(or_(Commitment.start_date.is_(None), Commitment.start_date <= date_to))
    if date_from is not None:
        clauses.append(
            or_(
                Commitment.due_date.is_(None),
                Commitment.due_date >= date_from,
                Commitment.status.in_(OPEN),
            )
        )
    return and_(*clauses)


def apply_filter(query: Select, f: CommitmentFilter, on: dt.date) -> Select:
    if f.partner_ids:
        query = query.where(Commitment.partner_id.in_(f.partner_ids))
    if f.component_ids:
        query = query.where(Commitment.component_id.in_(f.component_ids))
    if f.program_ids:
        query = query.where(Commitment.program_id.in_(f.program_ids))
    if f.cluster_ids:
        query = query.where(cluster_clause(f.cluster_ids))
    if f.statuses:
        query = query.where(effective_status_expr(on).in_(f.statuses))
    if f.due_from:
        query = query.where(Commitment.due_date >= f.due_from)
    if f.due_to:
        query = query.where(Commitment.due_date <= f.due_to)
    if f.active_from is not None or f.active_to is not None:
        query = query.where(active_clause(f.active_from, f.active_to))
    if not f.include_archived_partners:
        query = query.where(
            Commitment.partner_id.in_(select(Partner.id).where(Partner.archived.is_(False)))
        )
    for word in fold(f.text).split():
        query = query.where(
            or_(
                Commitment.search_key.contains(word, autoescape=True),
                Commitment.partner_id.in_(
                    select(Partner.id).where(
                        or_(
                            Partner.name_key.contains(word, autoescape=True),
                            func.lower(Partner.acronym).contains(word, autoescape=True),
                        )
                    )
                ),
            )
        )
    return query


def _first_cluster_name():
    return (
        select(func.min(Cluster.name))
        .join(commitment_cluster, commitment_cluster.c.cluster_id == Cluster.id)
        .where(commitment_cluster.c.commitment_id == Commitment.id)
        .scalar_subquery()
    )


def _partner_name():
    return select(Partner.name_key).where(Partner.id == Commitment.partner_id).scalar_subquery()


def _component_name():
    col = component_name_column()
    return select(col).where(Component.id == Commitment.component_id).scalar_subquery()


SORT_KEYS = {
    "id": lambda on: Commitment.id,
    "partner": lambda on: _partner_name(),
    "component": lambda on: _component_name(),
    "clusters": lambda on: case(
        (Commitment.all_clusters.is_(True), ""), else_=_first_cluster_name()
    ),
    "title": lambda on: func.lower(Commitment.title),
    "target": lambda on: Commitment.target_quantity,
    "achieved": lambda on: Commitment.achieved_quantity,
    "amount": lambda on: Commitment.amount_cop,
    "start_date": lambda on: Commitment.start_date,
    "due_date": lambda on: Commitment.due_date,
    "status": lambda on: effective_status_expr(on),
}


def ordered_ids_query(f: CommitmentFilter, sort: str, descending: bool, on: dt.date):
    key = SORT_KEYS.get(sort, SORT_KEYS["id"])(on)
    order = [key.desc() if descending else key.asc(), Commitment.id]
    return apply_filter(select(Commitment.id), f, on).order_by(*order)


def commitment_ids(
    session: Session, f: CommitmentFilter, sort="due_date", descending=False, on=None
) -> list[int]:
    """Every matching id in order: cheap enough at 20,000 rows for a lazily built table."""
    on = on or today_in(session)
    return list(session.scalars(ordered_ids_query(f, sort, descending, on)))


def count_commitments(session: Session, f: CommitmentFilter, on=None) -> int:
    query = apply_filter(select(func.count(Commitment.id)), f, on or today_in(session))
    return session.scalar(query)


def search_commitments(
    session: Session,
    f: CommitmentFilter,
    sort="due_date",
    descending=False,
    offset=0,
    limit=100,
    on=None,
) -> Page:
    on = on or today_in(session)
    ids = list(
        session.scalars(ordered_ids_query(f, sort, descending, on).offset(offset).limit(limit))
    )
    return Page(rows=commitment_rows(session, ids, on), total=count_commitments(session, f, on))


def commitment_rows(
    session: Session, ids: list[int], on=None, first_clusters: list[int] | None = None
) -> list[CommitmentRow]:
    """Rows for these ids, in the same order; their clusters named `first_clusters` first (a
    list filtered for a cluster shows it where a narrow column can show it)."""
    if not ids:
        return []
    on = on or today_in(session)
    query = (
        select(
            Commitment.id,
            Commitment.partner_id,
            Partner.name,
            Commitment.component_id,
            component_name_column(),
            Commitment.all_clusters,
            Commitment.title,
            Commitment.unit,
            Commitment.target_quantity,
            Commitment.achieved_quantity,
            Commitment.amount_cop,
            Commitment.start_date,
            Commitment.due_date,
            Commitment.status,
            Program.name,
            Contact.name,
            Commitment.version,
        )
        .join(Partner, Partner.id == Commitment.partner_id)
        .join(Component, Component.id == Commitment.component_id)
        .outerjoin(Program, Program.id == Commitment.program_id)
        .outerjoin(Contact, Contact.id == Commitment.contact_id)
        .where(Commitment.id.in_(ids))
    )
    clusters = cluster_names(session, ids, first_clusters)
    by_id = {}
    for r in session.execute(query):
        names = _("Todos los clústeres") if r.all_clusters else ", ".join(clusters.get(r.id, []))
        by_id[r.id] = CommitmentRow(
            id=r.id,
            partner_id=r.partner_id,
            partner_name=r[2],
            component_id=r.component_id,
            component_name=r[4],
            clusters=names,
            title=r.title,
            unit=r.unit,
            target_quantity=r.target_quantity,
            achieved_quantity=r.achieved_quantity,
            amount_cop=r.amount_cop,
            start_date=r.start_date,
            due_date=r.due_date,
            status=r.status,
            effective_status=effective_status(r.status, r.due_date, on),
            program_name=r[14],
            contact_name=r[15],
            version=r.version,
        )
    return [by_id[i] for i in ids if i in by_id]


def cluster_names(
    session: Session, ids: list[int], first: list[int] | None = None
) -> dict[int, list[str]]:
    """Each commitment's cluster names, by name; those of `first` before the others."""
    query = (
        select(commitment_cluster.c.commitment_id, Cluster.id, Cluster.name)
        .join(Cluster, Cluster.id == commitment_cluster.c.cluster_id)
        .where(among(commitment_cluster.c.commitment_id, ids))
        .order_by(Cluster.name)
    )
    wanted = set(first or ())
    rows = sorted(session.execute(query), key=lambda r: r.id not in wanted)  # stable: by name
    names: dict[int, list[str]] = defaultdict(list)
    for commitment_id, _cluster_id, name in rows:
        names[commitment_id].append(name)
    return names


def overdue(session: Session, on=None, limit: int | None = None, f=None) -> list[CommitmentRow]:
    on = on or today_in(session)
    f = f or CommitmentFilter()
    query = apply_filter(select(Commitment.id), f, on).where(overdue_clause(on))
    query = query.order_by(Commitment.due_date, Commitment.id).limit(limit)
    return commitment_rows(session, list(session.scalars(query)), on)


def due_soon(
    session: Session, on=None, days: int = 30, limit: int | None = None, f=None
) -> list[CommitmentRow]:
    on = on or today_in(session)
    f = f or CommitmentFilter()
    query = (
        apply_filter(select(Commitment.id), f, on)
        .where(Commitment.status.in_(OPEN))
        .where(Commitment.due_date >= on, Commitment.due_date <= on + dt.timedelta(days=days))
        .order_by(Commitment.due_date, Commitment.id)
        .limit(limit)
    )
    return commitment_rows(session, list(session.scalars(query)), on)


STATUS_ORDER = [*(s.value for s in Status), OVERDUE]
