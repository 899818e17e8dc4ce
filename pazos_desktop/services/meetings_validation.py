"""Checks of a meeting's fields and of its attendees, agenda and decisions (one message each)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ..i18n import N_, _
from ..meetings_domain import MeetingType, Presence
from ..models import Contact
from .common import Checker

if TYPE_CHECKING:
    from .meetings import MeetingData

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
TEXT_LIMITS = {
    "place": (300, N_("Lugar")),
    "link": (500, N_("Enlace")),
    "objective": (None, N_("Objetivo")),
    "chair_name": (200, N_("Preside")),
    "chair_position": (200, N_("Cargo de quien preside")),
    "secretary_name": (200, N_("Secretario(a)")),
    "secretary_position": (200, N_("Cargo del secretario(a)")),
    "next_place": (300, N_("Lugar de la próxima reunión")),
    "prepared_by": (200, N_("Elaboró")),
    "prepared_position": (200, N_("Cargo de quien elaboró")),
    "reviewed_by": (200, N_("Revisó")),
    "reviewed_position": (200, N_("Cargo de quien revisó")),
    "approver_name": (200, N_("Aprobó")),
    "approver_position": (200, N_("Cargo de quien aprobó")),
}


def validate_meeting_fields(data: MeetingData) -> dict:
    """The meeting's own columns, cleaned; runs no query (creation must write first)."""
    c = Checker()
    values = {f: getattr(data, f) for f in MEETING_FIELDS}
    for key, (limit, label) in TEXT_LIMITS.items():
        values[key] = c.text(key, values[key], _(label), max_len=limit)
    if data.type not in set(MeetingType):
        c.fail("type", _("Tipo de reunión: elija uno de la lista."))
    c.required("date", data.date, _("Fecha"))
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
                {
                    "text": c.text(
                        f"decisions.{i}", d.text, _("Decisión {n}").format(n=i), required=True
                    )
                },
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
        "name": c.text(f"attendees.{n}.name", a.name, label, required=True, max_len=200),
        "entity": c.text(f"attendees.{n}.entity", a.entity, label, max_len=300),
        "position": c.text(f"attendees.{n}.position", a.position, label, max_len=200),
        "email": c.text(f"attendees.{n}.email", a.email, label, max_len=200),
        "phone": c.text(f"attendees.{n}.phone", a.phone, label, max_len=100),
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
        "title": c.text(f"agenda.{n}.title", item.title, label, required=True, max_len=500),
        "development": c.text(f"agenda.{n}.development", item.development, label),
    }
