"""The dashboard's figures in one read: totals, the cluster × component matrix, what is
overdue or due soon, commitments by partner, and the first steps of an empty database."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.register import AppSetting, Cluster, Commitment, Partner
from pazos_desktop.domain.figures import DashboardFigures, DueRow, FirstSteps
from pazos_desktop.i18n import get_language
from pazos_desktop.services import partners
from pazos_desktop.services.commitments import search
from pazos_desktop.services.figures_cache import session_counter
from pazos_desktop.services.report import summaries

LIST_LIMIT = 50


def dashboard_figures(session: Session) -> DashboardFigures:
    on = today_in(session)
    overall = summaries.overall(session, on=on)
    return DashboardFigures(
        on=on,
        totals=summaries.status_totals(session, on=on),
        overall=overall,
        amount=summaries.committed_amount(session, on=on),
        matrix=summaries.cluster_component_matrix(session, on=on),
        by_component=summaries.by_component(session, on=on),
        overdue=_due(search.overdue(session, limit=LIST_LIMIT)),
        due_soon=_due(search.due_soon(session, limit=LIST_LIMIT)),
        by_partner=summaries.by_partner(session, on=on),
        acronyms={p.id: p.acronym for p in partners.partner_choices(session) if p.acronym},
        steps=first_steps(session, overall.total),
        lang=get_language(),
        counter=session_counter(session),
    )


def _due(rows: list[search.CommitmentRow]) -> list[DueRow]:
    return [DueRow(r.id, r.due_date, r.partner_name, r.effective_status, r.title) for r in rows]


def first_steps(session: Session, commitments: int | None = None) -> FirstSteps:
    """Set by someone, not the defaults: the organisation's name too must be chosen."""
    values = dict(session.execute(select(AppSetting.key, AppSetting.value)).all())
    count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
    return FirstSteps(
        clusters=count(Cluster),
        partners=count(Partner),
        commitments=count(Commitment) if commitments is None else commitments,
        org_name=bool(values.get("org_name")),
        org_logo=bool(values.get("org_logo")),
        doc_code=bool(values.get("doc_code")),
    )
