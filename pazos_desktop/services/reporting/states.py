"""Each partner's report per period: who is expected, the state of each report, and its steps.

Expected: every active partner with a commitment in force during the period (the report's
`active_clause`), cancelled ones apart, plus any partner whose report for it already has a
step. A report without a row is *Pendiente*; the steps write the row (and so the history):
sheet exported (*Enviado*), returned sheet imported (*Recibido*, the file kept), reviewed
(*Aceptado*, or *Devuelto* with remarks, after which a new sheet is *Recibido* again).
*Vencido* is derived from the due date, never stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.register import Commitment, Partner
from pazos_desktop.db.models.reporting import Evidence, PartnerReport, ReportRemark, StoredFile
from pazos_desktop.domain.records import PARTNER_REPORT, REPORT_REMARK
from pazos_desktop.domain.reporting import (
    ALLOWED_FROM,
    OVERDUE_REPORT,
    UNACCEPTED,
    Period,
    ReportState,
    effective_state,
    state_label,
)
from pazos_desktop.domain.vocabulary import Status
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.i18n import _
from pazos_desktop.services.commitments.search import active_clause
from pazos_desktop.services.common import Checker, check_version, get_or_fail
from pazos_desktop.services.reporting.periods import current_period, due_of, view_periods

RECEIVED = (ReportState.RECEIVED.value, ReportState.ACCEPTED.value)


@dataclass
class ReportLine:
    """One partner's report for one period, as the view, the command line and the review
    show it."""

    partner_id: int
    partner_name: str
    acronym: str | None
    period: Period
    due: dt.date
    stored: str  # the stored state ("pending" when no step was taken)
    state: str  # what users see: the stored one, or "overdue"
    report_id: int | None = None
    version: int | None = None
    sent_at: dt.datetime | None = None
    sent_to: str | None = None
    received_at: dt.datetime | None = None
    received_file: str | None = None
    decided_at: dt.datetime | None = None
    decided_by: str | None = None
    remark: str | None = None

    @property
    def label(self) -> str:
        return state_label(self.state)

    @property
    def short_name(self) -> str:
        return self.acronym or self.partner_name


# --- who is expected, and the states ----------------------------------------------------------


def expected_query(period: Period):
    """The partners expected to report for `period` (plain SQL, benchmarked bare)."""
    return (
        select(Commitment.partner_id)
        .join(Partner, Partner.id == Commitment.partner_id)
        .where(
            Partner.archived.is_(False),
            Commitment.status != Status.CANCELLED.value,
            active_clause(period.start, period.end),
        )
        .distinct()
    )


def expected_by_period(periods: list[Period]):
    """(period code, partner id) of every period at once: one statement for the grid."""
    parts = [
        expected_query(p).add_columns(literal(p.code).label("code")).order_by(None) for p in periods
    ]
    return union_all(*parts) if len(parts) > 1 else parts[0]


def reports_query(codes: list[str]):
    r = PartnerReport
    return select(r.partner_id, r.period_code, r.state).where(r.period_code.in_(codes))


@dataclass
class Grid:
    """Partners × periods: the *Reportes de los aliados* view."""

    on: dt.date
    periods: list[Period]
    dues: dict[str, dt.date]
    partners: list[tuple[int, str, str | None]]  # id, name, acronym; by name
    cells: dict[tuple[int, str], str] = field(default_factory=dict)  # -> effective state

    def state(self, partner_id: int, code: str) -> str | None:
        """None: the partner is not expected to report for that period."""
        return self.cells.get((partner_id, code))


def grid(session: Session, today: dt.date, periods: list[Period] | None = None) -> Grid:
    periods = periods if periods is not None else in_cycle(session, view_periods(session, today))
    dues = {p.code: due_of(session, p) for p in periods}
    cells: dict[tuple[int, str], str] = {}
    if periods:
        for partner_id, code in session.execute(expected_by_period(periods)):
            cells[(partner_id, code)] = ReportState.PENDING.value
        for partner_id, code, state in session.execute(reports_query([p.code for p in periods])):
            cells[(partner_id, code)] = state
    for (partner_id, code), state in cells.items():
        cells[(partner_id, code)] = effective_state(state, dues[code], today)
    wanted = {partner_id for partner_id, _code in cells}
    query = select(Partner.id, Partner.name, Partner.acronym).order_by(Partner.name_key)
    partners = [tuple(r) for r in session.execute(query) if r[0] in wanted]
    return Grid(today, periods, dues, partners, cells)


def in_cycle(session: Session, periods: list[Period]) -> list[Period]:
    """The periods since the cycle began (the first report with a step): months before the
    office used it would all read *Vencido*, which says nothing. Before any step, the two
    latest."""
    first = session.scalar(select(func.min(PartnerReport.period_start)))
    if first is None:
        return periods[:2]
    kept = [p for p in periods if p.end >= first]
    return kept if len(kept) >= 2 else periods[:2]


def period_lines(
    session: Session, period: Period, today: dt.date, partner_ids: Iterable[int] | None = None
) -> list[ReportLine]:
    """Every expected partner's report for `period`, by partner name."""
    due = due_of(session, period)
    rows = {r.partner_id: r for r in _reports(session, period.code)}
    ids = set(session.scalars(expected_query(period))) | set(rows)
    if partner_ids is not None:
        ids &= set(partner_ids)
    query = select(Partner.id, Partner.name, Partner.acronym).order_by(Partner.name_key)
    return [
        _line(pid, name, acronym, period, due, rows.get(pid), today)
        for pid, name, acronym in session.execute(query)
        if pid in ids
    ]


