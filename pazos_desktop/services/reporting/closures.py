"""Closed periods: the one rule every door calls before it adds, changes or deletes a progress
update, and what the reports read of them.

A progress update dated inside a closed period cannot be added, changed or deleted: not in the
window's editor (`services/commitments/editing.add_progress`), not at a meeting's follow-up
(`services/meetings/followup.py`), not by a returned sheet (`excel/partner/returned.py`,
`apply.py`), not by the bulk import (`excel/bulk/`, whose changes of a commitment's achieved
figure or status are dated on the day of the import). Each says which period is closed, by whom
and when. A closure for some clusters holds for the commitments acting in any of them (a
commitment of all clusters acts in every one).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pazos_desktop.db.models.register import Commitment, commitment_cluster
from pazos_desktop.db.models.reporting import PeriodClosure
from pazos_desktop.domain.formats import format_date, format_moment
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _

CHUNK = 5_000
Item = tuple[int, dt.date]  # (commitment id, the progress update's date)


@dataclass
class ClosureData:
    id: int
    period_code: str
    start: dt.date
    end: dt.date
    cluster_ids: list[int]
    cluster_names: list[str]
    reason: str
    closed_at: dt.datetime
    closed_by: str
    reopened_at: dt.datetime | None = None
    reopened_by: str | None = None
    reopen_reason: str | None = None
    frozen: bool = False
    version: int = 1

    @property
    def active(self) -> bool:
        return self.reopened_at is None

    @property
    def scope(self) -> str:
        if not self.cluster_names:
            return _("todos los clústeres")
        return ", ".join(self.cluster_names)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def message(self, day: dt.date) -> str:
        """What a door says when it refuses a progress update of `day`."""
        return _(
            "El periodo {period} ({scope}) está cerrado: lo cerró {who} el {when} ({reason}). "
            "No se puede registrar, cambiar ni borrar un avance con fecha del {day}."
        ).format(
            period=self.period_code,
            scope=self.scope,
            who=self.closed_by or "?",
            when=format_moment(self.closed_at),
            reason=self.reason,
            day=format_date(day),
        )


def closure_data(c: PeriodClosure) -> ClosureData:
    return ClosureData(
        id=c.id,
        period_code=c.period_code,
        start=c.period_start,
        end=c.period_end,
        cluster_ids=[cl.id for cl in c.clusters],
        cluster_names=[cl.name for cl in c.clusters],
        reason=c.reason,
        closed_at=c.closed_at,
        closed_by=c.closed_by or "",
        reopened_at=c.reopened_at,
        reopened_by=c.reopened_by,
        reopen_reason=c.reopen_reason,
        frozen=c.frozen_report is not None,
        version=c.version,
    )


def closures_between(
    session: Session, date_from: dt.date, date_to: dt.date, active_only: bool = True
) -> list[ClosureData]:
    """Closures of periods that overlap [date_from, date_to], oldest first."""
    query = (
        select(PeriodClosure)
        .where(PeriodClosure.period_start <= date_to, PeriodClosure.period_end >= date_from)
        .options(selectinload(PeriodClosure.clusters))
        .order_by(PeriodClosure.period_start, PeriodClosure.id)
    )
    if active_only:
        query = query.where(PeriodClosure.reopened_at.is_(None))
    return [closure_data(c) for c in session.scalars(query)]


def list_closures(session: Session) -> list[ClosureData]:
    query = (
        select(PeriodClosure)
        .options(selectinload(PeriodClosure.clusters))
        .order_by(PeriodClosure.period_start.desc(), PeriodClosure.id.desc())
    )
    return [closure_data(c) for c in session.scalars(query)]


# --- the rule ---------------------------------------------------------------------------------


def closed_problems(session: Session, items: Iterable[Item]) -> dict[Item, str]:
    """For each (commitment, date) that falls in a closed period, the door's message; the
    items that are free are absent. One query when nothing is closed around those dates."""
    items = list({(cid, day) for cid, day in items if cid is not None and day is not None})
    if not items:
        return {}
    days = [day for _cid, day in items]
    closures = closures_between(session, min(days), max(days))
    if not closures:
        return {}
    scoped = any(c.cluster_ids for c in closures)
    reach = _reach(session, {cid for cid, _day in items}) if scoped else {}
    found: dict[Item, str] = {}
    for cid, day in items:
        for closure in closures:
            if closure.covers(day) and _applies(closure, reach.get(cid)):
                found[(cid, day)] = closure.message(day)
                break
    return found


def refuse_closed(session: Session, items: Iterable[Item]) -> None:
    """Raise the message of the first item that falls in a closed period."""
    problems = closed_problems(session, items)
    if problems:
        raise PazosError(next(iter(problems.values())))


@dataclass
class _Reach:
    everywhere: bool
    clusters: set[int] = field(default_factory=set)


def _applies(closure: ClosureData, reach: _Reach | None) -> bool:
    if not closure.cluster_ids or reach is None:
        return True  # closed for every cluster, or a commitment we know nothing about
    return reach.everywhere or bool(reach.clusters & set(closure.cluster_ids))


def _reach(session: Session, ids: set[int]) -> dict[int, _Reach]:
    """Where each commitment acts: every cluster, or the ones it names."""
    out: dict[int, _Reach] = {}
    links: dict[int, set[int]] = defaultdict(set)
    wanted = sorted(ids)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        query = select(Commitment.id, Commitment.all_clusters).where(Commitment.id.in_(chunk))
        for cid, everywhere in session.execute(query):
            out[cid] = _Reach(bool(everywhere))
        link = commitment_cluster.c
        query = select(link.commitment_id, link.cluster_id).where(link.commitment_id.in_(chunk))
        for cid, cluster_id in session.execute(query):
            links[cid].add(cluster_id)
    for cid, reach in out.items():
        reach.clusters = links.get(cid, set())
    return out


# --- what reports read ------------------------------------------------------------------------


def frozen_for(
    session: Session, date_from: dt.date, date_to: dt.date, cluster_ids: list[int]
) -> tuple[ClosureData, str] | None:
    """The report frozen when the period [date_from, date_to] was closed for these clusters
    (none: all of them), while that closure holds."""
    query = (
        select(PeriodClosure)
        .where(
            PeriodClosure.period_start == date_from,
            PeriodClosure.period_end == date_to,
            PeriodClosure.reopened_at.is_(None),
            PeriodClosure.frozen_report.is_not(None),
        )
        .options(selectinload(PeriodClosure.clusters))
        .order_by(PeriodClosure.id.desc())
    )
    for closure in session.scalars(query):
        if sorted(cl.id for cl in closure.clusters) == sorted(cluster_ids):
            return closure_data(closure), closure.frozen_report
    return None
