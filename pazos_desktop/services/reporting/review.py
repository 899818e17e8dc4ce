"""What a partner reported for a period, beside the previous period: the coordinator's review.

One row per commitment of the partner in force during the period: the latest figure and status
reported in the previous period and in this one, this period's comments and evidence, and the
remark the coordination wrote when it last sent the report back. Rows with news come first.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.register import Commitment, ProgressUpdate
from pazos_desktop.db.models.reporting import StoredFile
from pazos_desktop.domain.reporting import Period, previous_period
from pazos_desktop.domain.vocabulary import Status
from pazos_desktop.services.commitments.search import active_clause
from pazos_desktop.services.reporting import states
from pazos_desktop.services.reporting.evidence import EvidenceData, list_evidence
from pazos_desktop.services.reporting.periods import custom_periods, cycle_settings
from pazos_desktop.services.reporting.stored import StoredData


@dataclass
class Reported:
    """The latest update of a commitment within a period (None where nothing was reported)."""

    achieved: float | None = None
    status: str | None = None
    date: dt.date | None = None
    comments: list[str] = field(default_factory=list)
    updates: int = 0


@dataclass
class ReviewRow:
    commitment_id: int
    title: str
    unit: str | None
    target: float | None
    previous: Reported
    current: Reported
    evidence: list[EvidenceData] = field(default_factory=list)
    remark: str = ""

    @property
    def has_news(self) -> bool:
        return self.current.updates > 0


@dataclass
class Review:
    line: states.ReportLine
    previous: Period
    rows: list[ReviewRow]
    files: list[StoredData]  # the sheets received for this report, newest first


def before(session: Session, period: Period) -> Period:
    """The period before `period`, of the frequency in use."""
    frequency = cycle_settings(session).frequency
    if frequency == "custom":
        earlier = [p for p in custom_periods(session) if p.end < period.start]
        if earlier:
            return max(earlier, key=lambda p: p.end)
    return previous_period("quarterly" if frequency == "quarterly" else "monthly", period)


def load_review(session: Session, period: Period, partner_id: int) -> Review:
    today = today_in(session)
    line = states.report_line(session, period, partner_id, today)
    earlier = before(session, period)
    commitments = _commitments(session, period, partner_id)
    updates = _updates(session, list(commitments), earlier.start, period.end)
    evidence = defaultdict(list)
    ids = [u.id for u in updates if period.contains(u.date)]
    for item in list_evidence(session, progress_ids=ids):
        evidence[item.commitment_id].append(item)
    remarks = states.remarks_of(session, period.code, partner_id)
    rows = []
    for cid, (title, unit, target) in commitments.items():
        mine = [u for u in updates if u.commitment_id == cid]
        rows.append(
            ReviewRow(
                cid,
                title,
                unit,
                target,
                _reported([u for u in mine if earlier.contains(u.date)]),
                _reported([u for u in mine if period.contains(u.date)]),
                evidence.get(cid, []),
                remarks.get(cid, ""),
            )
        )
    rows.sort(key=lambda r: (not r.has_news, r.title.lower(), r.commitment_id))
    return Review(line, earlier, rows, _files(session, line.report_id))


def _commitments(session: Session, period: Period, partner_id: int) -> dict[int, tuple]:
    c = Commitment
    query = (
        select(c.id, c.title, c.unit, c.target_quantity)
        .where(
            c.partner_id == partner_id,
            c.status != Status.CANCELLED.value,
            active_clause(period.start, period.end),
        )
        .order_by(c.id)
    )
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}


def _updates(session: Session, ids: list[int], start: dt.date, end: dt.date):
    p = ProgressUpdate
    query = (
        select(p)
        .where(p.commitment_id.in_(ids or [-1]), p.date >= start, p.date <= end)
        .order_by(p.date, p.id)
    )
    return list(session.scalars(query))


def _reported(updates: list[ProgressUpdate]) -> Reported:
    out = Reported(updates=len(updates))
    for u in updates:  # oldest first: the latest figure and status win
        if u.achieved_quantity is not None:
            out.achieved = u.achieved_quantity
        if u.status is not None:
            out.status = u.status
        if u.comment:
            out.comments.append(u.comment)
        out.date = u.date
    return out


def _files(session: Session, report_id: int | None) -> list[StoredData]:
    if report_id is None:
        return []
    f = StoredFile
    query = (
        select(f.id, f.name, f.media_type, f.size, f.sha256)
        .where(f.report_id == report_id)
        .order_by(f.id.desc())
    )
    return [StoredData(*row) for row in session.execute(query)]
