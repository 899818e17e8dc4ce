"""`export indicators`: the indicator sheets alone, in the bulk format (importable as they are)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from pazos_desktop.excel.bulk.workbook import write_workbook
from pazos_desktop.excel.data import WorkbookData, sheet_context
from pazos_desktop.excel.indicators.sheets import load_sheets
from pazos_desktop.services import components


def export_indicators(session: Session, target: Path, hxl: bool = True):
    """`export indicators`: the three sheets in the bulk format (importable as they are)."""
    context = sheet_context(session)
    data = WorkbookData(
        sheets=load_sheets(session, context.lang),
        context=context,
        components=[c.name(context.lang) for c in components.list_components(session)],
    )
    return write_workbook(data, target, hxl=hxl)
