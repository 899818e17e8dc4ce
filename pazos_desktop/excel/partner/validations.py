"""Excel's own checks of the cells a partner fills in a commitment sheet: the status from the
list, the figure, the comment, the evidence and the date, from the declared bounds. They only
help while typing: the import checks everything again."""

from __future__ import annotations

import datetime as dt

from openpyxl.worksheet.datavalidation import DataValidation

from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.records import PROGRESS
from pazos_desktop.domain.vocabulary import Status
from pazos_desktop.excel.data import PartnerSheetData
from pazos_desktop.i18n import N_, translate
from pazos_desktop.parsing import EXCEL_EPOCH

EVIDENCE_MAX_CHARS = 500


def fill_validations(
    data: PartnerSheetData, columns: dict[str, str], rows: str, lookup: str
) -> list[DataValidation]:
    """One validation per filled column; `columns`: a key's column letter, `rows`: "4:120"
    (the rows they cover), `lookup`: the hidden sheet holding the statuses' names."""
    achieved, comment = PROGRESS["achieved_quantity"], PROGRESS["comment"]
    too_long = _t(data, N_("Máximo {n} caracteres."))
    checks = {
        "new_status": DataValidation(
            type="list",
            formula1=f"'{lookup}'!$A$1:$A${len(Status)}",
            errorTitle=_t(data, N_("Estado")),
            error=_t(data, N_("Elija un estado de la lista.")),
        ),
        "new_achieved": DataValidation(
            type="decimal",
            operator="between",
            formula1=str(int(achieved.minimum)),
            formula2=str(int(achieved.maximum)),
            error=_t(data, N_("Escriba un número mayor o igual a cero.")),
        ),
        "comment": DataValidation(
            type="textLength",
            operator="lessThanOrEqual",
            formula1=str(comment.max_len),
            error=too_long.format(n=f"{comment.max_len:,}".replace(",", ".")),
        ),
        "evidence": DataValidation(
            type="textLength",
            operator="lessThanOrEqual",
            formula1=str(EVIDENCE_MAX_CHARS),
            error=too_long.format(n=EVIDENCE_MAX_CHARS),
        ),
        "progress_date": _date_validation(data),
    }
    first, last = rows.split(":")
    for key, validation in checks.items():
        validation.allow_blank = validation.showErrorMessage = True
        validation.add(f"{columns[key]}{first}:{columns[key]}{last}")
    return list(checks.values())


def _date_validation(data: PartnerSheetData) -> DataValidation:
    """The progress date: a real date, from a year before the period to a month after the
    return date (the import checks it again against the commitment)."""
    today = data.context.today
    start = (data.period.date_from if data.period else today) - dt.timedelta(days=366)
    end = (data.period.return_by if data.period else today) + dt.timedelta(days=31)
    message = _t(data, N_("Escriba una fecha dd/mm/aaaa entre el {start} y el {end}."))
    return DataValidation(
        type="date",
        operator="between",
        formula1=str(excel_serial(start)),
        formula2=str(excel_serial(end)),
        showInputMessage=True,
        errorTitle=_t(data, N_("Fecha del avance")),
        error=message.format(start=format_date(start), end=format_date(end)),
        promptTitle=_t(data, N_("Fecha del avance")),
        prompt=_t(data, N_("dd/mm/aaaa")),
    )


def excel_serial(day: dt.date) -> int:
    """A date as Excel stores it: days since the epoch the one date parser reads serials from."""
    return (day - EXCEL_EPOCH.date()).days


def _t(data: PartnerSheetData, text: str) -> str:
    return translate(text, data.context.lang)
