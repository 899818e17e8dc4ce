"""Meetings (reuniones): create with the next consecutive of the year, edit, approve, reopen."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pazos_desktop.db import numbering
from pazos_desktop.db.models.meetings import (
    Meeting,
    MeetingAgendaItem,
    MeetingAttendee,
    MeetingDecision,
)
from pazos_desktop.db.models.register import Cluster, Contact
from pazos_desktop.domain.meetings import MeetingStatus, acta_label, default_series, series_label
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import ConflictError, PazosError, ValidationError
from pazos_desktop.i18n import _
from pazos_desktop.services.common import Checker, apply_fields, check_version, get_or_fail, touch
from pazos_desktop.services.meetings.data import (
    AgendaItemData,
    AttendeeData,
    DecisionData,
    MeetingData,
)
from pazos_desktop.services.meetings.validation import (
    ATTENDEE_FIELDS,
    MEETING_FIELDS,
    validate_children,
    validate_meeting_fields,
)

NUMBER_RETRIES = 8


def to_data(m: Meeting) -> MeetingData:
    return MeetingData(
        **{f: getattr(m, f) for f in MEETING_FIELDS},
        cluster_ids=[c.id for c in m.clusters],
        attendees=[
            AttendeeData(**{f: getattr(a, f) for f in ATTENDEE_FIELDS}, id=a.id)
            for a in m.attendees
        ],
        agenda=[AgendaItemData(i.title, i.development, i.id) for i in m.agenda_items],
        decisions=[DecisionData(d.text, d.id) for d in m.decisions],
        series=m.series,
        number=m.number,
        year=m.year,
        status=m.status,
        approved_at=m.approved_at,
        approved_by=m.approved_by,
        id=m.id,
        version=m.version,
    )


def get_meeting(session: Session, meeting_id: int) -> MeetingData:
    return to_data(load(session, meeting_id))


def load(session: Session, meeting_id: int) -> Meeting:
    return get_or_fail(session, Meeting, meeting_id, _("La reunión"))


def find_meeting(
    session: Session, year: int, number: int, series: str | None = None
) -> MeetingData:
    """The meeting of "Acta No. `number` de `year`" (of `series`: a key or a name, any case
    and accents; needed only when several series have that number)."""
    query = select(Meeting).where(Meeting.year == year, Meeting.number == number)
    found = list(session.scalars(query.order_by(Meeting.series)))
    if series:
        key = fold(series)
        found = [m for m in found if key in (fold(m.series), fold(series_label(m.series)))]
    label = acta_label(number, year)
    if not found:
        message = _("No existe el acta No. {number} de {year}.").format(
            number=f"{number:03d}", year=year
        )
        if series:
            message = _("No existe el {acta} de la serie «{series}».").format(
                acta=label, series=series
            )
        raise PazosError(message)
    if len(found) > 1:
        names = ", ".join(sorted(f"«{series_label(m.series)}»" for m in found))
        raise PazosError(
            _("Hay varias actas con el {acta}, una por serie: {names}. Indique la serie.").format(
                acta=label, names=names
            )
        )
    return to_data(found[0])


def ensure_editable(meeting: Meeting) -> None:
    """Approved minutes are locked: every change is refused until they are reopened."""
    if meeting.status == MeetingStatus.APPROVED.value:
        raise PazosError(
            _(
                "El {acta} está aprobada y no se puede modificar. Para corregirla, reábrala "
                "indicando el motivo."
            ).format(acta=acta_label(meeting.number, meeting.year))
        )


# --- create and save --------------------------------------------------------------------------


def create_meeting(session: Session, data: MeetingData) -> MeetingData:
    """A new draft with the next consecutive of its year.

    The number is computed inside the INSERT itself and the INSERT is the first statement, so
    on SQLite it runs under the write lock (no two writers see the same maximum); a server
    serialises the creators of one series first (`numbering.serialise`). A duplicate that
    still hits the unique constraint is retried in a savepoint.
    """
    values = validate_meeting_fields(data)
    year = data.date.year
    series = validate_series(data.series) or default_series(data.type)
    meeting = _insert_numbered(session, values, series, year, data.number)
    # Copying names from the register reads the database: only once the row holds the lock.
    _fill_from_contacts(session, data)
    apply_fields(meeting, validate_meeting_fields(data))
    _apply(session, meeting, data)
    session.flush()
    return to_data(meeting)


def validate_series(series: str | None) -> str | None:
    c = Checker()
    cleaned = c.text("series", series, _("Serie"), max_len=100)
    c.raise_if_any()
    return cleaned


def acta_series(series: str, year: int) -> tuple:
    """The numbering series of an acta: each body (its series) numbers its own, per year."""
    return ("acta", series, year)


def _insert_numbered(
    session: Session, values: dict, series: str, year: int, number: int | None
) -> Meeting:
    """Insert the meeting with the next consecutive of its `series` and `year` (or `number`)."""
    if number is None:
        numbering.serialise(session, acta_series(series, year))  # a server: one at a time
    for _attempt in range(NUMBER_RETRIES):
        meeting = Meeting(
            **values,
            series=series,
            year=year,
            number=number or _next_number_expr(series, year),
            status=MeetingStatus.DRAFT.value,
        )
        try:
            with session.begin_nested():
                session.add(meeting)
                session.flush()
            return meeting
        except IntegrityError as exc:
            if number is not None:
                raise ValidationError(
                    {
                        "number": _("Número: el {acta} ya existe en la serie «{series}».").format(
                            acta=acta_label(number, year), series=series_label(series)
                        )
                    }
                ) from exc
    raise ConflictError(_("No se pudo asignar el número del acta; intente de nuevo."))


def _next_number_expr(series: str, year: int):
    """The next consecutive of a series in a year: each body numbers its own actas."""
    return (
        select(func.coalesce(func.max(Meeting.number), 0) + 1)
        .where(Meeting.series == series, Meeting.year == year)
        .scalar_subquery()
    )


def save_meeting(session: Session, data: MeetingData) -> MeetingData:
    """Create (when `data.id` is None) or update a draft, with its attendees, agenda and
    decisions; refuses approved minutes and edits over someone else's newer version."""
    if data.id is None:
        return create_meeting(session, data)
    meeting = load(session, data.id)
    check_version(meeting, data.version, _("La reunión"))
    ensure_editable(meeting)
    values = validate_meeting_fields(data)
    series = validate_series(data.series)
    if series is not None and series != meeting.series:
        raise ValidationError(
            {"series": _("Serie: no se puede cambiar una vez creada el acta (tiene su número).")}
        )
    if data.date.year != meeting.year:
        raise ValidationError(
            {"date": _("Fecha: debe quedar en {year}, el año del acta.").format(year=meeting.year)}
        )
    _fill_from_contacts(session, data)
    apply_fields(meeting, values)
    _apply(session, meeting, data)
    touch(session, meeting)  # children changes alone would not move the version
    session.flush()
    return to_data(meeting)