def _reports(session: Session, code: str) -> list[PartnerReport]:
    return list(session.scalars(select(PartnerReport).where(PartnerReport.period_code == code)))


def _line(pid, name, acronym, period, due, row: PartnerReport | None, today) -> ReportLine:
    stored = row.state if row is not None else ReportState.PENDING.value
    line = ReportLine(pid, name, acronym, period, due, stored, effective_state(stored, due, today))
    if row is not None:
        line.report_id, line.version = row.id, row.version
        line.sent_at, line.sent_to = row.sent_at, row.sent_to
        line.received_at, line.received_file = row.received_at, row.received_file
        line.decided_at, line.decided_by, line.remark = row.decided_at, row.decided_by, row.remark
    return line


def _line_of(session: Session, period: Period, row: PartnerReport, today: dt.date) -> ReportLine:
    partner = session.get(Partner, row.partner_id)  # loaded already: no query
    due = due_of(session, period)
    return _line(partner.id, partner.name, partner.acronym, period, due, row, today)


def report_line(session: Session, period: Period, partner_id: int, today: dt.date) -> ReportLine:
    partner = get_or_fail(session, Partner, partner_id, _("La entidad"))
    row = _find(session, period.code, partner_id)
    due = due_of(session, period)
    return _line(partner.id, partner.name, partner.acronym, period, due, row, today)


# --- the Panel's tile -------------------------------------------------------------------------


@dataclass
class Tile:
    period: Period | None
    due: dt.date | None = None
    expected: int = 0
    received: int = 0  # received or accepted
    overdue: int = 0
    returned: int = 0
    unaccepted: int = 0  # reports of any period received or sent back, not yet accepted
    evidence_bytes: int = 0


def tile(session: Session, today: dt.date) -> Tile:
    period = current_period(session, today)
    evidence, waiting = session.execute(select(_evidence_bytes(), _unaccepted())).one()
    out = Tile(period, evidence_bytes=int(evidence or 0), unaccepted=waiting)
    if period is None:
        return out
    out.due = due_of(session, period)
    states = _period_states(session, period, out.due, today)
    out.expected = len(states)
    out.received = sum(1 for s in states if s in RECEIVED)
    out.overdue = sum(1 for s in states if s == OVERDUE_REPORT)
    out.returned = sum(1 for s in states if s == ReportState.RETURNED)
    return out


def _period_states(session, period: Period, due: dt.date, today: dt.date) -> list[str]:
    stored = dict(
        session.execute(
            select(PartnerReport.partner_id, PartnerReport.state).where(
                PartnerReport.period_code == period.code
            )
        ).all()
    )
    ids = set(session.scalars(expected_query(period))) | set(stored)
    return [effective_state(stored.get(i, "pending"), due, today) for i in ids]


def _unaccepted():
    """Reports of any period received or sent back, not accepted yet."""
    query = select(func.count()).select_from(PartnerReport)
    states = [s.value for s in UNACCEPTED]
    return query.where(PartnerReport.state.in_(states)).scalar_subquery()


def _evidence_bytes():
    query = select(func.coalesce(func.sum(StoredFile.size), 0)).join(
        Evidence, Evidence.file_id == StoredFile.id
    )
    return query.scalar_subquery()


# --- the steps --------------------------------------------------------------------------------


def _find(session: Session, code: str, partner_id: int) -> PartnerReport | None:
    query = select(PartnerReport).where(
        PartnerReport.period_code == code, PartnerReport.partner_id == partner_id
    )
    return session.scalars(query).first()


def _report(session: Session, period: Period, partner_id: int) -> PartnerReport:
    """The partner's report row for `period`, created *Pendiente* on its first step."""
    row = _find(session, period.code, partner_id)
    if row is None:
        get_or_fail(session, Partner, partner_id, _("La entidad"))  # kept in the identity map
        row = PartnerReport(
            period_code=period.code,
            period_start=period.start,
            period_end=period.end,
            partner_id=partner_id,
            state=ReportState.PENDING.value,
        )
        session.add(row)
        session.flush()
    return row


