"""The reporting cycle's section of the coordination report: the partners' reports of each
period in the report's dates, the reports received but not accepted (their figures are marked
in the progress list), and the periods closed and reopened."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Commitment, Partner
from pazos_desktop.db.models.reporting import PartnerReport
from pazos_desktop.domain.reporting import (
    OVERDUE_REPORT,
    UNACCEPTED,
    Frequency,
    Period,
    ReportState,
    period_containing,
    previous_period,
)
from pazos_desktop.services.reporting import states
from pazos_desktop.services.reporting.closures import ClosureData, closures_between
from pazos_desktop.services.reporting.periods import custom_periods, cycle_settings, due_of

MAX_PERIODS = 24
CHUNK = 5_000


@dataclass
class PeriodCount:
    code: str
    label: str
    start: dt.date
    end: dt.date
    due: dt.date
    counts: dict[str, int] = field(default_factory=dict)  # effective state -> partners

    @property
    def expected(self) -> int:
        return sum(self.counts.values())

    @property
    def received(self) -> int:
        return self.counts.get("received", 0) + self.counts.get("accepted", 0)


@dataclass
class UnacceptedLine:
    partner_name: str
    period_code: str
    state: str
    received_at: dt.datetime | None


@dataclass
class ReportingSection:
    periods: list[PeriodCount]
    unaccepted: list[UnacceptedLine]
    closures: list[ClosureData]
    frozen_from: ClosureData | None = None  # set when the report is a closed period's, as kept


def periods_between(session: Session, date_from: dt.date, date_to: dt.date) -> list[Period]:
    """The reporting periods overlapping [date_from, date_to], oldest first."""
    settings = cycle_settings(session)
    if settings.frequency == Frequency.CUSTOM:
        found = [p for p in custom_periods(session) if p.start <= date_to and p.end >= date_from]
        return sorted(found, key=lambda p: p.start)[-MAX_PERIODS:]
    out = [period_containing(settings.frequency, date_to)]
    while out[-1].start > date_from and len(out) < MAX_PERIODS:
        out.append(previous_period(settings.frequency, out[-1]))
    return list(reversed(out))


def gather_section(
    session: Session, date_from: dt.date, date_to: dt.date, on: dt.date, partner_ids: list[int]
) -> ReportingSection:
    periods = periods_between(session, date_from, date_to)
    counts = []
    for period in periods:
        lines = states.period_lines(session, period, on, partner_ids or None)
        tally: dict[str, int] = defaultdict(int)
        for line in lines:
            tally[line.state] += 1
        counts.append(
            PeriodCount(
                period.code, period.label, period.start, period.end, due_of(session, period), tally
            )
        )
    return ReportingSection(
        periods=counts,
        unaccepted=_unaccepted(session, date_from, date_to, partner_ids),
        closures=closures_between(session, date_from, date_to, active_only=False),
    )


def _unaccepted_query(date_from: dt.date, date_to: dt.date, partner_ids: list[int]):
    r = PartnerReport
    query = (
        select(Partner.name, r.period_code, r.state, r.received_at, r.partner_id)
        .join(Partner, Partner.id == r.partner_id)
        .where(
            r.state.in_([s.value for s in UNACCEPTED]),
            r.period_start <= date_to,
            r.period_end >= date_from,
        )
        .order_by(r.period_start, Partner.name_key)
    )
    return query.where(r.partner_id.in_(partner_ids)) if partner_ids else query


def _unaccepted(session, date_from, date_to, partner_ids) -> list[UnacceptedLine]:
    query = _unaccepted_query(date_from, date_to, partner_ids)
    return [UnacceptedLine(*row[:4]) for row in session.execute(query)]


def mark_unaccepted(session: Session, rows: list, date_from: dt.date, date_to: dt.date) -> None:
    """Set `unaccepted` on the progress rows (services/report/period.ProgressRow) dated in a
    period whose report its partner sent and the coordination has not accepted."""
    r = PartnerReport
    query = select(r.partner_id, r.period_start, r.period_end).where(
        r.state.in_([s.value for s in UNACCEPTED]),
        r.period_start <= date_to,
        r.period_end >= date_from,
    )
    spans: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for partner_id, start, end in session.execute(query):
        spans[partner_id].append((start, end))
    if not spans or not rows:
        return
    owners = _owners(session, sorted({row.commitment_id for row in rows}))
    for row in rows:
        periods = spans.get(owners.get(row.commitment_id), [])
        row.unaccepted = any(start <= row.date <= end for start, end in periods)


def _owners(session: Session, ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(Commitment.id, Commitment.partner_id).where(
            Commitment.id.in_(ids[start : start + CHUNK])
        )
        out.update(session.execute(query).all())
    return out


STATE_ORDER = [
    ReportState.ACCEPTED.value,
    ReportState.RECEIVED.value,
    ReportState.RETURNED.value,
    ReportState.SENT.value,
    ReportState.PENDING.value,
    OVERDUE_REPORT,
]
