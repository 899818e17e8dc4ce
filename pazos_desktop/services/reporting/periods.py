"""How partners report: the frequency and the term (database settings), the periods, and the
period partners are asked about now.

Months and quarters need no rows: "2026-11" and "2026-T4" are read as people write them. A
custom frequency uses the periods the office defined (`reporting_period`), each with its code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import AppSetting
from pazos_desktop.db.models.reporting import ReportingPeriod
from pazos_desktop.domain.fields import Field, Kind
from pazos_desktop.domain.records import REPORTING_PERIOD
from pazos_desktop.domain.reporting import (
    DEFAULT_DUE_DAYS,
    FREQUENCY_LABELS,
    MAX_DUE_DAYS,
    Frequency,
    Period,
    due_date,
    period_to_report,
    period_to_send,
    recent_periods,
    standard_period,
)
from pazos_desktop.errors import NotFoundError, PazosError, ValidationError
from pazos_desktop.i18n import N_, _
from pazos_desktop.services.common import Checker, create_or_update
from pazos_desktop.services.settings import set_setting

FREQUENCY_KEY, DUE_DAYS_KEY = "reporting_frequency", "reporting_due_days"
CACHE_KEY = "reporting_settings"
VIEW_PERIODS = 12  # the view's columns: a year of months, or three of quarters
FREQUENCY = Field(
    "frequency", N_("Frecuencia de los reportes"), Kind.CHOICE, choices=FREQUENCY_LABELS
)
DUE_DAYS = Field(
    "due_days",
    N_("Días hábiles para reportar"),
    Kind.WHOLE,
    minimum=0,
    maximum=MAX_DUE_DAYS,
)


@dataclass
class CycleSettings:
    frequency: str = Frequency.MONTHLY.value
    due_days: int = DEFAULT_DUE_DAYS


def cycle_settings(session: Session) -> CycleSettings:
    """Read once per action (the session's): the grid asks for every period's due date."""
    cached = session.info.get(CACHE_KEY)
    if cached is not None:
        return cached
    query = select(AppSetting.key, AppSetting.value).where(
        AppSetting.key.in_([FREQUENCY_KEY, DUE_DAYS_KEY])
    )
    stored = dict(session.execute(query).all())
    frequency = stored.get(FREQUENCY_KEY) or Frequency.MONTHLY.value
    try:
        days = int(stored.get(DUE_DAYS_KEY) or DEFAULT_DUE_DAYS)
    except ValueError:
        days = DEFAULT_DUE_DAYS
    found = CycleSettings(frequency if frequency in set(Frequency) else "monthly", days)
    session.info[CACHE_KEY] = found
    return found


def save_cycle_settings(session: Session, frequency, due_days) -> CycleSettings:
    """The office's choice, checked like any typed value (the window and the command line)."""
    c = Checker()
    chosen = c.field(FREQUENCY, frequency)
    days = c.field(DUE_DAYS, due_days)
    if chosen is None and "frequency" not in c.errors:
        c.fail("frequency", FREQUENCY.fail(_("este campo es obligatorio.")).message)
    c.raise_if_any()
    session.info.pop(CACHE_KEY, None)
    set_setting(session, FREQUENCY_KEY, chosen)
    set_setting(session, DUE_DAYS_KEY, str(days if days is not None else DEFAULT_DUE_DAYS))
    return cycle_settings(session)


def due_of(session: Session, period: Period) -> dt.date:
    return due_date(period, cycle_settings(session).due_days)


# --- finding periods --------------------------------------------------------------------------


def custom_periods(session: Session) -> list[Period]:
    query = select(ReportingPeriod).order_by(ReportingPeriod.start_date.desc())
    return [_custom(p) for p in session.scalars(query)]


def _custom(p: ReportingPeriod) -> Period:
    return Period(p.code, p.start_date, p.end_date, p.name)


def resolve_period(session: Session, text: str) -> Period:
    """A period as people write it ("2026-11", "2026-T4") or a custom period's code."""
    raw = (text or "").strip()
    found = session.scalar(select(ReportingPeriod).where(ReportingPeriod.code == raw.upper()))
    if found is not None:
        return _custom(found)
    period = standard_period(raw)
    if period is None:
        raise PazosError(
            _(
                "Periodo: escriba un mes como «2026-11», un trimestre como «2026-T4» o el "
                "código de un periodo definido (no «{text}»)."
            ).format(text=raw)
        )
    return period


def view_periods(session: Session, today: dt.date, count: int = VIEW_PERIODS) -> list[Period]:
    """The periods of the frequency in use, newest first, up to the one holding today."""
    settings = cycle_settings(session)
    if settings.frequency == Frequency.CUSTOM:
        started = [p for p in custom_periods(session) if p.start <= today]
        return started[:count]
    return recent_periods(settings.frequency, today, count)


def current_period(session: Session, today: dt.date) -> Period | None:
    """The period partners are asked about now (`domain.reporting.period_to_report`)."""
    return period_to_report(view_periods(session, today), today)


def sending_period(session: Session, today: dt.date) -> Period | None:
    """The period partners' sheets ask about when sent today (`domain.reporting.period_to_send`)."""
    periods = view_periods(session, today)
    return period_to_send(periods, today, {p.code: due_of(session, p) for p in periods})


# --- the office's own periods -----------------------------------------------------------------


@dataclass
class CustomPeriodData:
    code: str = ""
    name: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    id: int | None = None
    version: int | None = None


def save_custom_period(session: Session, data: CustomPeriodData) -> Period:
    c = Checker()
    values = c.record(REPORTING_PERIOD, vars(data))
    if values.get("code"):
        values["code"] = values["code"].upper()
        if standard_period(values["code"]) is not None:
            c.fail("code", _("Código: ese código es un mes o un trimestre; elija otro."))
        elif _code_taken(session, values["code"], data.id):
            c.fail("code", _("Código: ya hay un periodo con ese código."))
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        c.fail("end_date", _("Hasta: no puede ser anterior a «Desde»."))
    c.raise_if_any()
    row = create_or_update(session, ReportingPeriod, data, _("El periodo"), values)
    session.flush()
    return _custom(row)


def _code_taken(session: Session, code: str, own_id: int | None) -> bool:
    query = select(ReportingPeriod.id).where(ReportingPeriod.code == code)
    found = session.scalar(query)
    return found is not None and found != own_id


def delete_custom_period(session: Session, code: str) -> None:
    from_db = session.scalar(select(ReportingPeriod).where(ReportingPeriod.code == code))
    if from_db is None:
        raise NotFoundError(_("El periodo {code} no existe.").format(code=code))
    session.delete(from_db)
    session.flush()


def require_reason(reason: str | None, key: str = "reason") -> str:
    """A reason typed by a person: closing, reopening and deleting need one."""
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError({key: _("Motivo: escriba por qué.")})
    if len(text) > 2000:
        raise ValidationError({key: _("Motivo: máximo 2.000 caracteres.")})
    return text
