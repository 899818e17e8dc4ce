"""The coordination report (informe de coordinación): every figure of a period, gathered once.

`gather_report()` runs all the queries and returns one plain `CoordinationReport`; the PDF and
Excel writers only read it. Statuses are those of the reference date `on` (today by default);
"commitments of the period" are those in force during it (`search.active_clause`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.domain.vocabulary import DUE_SOON_DAYS, OVERDUE
from pazos_desktop.errors import ValidationError
from pazos_desktop.i18n import _
from pazos_desktop.services.commitments.search import (
    CommitmentFilter,
    CommitmentRow,
    commitment_rows,
    due_soon,
    overdue,
)
from pazos_desktop.services.components import list_components
from pazos_desktop.services.indicators.report import IndicatorSection, gather_section
from pazos_desktop.services.report import period as pf
from pazos_desktop.services.report.filters import names_of
from pazos_desktop.services.report.summaries import (
    Cell,
    Matrix,
    by_partner,
    cluster_component_matrix,
    committed_amount,
    days_late,
    overall,
    partner_component_matrix,
    status_totals,
)
from pazos_desktop.services.reporting import frozen
from pazos_desktop.services.reporting.closures import ClosureData, frozen_for
from pazos_desktop.services.reporting.section import ReportingSection, mark_unaccepted
from pazos_desktop.services.reporting.section import gather_section as reporting_section
from pazos_desktop.services.settings import all_settings

STALE_DAYS = 60


@dataclass
class ReportRequest:
    date_from: dt.date
    date_to: dt.date
    partner_ids: list[int] = field(default_factory=list)
    cluster_ids: list[int] = field(default_factory=list)
    component_ids: list[int] = field(default_factory=list)
    on: dt.date | None = None  # reference date for statuses, overdue and due soon
    stale_days: int = STALE_DAYS
    due_soon_days: int = DUE_SOON_DAYS
    include_progress: bool = True  # the list of every progress update (pages of it, often)

    def base_filter(self) -> CommitmentFilter:
        return CommitmentFilter(
            partner_ids=list(self.partner_ids),
            cluster_ids=list(self.cluster_ids),
            component_ids=list(self.component_ids),
        )


@dataclass
class PeriodFigures:
    date_from: dt.date
    date_to: dt.date
    active: int  # commitments in force during the period
    new: int  # start date inside the period
    new_amount_cop: int
    completed: int  # completion date inside the period
    progress_updates: int


@dataclass
class Summary:
    status_totals: dict[str, int]
    overall: Cell
    overdue: int
    due_soon: int
    committed_cop: int
    current: PeriodFigures
    previous: PeriodFigures
    # Commitments of the period that were completed within it: `overall.completed` counts
    # them by status on the report's day, `current.completed` by completion date.
    completed_within: int = 0


@dataclass
class PartnerLine:
    partner_id: int
    name: str
    total: int
    completed: int
    cancelled: int
    overdue: int
    amount_cop: int
    last_progress: dt.date | None

    @property
    def percent(self) -> float | None:
        return Cell(self.total, self.completed, self.cancelled).percent


@dataclass
class LateLine:
    row: CommitmentRow
    days_late: int


@dataclass
class StaleLine:
    row: CommitmentRow
    last_update: dt.date | None
    days: int


@dataclass
class ComponentStatus:
    component_id: int
    name: str
    counts: dict[str, int]


@dataclass
class CoordinationReport:
    request: ReportRequest
    on: dt.date  # the reference date of statuses (--on)
    generated_on: dt.date  # the day the report was made
    settings: dict[str, str]
    filters: dict[str, list[str]]  # "clusters"/"components"/"partners" -> names chosen
    summary: Summary
    cluster_matrix: Matrix
    partner_matrix: Matrix
    status_by_component: list[ComponentStatus]
    completed_by_month: list[pf.MonthCount]
    partners: list[PartnerLine]
    overdue: list[LateLine]
    due_soon: list[CommitmentRow]
    progress: list[pf.ProgressRow]
    stale: list[StaleLine]
    gaps: pf.CoverageGaps
    indicators: IndicatorSection | None = None  # services/indicators/report.py
    reporting: ReportingSection | None = None  # services/reporting/section.py
    frozen: ClosureData | None = None  # a closed period's report, as kept when it was closed

    @property
    def is_sample(self) -> bool:
        return self.settings.get("sample_data") == "1"


def previous_period(date_from: dt.date, date_to: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length just before: whole months map to whole months
    (January–June → July–December), any other period to the same number of days."""
    if date_from.day == 1 and date_to.day == _month_days(date_to):
        months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
        start = _add_months(date_from, -months)
        return start, date_from - dt.timedelta(days=1)
    length = (date_to - date_from).days + 1
    end = date_from - dt.timedelta(days=1)
    return end - dt.timedelta(days=length - 1), end


