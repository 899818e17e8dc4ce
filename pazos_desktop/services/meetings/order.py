"""Numbers against dates: an acta's consecutive follows the order the actas were created in,
so a meeting entered late (dated before the latest of its series) gets a number after an acta
of a later date. That is allowed — the number is already on the other acta's paper — but it
must be said before saving: which number this acta will carry, and which acta of a later date
comes before it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.meetings import acta_label, default_series, series_label
from pazos_desktop.i18n import _
from pazos_desktop.services.meetings.data import MeetingData


def number_notice(session: Session, data: MeetingData) -> str | None:
    """What to tell before saving `data` when its number and its date disagree with the
    other actas of its series and year; None when they agree (or the date is not valid)."""
    if not isinstance(data.date, dt.date):
        return None
    if data.id is None:
        return _new_acta(session, data)
    return _moved_date(session, data)


def _new_acta(session: Session, data: MeetingData) -> str | None:
    series = (data.series or "").strip() or default_series(data.type)
    year = data.date.year
    same = (Meeting.series == series, Meeting.year == year)
    latest = session.execute(
        select(Meeting.number, Meeting.date)
        .where(*same, Meeting.date > data.date)
        .order_by(Meeting.number.desc())
        .limit(1)
    ).first()
    if latest is None:
        return None
    highest = session.scalar(select(func.max(Meeting.number)).where(*same)) or 0
    number = data.number or highest + 1
    return _(
        "Esta acta será el {acta} de la serie «{series}», aunque el {other} es del {date}, "
        "posterior a esta reunión ({day}). Los números siguen el orden en que se registran "
        "las actas. ¿Guardar así?"
    ).format(
        acta=acta_label(number, year),
        series=series_label(series),
        other=acta_label(latest.number, year),
        date=format_date(latest.date),
        day=format_date(data.date),
    )


def _moved_date(session: Session, data: MeetingData) -> str | None:
    """A date edit that puts the acta on the other side of an acta of its series (an earlier
    number dated after it, or a later one dated before it); an order already crossed before
    the edit is not said again."""
    meeting = session.get(Meeting, data.id)
    if meeting is None or meeting.date == data.date:
        return None
    before = {n for n, _d in _crossed(session, meeting, meeting.date)}
    crossed = [(n, d) for n, d in _crossed(session, meeting, data.date) if n not in before]
    if not crossed:
        return None
    number, date = crossed[0]
    text = (
        _("El {acta} quedaría con fecha {day}, anterior a la del {other} ({date}).")
        if number < meeting.number
        else _("El {acta} quedaría con fecha {day}, posterior a la del {other} ({date}).")
    )
    return (
        text.format(
            acta=acta_label(meeting.number, meeting.year),
            day=format_date(data.date),
            other=acta_label(number, meeting.year),
            date=format_date(date),
        )
        + " "
        + _("Conserva su número. ¿Guardar así?")
    )


def _crossed(session: Session, meeting: Meeting, day: dt.date) -> list[tuple[int, dt.date]]:
    """The actas of the series whose number and date disagree with `meeting` dated `day`."""
    query = (
        select(Meeting.number, Meeting.date)
        .where(
            Meeting.series == meeting.series,
            Meeting.year == meeting.year,
            Meeting.id != meeting.id,
            or_(
                and_(Meeting.number < meeting.number, Meeting.date > day),
                and_(Meeting.number > meeting.number, Meeting.date < day),
            ),
        )
        .order_by(Meeting.number)
    )
    return [(n, d) for n, d in session.execute(query)]
