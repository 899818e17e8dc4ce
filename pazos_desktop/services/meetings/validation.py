"""Checks of a meeting's fields and of its attendees, agenda and decisions (one message each)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Contact
from pazos_desktop.domain.fields import Field, FieldError
from pazos_desktop.domain.meetings import MeetingType, Presence
from pazos_desktop.domain.records import AGENDA_ITEM, ATTENDEE, DECISION, MEETING
from pazos_desktop.i18n import _
from pazos_desktop.services.common import Checker
from pazos_desktop.services.meetings.data import MeetingData

MEETING_FIELDS = [
    "type",
    "date",
    "start_time",
    "end_time",
    "place",
    "link",
    "objective",
    "chair_contact_id",
    "chair_name",
    "chair_position",
    "secretary_contact_id",
    "secretary_name",
    "secretary_position",
    "next_date",
    "next_place",
    "next_time",
    "prepared_by",
    "prepared_position",
    "reviewed_by",
    "reviewed_position",
    "approver_name",
    "approver_position",
]
ATTENDEE_FIELDS = [
    "name",
    "entity",
    "position",
    "contact_id",
    "email",
    "phone",
    "presence",
    "is_guest",
]


def validate_meeting_fields(data: MeetingData) -> dict:
    """The meeting's own columns, cleaned; runs no query (creation must write first)."""
    c = Checker()
    values = {f: getattr(data, f) for f in MEETING_FIELDS}
    # The declared fields (records/meeting.py): texts bounded so the acta can print them.
    values |= c.record(MEETING, values)
    if data.type not in set(MeetingType):
        c.fail("type", _("Tipo de reunión: elija uno de la lista."))
    if data.start_time and data.end_time and data.end_time < data.start_time:
        c.fail("end_time", _("Hora de finalización: no puede ser anterior a la hora de inicio."))
    if data.date and data.next_date and data.next_date < data.date:
        c.fail("next_date", _("Próxima reunión: no puede ser anterior a esta reunión."))
    if data.number is not None and (not isinstance(data.number, int) or data.number < 1):
        c.fail("number", _("Número: debe ser un entero mayor que cero."))
    c.raise_if_any()
    return values


def validate_children(session: Session, data: MeetingData) -> dict[str, list]:
    """(id, cleaned values) for every attendee, agenda item and decision, in order."""
    c = Checker()
    out = {
        "attendees": [_attendee(session, c, i, a) for i, a in enumerate(data.attendees, 1)],
        "agenda": [(item.id, _agenda_item(c, i, item)) for i, item in enumerate(data.agenda, 1)],
        "decisions": [
            (
                d.id,
                {"text": _part(c, DECISION["text"], f"decisions.{i}", d.text, i)},
            )
            for i, d in enumerate(data.decisions, 1)
        ],
    }
    for role, label in (("chair", _("Preside")), ("secretary", _("Secretario(a)"))):
        contact_id = getattr(data, f"{role}_contact_id")
        if contact_id is not None and session.get(Contact, contact_id) is None:
            c.fail(f"{role}_contact_id", _("{label}: el contacto no existe.").format(label=label))
    c.raise_if_any()
    return out


def _attendee(session: Session, c: Checker, n: int, a) -> tuple[int | None, dict]:
    label = _("Asistente {n}").format(n=n)
    values = {
        key: _part(c, ATTENDEE[key], f"attendees.{n}.{key}", getattr(a, key), n, label)
        for key in ATTENDEE.keys()
    } | {
        "contact_id": a.contact_id,
        "presence": a.presence,
        "is_guest": bool(a.is_guest),
    }
    if a.presence not in set(Presence):
        c.fail(f"attendees.{n}.presence", _("{label}: asistencia no válida.").format(label=label))
    if a.contact_id is not None and session.get(Contact, a.contact_id) is None:
        c.fail(
            f"attendees.{n}.contact_id", _("{label}: el contacto no existe.").format(label=label)
        )
    return a.id, values


def _agenda_item(c: Checker, n: int, item) -> dict:
    label = _("Punto {n} del orden del día").format(n=n)
    return {
        key: _part(c, AGENDA_ITEM[key], f"agenda.{n}.{key}", getattr(item, key), n, label)
        for key in AGENDA_ITEM.keys()
    }


def _part(c: Checker, spec: Field, key: str, value, n: int, label: str | None = None):
    """A field of the n-th attendee, agenda item or decision; its message says which one."""
    try:
        return spec.check(value)
    except FieldError as exc:
        where = label or _("{label} {n}").format(label=spec.name, n=n)
        c.fail(key, f"{where}: {exc.message}" if label else f"{where}: {exc.problem}")
        return None
