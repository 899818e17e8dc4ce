"""The period presets of the Informes view (date arithmetic and labels, no Qt)."""

from __future__ import annotations

import calendar
import datetime as dt

from pazos_desktop.i18n import N_

# (label, code): the labels are Spanish source text marked for the catalog (an unmarked label
# stayed Spanish in English), translated when shown.
PRESETS = [
    (N_("Semestre actual"), "half"),
    (N_("Semestre anterior"), "previous_half"),
    (N_("Trimestre actual"), "quarter"),
    (N_("Trimestre anterior"), "previous_quarter"),
    (N_("Año en curso"), "year"),
    (N_("Últimos 30 días"), "last_30"),
    (N_("Personalizado"), "custom"),
]


def _block(today: dt.date, months: int, back: int) -> tuple[dt.date, dt.date]:
    """The block of `months` months holding today, moved `back` blocks into the past."""
    index = (today.year * 12 + today.month - 1) // months * months - back * months
    start = dt.date(index // 12, index % 12 + 1, 1)
    end_index = index + months - 1
    year, month = end_index // 12, end_index % 12 + 1
    return start, dt.date(year, month, calendar.monthrange(year, month)[1])


def preset_period(code: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The period of a preset; None for "custom" (the user types the dates)."""
    if code == "half":
        return _block(today, 6, 0)
    if code == "previous_half":
        return _block(today, 6, 1)
    if code == "quarter":
        return _block(today, 3, 0)
    if code == "previous_quarter":
        return _block(today, 3, 1)
    if code == "year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if code == "last_30":
        return today - dt.timedelta(days=29), today
    return None
