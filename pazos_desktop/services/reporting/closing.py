"""Closing a period once presented, and reopening it: one function each.

Each is the single place its rule lives, so a shared server can later wrap it in a rule of its
own (a role allowed to close) without a second copy here. Closing asks for a reason and
freezes the period's coordination report (all clusters, or the chosen ones) as it is at that
moment; reports of the period read it from then on. Reopening asks for a reason too, keeps the
closure's row (who, when, why, and who reopened it), and lets the doors through again.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.register import Cluster
from pazos_desktop.db.models.reporting import PeriodClosure
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.services.common import check_version, get_or_fail
from pazos_desktop.services.report.coordination import ReportRequest, gather_report
from pazos_desktop.services.reporting import frozen
from pazos_desktop.services.reporting.closures import ClosureData, closure_data, closures_between
from pazos_desktop.services.reporting.periods import require_reason, resolve_period


def close_period(
    session: Session, period_code: str, cluster_ids: list[int] | None, reason: str | None
) -> ClosureData:
    """Close `period_code` for `cluster_ids` (empty or None: every cluster)."""
    why = require_reason(reason)
    period = resolve_period(session, period_code)
    ids = sorted(set(cluster_ids or []))
    clusters = _clusters(session, ids)
    for closure in closures_between(session, period.start, period.end):
        same = (closure.start, closure.end) == (period.start, period.end)
        if same and (not closure.cluster_ids or set(ids) <= set(closure.cluster_ids)):
            raise PazosError(
                _("El periodo {period} ya está cerrado ({scope}).").format(
                    period=period.code, scope=closure.scope
                )
            )
    report = gather_report(
        session, ReportRequest(period.start, period.end, cluster_ids=ids, on=period.end)
    )
    run = run_of(session)
    row = PeriodClosure(
        period_code=period.code,
        period_start=period.start,
        period_end=period.end,
        reason=why,
        closed_at=run.utc,
        closed_by=run.actor,
        frozen_report=frozen.encode(report),
        clusters=clusters,
    )
    _with_reason(session, why, lambda: session.add(row))
    return closure_data(row)


def reopen_period(
    session: Session,
    period_code: str,
    reason: str | None,
    closure_id: int | None = None,
    version: int | None = None,
) -> list[ClosureData]:
    """Reopen the period's closures in force (or the one `closure_id`); returns them."""
    why = require_reason(reason)
    period = resolve_period(session, period_code)
    chosen = [
        c
        for c in closures_between(session, period.start, period.end)
        if (c.start, c.end) == (period.start, period.end)
        and (closure_id is None or c.id == closure_id)
    ]
    if not chosen:
        raise PazosError(_("El periodo {period} no está cerrado.").format(period=period.code))
    run = run_of(session)
    rows = [get_or_fail(session, PeriodClosure, c.id, _("El cierre")) for c in chosen]
    if version is not None and len(rows) == 1:
        check_version(rows[0], version, _("El cierre"))

    def reopen() -> None:
        for row in rows:
            row.reopened_at, row.reopened_by, row.reopen_reason = run.utc, run.actor, why

    _with_reason(session, why, reopen)
    return [closure_data(row) for row in rows]


def _clusters(session: Session, ids: list[int]) -> list[Cluster]:
    found = list(session.scalars(select(Cluster).where(Cluster.id.in_(ids)))) if ids else []
    if len(found) != len(ids):
        raise PazosError(_("Clústeres: uno de los clústeres elegidos no existe."))
    return found


def _with_reason(session: Session, reason: str, change) -> None:
    """The change, flushed with its reason: the history keeps why it was closed or reopened."""
    previous = session.info.get("reason")
    session.info["reason"] = reason
    try:
        change()
        session.flush()
    finally:
        session.info["reason"] = previous