def _allowed(session: Session, row: PartnerReport, action: str, extra=()) -> None:
    if row.state not in (*ALLOWED_FROM[action], *extra):
        partner = _partner_name(session, row.partner_id)
        messages = {
            "send": _(
                "El reporte de {partner} para {period} ya está «{state}»: se exportó la hoja "
                "sin cambiar su estado."
            ),
            "receive": _(
                "El reporte de {partner} para {period} ya fue aceptado; una hoja nueva solo se "
                "aplica si la marca en la vista previa."
            ),
            "accept": _(
                "El reporte de {partner} para {period} está «{state}»: solo se acepta un "
                "reporte recibido."
            ),
            "return": _(
                "El reporte de {partner} para {period} está «{state}»: solo se devuelve un "
                "reporte recibido."
            ),
        }
        raise PazosError(
            messages[action].format(
                partner=partner, period=row.period_code, state=state_label(row.state)
            )
        )


def _partner_name(session: Session, partner_id: int) -> str:
    return session.scalar(select(Partner.name).where(Partner.id == partner_id)) or "?"


def mark_sent(session: Session, period: Period, sent: list[tuple[int, str, str]]) -> int:
    """Sheets exported for `period`: (partner id, to whom, file name) each. A report already
    received or reviewed keeps its state (its sheet was sent again); returns how many became
    *Enviado*."""
    run, count = run_of(session), 0
    for partner_id, to, file_name in sent:
        row = _report(session, period, partner_id)
        row.sent_at, row.sent_to, row.sent_file = run.utc, (to or "")[:500], file_name[:300]
        if row.state in ALLOWED_FROM["send"]:
            row.state = ReportState.SENT.value
            count += 1
    session.flush()
    return count


def record_reception(
    session: Session,
    period: Period,
    partner_id: int,
    file_name: str,
    reopen_accepted: bool = False,
) -> PartnerReport:
    """A returned sheet of `period` was imported: the report is *Recibido* (again, after it
    went back). An accepted report takes a new sheet only when the user chose to."""
    row = _report(session, period, partner_id)
    extra = (ReportState.ACCEPTED.value,) if reopen_accepted else ()
    _allowed(session, row, "receive", extra)
    run = run_of(session)
    row.state = ReportState.RECEIVED.value
    row.received_at, row.received_file = run.utc, file_name[:300]
    session.flush()
    return row


def accept(
    session: Session, period: Period, partner_id: int, version: int | None = None
) -> ReportLine:
    row = _report(session, period, partner_id)
    check_version(row, version, _("El reporte"))
    _allowed(session, row, "accept")
    run = run_of(session)
    row.state = ReportState.ACCEPTED.value
    row.decided_at, row.decided_by = run.utc, run.actor
    session.flush()
    return _line_of(session, period, row, run.today)


def send_back(
    session: Session,
    period: Period,
    partner_id: int,
    remark: str | None,
    remarks: dict[int, str] | None = None,
    version: int | None = None,
) -> ReportLine:
    """*Devuelto*: the general remark and one per commitment (the sheet written again shows
    them in *Observaciones de la coordinación*)."""
    c = Checker()
    general = c.field(PARTNER_REPORT["remark"], remark)
    rows = {}
    for commitment_id, text in (remarks or {}).items():
        value = c.field(REPORT_REMARK["remark"], text, "remarks") if text else None
        if value:
            rows[int(commitment_id)] = value
    if not general and not rows and "remark" not in c.errors:
        c.fail("remark", _("Observaciones: escriba qué debe corregir la entidad."))
    c.raise_if_any()
    row = _report(session, period, partner_id)
    check_version(row, version, _("El reporte"))
    _allowed(session, row, "return")
    _check_commitments(session, partner_id, rows)
    run = run_of(session)
    row.state, row.remark = ReportState.RETURNED.value, general
    row.decided_at, row.decided_by = run.utc, run.actor
    row.remarks = [ReportRemark(commitment_id=cid, remark=text) for cid, text in rows.items()]
    session.flush()
    return _line_of(session, period, row, run.today)


def _check_commitments(session: Session, partner_id: int, rows: dict[int, str]) -> None:
    if not rows:
        return
    query = select(Commitment.id).where(
        Commitment.id.in_(list(rows)), Commitment.partner_id == partner_id
    )
    missing = set(rows) - set(session.scalars(query))
    if missing:
        raise ValidationError(
            {
                "remarks": _("Observaciones: el compromiso {id} no es de esta entidad.").format(
                    id=min(missing)
                )
            }
        )


def remarks_of(session: Session, period_code: str, partner_id: int) -> dict[int, str]:
    """The remarks per commitment of the report's latest send-back."""
    row = _find(session, period_code, partner_id)
    return {r.commitment_id: r.remark for r in row.remarks} if row is not None else {}