def _apply(session: Session, meeting: Meeting, data: MeetingData) -> None:
    children = validate_children(session, data)
    wanted = _clusters(session, data.cluster_ids)
    if {c.id for c in meeting.clusters} != {c.id for c in wanted}:
        meeting.clusters = wanted
    meeting.attendees = _sync(meeting.attendees, children["attendees"], MeetingAttendee)
    meeting.agenda_items = _sync(meeting.agenda_items, children["agenda"], MeetingAgendaItem)
    meeting.decisions = _sync(meeting.decisions, children["decisions"], MeetingDecision)


def _sync(current: list, wanted: list[tuple[int | None, dict]], make) -> list:
    """Update rows in place by id, add new ones; the relationship deletes the rest (orphans)."""
    by_id = {obj.id: obj for obj in current}
    result = []
    for order, (obj_id, values) in enumerate(wanted):
        values = values | {"sort_order": order}
        obj = by_id.pop(obj_id, None) if obj_id is not None else None
        if obj is None:
            obj = make(**values)
        else:
            apply_fields(obj, values)
        result.append(obj)
    return result


def _clusters(session: Session, ids: list[int]) -> list[Cluster]:
    if not ids:
        return []
    found = list(session.scalars(select(Cluster).where(Cluster.id.in_(ids))))
    if len(found) != len(set(ids)):
        raise ValidationError(
            {"cluster_ids": _("Clústeres: uno de los clústeres elegidos no existe.")}
        )
    return found


def _fill_from_contacts(session: Session, data: MeetingData) -> None:
    """Blank name/entity/position of a contact chosen from the register are copied from it."""
    for attendee in data.attendees:
        contact = session.get(Contact, attendee.contact_id) if attendee.contact_id else None
        if contact is not None:
            attendee.name = attendee.name or contact.name
            attendee.entity = attendee.entity or contact.partner.name
            attendee.position = attendee.position or contact.position
            attendee.email = attendee.email or contact.email
            attendee.phone = attendee.phone or contact.phone
    for role in ("chair", "secretary"):
        contact_id = getattr(data, f"{role}_contact_id")
        contact = session.get(Contact, contact_id) if contact_id else None
        if contact is not None:
            if not getattr(data, f"{role}_name"):
                setattr(data, f"{role}_name", contact.name)
            if not getattr(data, f"{role}_position"):
                setattr(data, f"{role}_position", contact.position)


# --- delete (approving and reopening: documents/actas.py) -------------------------------------


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Only drafts; commitments it agreed stay in the register without an origin."""
    meeting = load(session, meeting_id)
    ensure_editable(meeting)
    session.delete(meeting)
    session.flush()
