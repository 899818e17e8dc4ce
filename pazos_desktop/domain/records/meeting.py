"""A meeting and its parts: the bounded texts of the minutes (acta)."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record
from pazos_desktop.domain.records.commitment import STATUS_CHOICES
from pazos_desktop.i18n import N_

MEETING = Record(
    "meeting",
    N_("Reunión"),
    (
        Field("date", N_("Fecha"), Kind.DATE, required=True),
        Field("place", N_("Lugar"), max_len=300),
        Field("link", N_("Enlace"), max_len=500),
        Field("objective", N_("Objetivo"), Kind.LONG, max_len=4000),
        Field("chair_name", N_("Preside"), max_len=200),
        Field("chair_position", N_("Cargo de quien preside"), max_len=200),
        Field("secretary_name", N_("Secretario(a)"), max_len=200),
        Field("secretary_position", N_("Cargo del secretario(a)"), max_len=200),
        Field("next_date", N_("Próxima reunión"), Kind.DATE),
        Field("next_place", N_("Lugar de la próxima reunión"), max_len=300),
        Field("prepared_by", N_("Elaboró"), max_len=200),
        Field("prepared_position", N_("Cargo de quien elaboró"), max_len=200),
        Field("reviewed_by", N_("Revisó"), max_len=200),
        Field("reviewed_position", N_("Cargo de quien revisó"), max_len=200),
        Field("approver_name", N_("Aprobó"), max_len=200),
        Field("approver_position", N_("Cargo de quien aprobó"), max_len=200),
    ),
)

ATTENDEE = Record(
    "meeting_attendee",
    N_("Asistente"),
    (
        Field("name", N_("Nombre"), required=True, max_len=200),
        Field("entity", N_("Entidad"), max_len=300),
        Field("position", N_("Cargo"), max_len=200),
        Field("email", N_("Correo electrónico"), max_len=200),
        Field("phone", N_("Teléfono"), max_len=100),
    ),
)

AGENDA_ITEM = Record(
    "meeting_agenda_item",
    N_("Punto del orden del día"),
    (
        Field("title", N_("Tema"), required=True, max_len=500),
        Field("development", N_("Desarrollo"), Kind.LONG, max_len=10000),
    ),
)

DECISION = Record(
    "meeting_decision",
    N_("Decisión"),
    (Field("text", N_("Decisión"), Kind.LONG, required=True, max_len=2000),),
)

FOLLOWUP = Record(
    "meeting_followup",
    N_("Seguimiento"),
    (
        Field("reported_status", N_("Estado reportado"), Kind.CHOICE, choices=STATUS_CHOICES),
        Field("reported_achieved", N_("Avance reportado"), Kind.QUANTITY),
        Field("comment", N_("Comentario"), Kind.LONG, max_len=2000),
    ),
)