def _month_days(day: dt.date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def validate_request(request: ReportRequest) -> None:
    problems = {}
    if request.date_from is None:
        problems["date_from"] = _("Desde: indique la fecha de inicio del periodo.")
    if request.date_to is None:
        problems["date_to"] = _("Hasta: indique la fecha de fin del periodo.")
    if not problems and request.date_from > request.date_to:
        problems["date_to"] = _(
            "Hasta: el fin del periodo ({to}) es anterior a su inicio ({start})."
        ).format(
            to=request.date_to.strftime("%d/%m/%Y"), start=request.date_from.strftime("%d/%m/%Y")
        )
    if problems:
        raise ValidationError(problems)


def gather_report(session: Session, request: ReportRequest) -> CoordinationReport:
    """Every figure of the report, computed from the database in one go; a closed period's
    report is the one kept when it was closed (the same figures every time)."""
    validate_request(request)
    kept = _kept(session, request)
    if kept is not None:
        return kept
    today = today_in(session)
    on = request.on or today
    base = request.base_filter()
    scoped = replace(base, active_from=request.date_from, active_to=request.date_to)
    report = CoordinationReport(
        request=request,
        on=on,
        generated_on=today,
        settings=all_settings(session),
        filters=_filter_names(session, request),
        summary=_summary(session, request, base, scoped, on),
        cluster_matrix=cluster_component_matrix(session, scoped, on),
        partner_matrix=partner_component_matrix(session, scoped, on),
        status_by_component=_status_by_component(session, scoped, on),
        completed_by_month=pf.completed_by_month(
            session, base, request.date_from, request.date_to, on
        ),
        partners=_partners(session, scoped, on),
        overdue=[LateLine(r, days_late(r.due_date, on)) for r in overdue(session, on, f=scoped)],
        due_soon=due_soon(session, on, request.due_soon_days, f=scoped),
        progress=pf.progress_between(session, base, request.date_from, request.date_to, on)
        if request.include_progress
        else [],
        stale=_stale(session, scoped, on, request.stale_days),
        gaps=pf.coverage_gaps(session, scoped, on),
        indicators=_indicators(session, request, on),
        reporting=reporting_section(
            session, request.date_from, request.date_to, on, request.partner_ids
        ),
    )
    mark_unaccepted(session, report.progress, request.date_from, request.date_to)
    return report


def _kept(session: Session, request: ReportRequest) -> CoordinationReport | None:
    """The report frozen when this period was closed for these clusters (any other filter is
    a question asked now, answered from the database as it is)."""
    if request.partner_ids or request.component_ids:
        return None
    found = frozen_for(session, request.date_from, request.date_to, request.cluster_ids)
    if found is None:
        return None
    closure, text = found
    report = frozen.decode(CoordinationReport, text)
    report.frozen = closure
    if not request.include_progress:
        report.progress = []
    return report


def _indicators(session, request: ReportRequest, on: dt.date):
    return gather_section(session, request, on, previous_period(request.date_from, request.date_to))


def _figures(session, base, date_from, date_to, on) -> PeriodFigures:
    active = replace(base, active_from=date_from, active_to=date_to)
    new, amount = pf.started_between(session, base, date_from, date_to, on)
    return PeriodFigures(
        date_from=date_from,
        date_to=date_to,
        active=overall(session, active, on).total,
        new=new,
        new_amount_cop=amount,
        completed=len(pf.completion_dates(session, base, date_from, date_to, on)),
        progress_updates=pf.progress_count(session, base, date_from, date_to, on),
    )


def _summary(session, request, base, scoped, on) -> Summary:
    totals = status_totals(session, scoped, on)
    soon = due_soon(session, on, request.due_soon_days, f=scoped)
    return Summary(
        status_totals=totals,
        overall=overall(session, scoped, on),
        overdue=totals[OVERDUE],
        due_soon=len(soon),
        committed_cop=committed_amount(session, scoped, on),
        current=_figures(session, base, request.date_from, request.date_to, on),
        previous=_figures(session, base, *previous_period(request.date_from, request.date_to), on),
        completed_within=len(
            pf.completion_dates(session, scoped, request.date_from, request.date_to, on)
        ),
    )


def _status_by_component(session, f, on) -> list[ComponentStatus]:
    counts = pf.status_by_component(session, f, on)
    return [
        ComponentStatus(c.id, c.name(), counts.get(c.id, {}))
        for c in list_components(session)
        if not f.component_ids or c.id in f.component_ids
    ]


def _partners(session, f, on) -> list[PartnerLine]:
    last = pf.last_progress_by_partner(session, f, on)
    return [
        PartnerLine(
            p.partner_id,
            p.name,
            p.total,
            p.completed,
            p.cancelled,
            p.overdue,
            p.amount_cop,
            last.get(p.partner_id),
        )
        for p in by_partner(session, f, on)
    ]


def _stale(session, f, on, days) -> list[StaleLine]:
    stale = pf.stale_commitments(session, f, on, days)
    rows = commitment_rows(session, [s.commitment_id for s in stale], on)
    return [StaleLine(r, s.last_update, s.days) for r, s in zip(rows, stale, strict=True)]


def _filter_names(session, request: ReportRequest) -> dict[str, list[str]]:
    return names_of(session, request.cluster_ids, request.component_ids, request.partner_ids)
