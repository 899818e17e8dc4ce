"""Sheets that go out in the reporting cycle, and what their sending records.

- `record_sent`: the sheets of a period were exported: each partner's report becomes
  *Enviado* (when, to whom, which file);
- `returned_sheets`: a report sent back: the partner's sheet again, with the coordination's
  remark on each row (*Observaciones de la coordinación*) and an e-mail draft carrying it;
- `reminders`: every partner whose report is still missing gets a draft with its sheet.

Files are written by `sheets.export_partner_sheets` (one batch, complete or not at all); the
states change in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.domain.reporting import OVERDUE_REPORT, Period, ReportState
from pazos_desktop.excel.common import CancelFn, ProgressFn, never_cancel, no_progress
from pazos_desktop.excel.data import (
    PartnerSheetData,
    Purpose,
    load_partner_sheets,
    reporting_sheet_period,
)
from pazos_desktop.excel.partner.mail import recipients
from pazos_desktop.excel.partner.sheets import SheetResult, export_partner_sheets
from pazos_desktop.services.reporting import states

# Still owed: nothing came in, or it went back for corrections.
OWED = (ReportState.PENDING.value, ReportState.SENT.value, ReportState.RETURNED.value)


def record_sent(session: Session, items: list[PartnerSheetData], results: list[SheetResult]) -> int:
    """The exported sheets' partners are *Enviado* for the sheets' period (when it has one)."""
    by_id = {data.partner.id: data for data in items}
    sent: dict[str, tuple[Period, list]] = {}
    for result in results:
        data = by_id[result.partner_id]
        period = data.period.reporting if data.period else None
        if period is None:
            continue
        to = ", ".join(recipients(data)) or (data.contact.name if data.contact else "")
        sent.setdefault(period.code, (period, []))[1].append(
            (result.partner_id, to, result.path.name)
        )
    return sum(states.mark_sent(session, period, rows) for period, rows in sent.values())


def sheets_for(
    session: Session, period: Period, partner_ids: list[int], purpose: str = Purpose.REQUEST
) -> list[PartnerSheetData]:
    """The partners' sheets for a reporting period (its dates, back by its due date)."""
    today = run_of(session).today
    chosen = reporting_sheet_period(session, period, today)
    items = load_partner_sheets(session, partner_ids, on=today, period=chosen)
    for data in items:
        data.purpose = purpose
    return items


def returned_items(session: Session, period: Period, partner_id: int) -> list[PartnerSheetData]:
    """The sheet of a report sent back, with its remarks (call after `states.send_back`)."""
    [data] = sheets_for(session, period, [partner_id], Purpose.RETURNED)
    line = states.report_line(session, period, partner_id, run_of(session).today)
    data.remarks = states.remarks_of(session, period.code, partner_id)
    data.remark = line.remark or ""
    return [data]


def owed(session: Session, period: Period, today: dt.date) -> list[states.ReportLine]:
    """Partners whose report for `period` is still owed, the late ones first."""
    lines = [
        line
        for line in states.period_lines(session, period, today)
        if line.stored in OWED or line.state == OVERDUE_REPORT
    ]
    return sorted(lines, key=lambda line: (line.state != OVERDUE_REPORT, line.partner_name))


def reminder_items(session: Session, period: Period, today: dt.date) -> list[PartnerSheetData]:
    ids = [line.partner_id for line in owed(session, period, today)]
    return sheets_for(session, period, ids, Purpose.REMINDER) if ids else []


def write(
    items: list[PartnerSheetData],
    folder: Path,
    progress: ProgressFn = no_progress,
    cancel: CancelFn = never_cancel,
) -> list[SheetResult]:
    """The sheets and their e-mail drafts (the cycle's sheets always go with one)."""
    return export_partner_sheets(items, Path(folder), progress, cancel, email_drafts=True)
