"""A meeting and its parts: the bounded texts of the minutes (acta), and how the history shows
the columns the meeting services check themselves (`info`: type, series, number, times,
approval)."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record
from pazos_desktop.domain.meetings import (
    MEETING_STATUS_LABELS,
    MEETING_TYPE_LABELS,
    PRESENCE_LABELS,
    SIGNER_ROLES,
)
from pazos_desktop.domain.records.commitment import STATUS_CHOICES
from pazos_desktop.i18n import N_


def _shown(key: str, label: str, kind: Kind = Kind.TEXT, ref: str | None = None, **more) -> Field:
    """A column its service checks itself (`info`), declared for readers: the history."""
    return Field(key, label, kind, ref, info=True, **more)


# What ties a part to its meeting and orders it: nothing a reader of the history needs.
PARENT = (
    _shown("meeting_id", N_("Reunión"), Kind.REF, "meeting", hidden=True),
    _shown("sort_order", N_("Orden"), Kind.WHOLE, hidden=True),
)

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
        # Checked by the meeting services themselves; shown in the history:
        _shown("type", N_("Tipo de reunión"), Kind.CHOICE, choices=MEETING_TYPE_LABELS),
        # A type's key (its label is shown) or a name typed for the body ("Mesa de clúster 3"):
        _shown("series", N_("Serie (numeración)"), Kind.CHOICE, choices=MEETING_TYPE_LABELS),
        _shown("year", N_("Año"), Kind.YEAR),
        _shown("number", N_("Número"), Kind.WHOLE),
        _shown("start_time", N_("Hora de inicio"), Kind.TIME),
        _shown("end_time", N_("Hora de finalización"), Kind.TIME),
        _shown("chair_contact_id", N_("Preside (contacto)"), Kind.REF, "contact"),
        _shown("secretary_contact_id", N_("Secretario(a) (contacto)"), Kind.REF, "contact"),
        _shown("next_time", N_("Próxima reunión: hora"), Kind.TIME),
        _shown("cluster_ids", N_("Clústeres"), Kind.REFS, "cluster"),
        _shown("approved_pdf_sha256", N_("Huella SHA-256 del PDF aprobado"), max_len=64),
        _shown("status", N_("Estado del acta"), Kind.CHOICE, choices=MEETING_STATUS_LABELS),
        _shown("approved_at", N_("Aprobada el"), Kind.MOMENT),
        _shown("approved_by", N_("Aprobada por"), max_len=200),
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
        _shown("contact_id", N_("Contacto"), Kind.REF, "contact"),
        _shown("presence", N_("Asistencia"), Kind.CHOICE, choices=PRESENCE_LABELS),
        _shown("is_guest", N_("Invitado"), Kind.BOOL),
        *PARENT,
    ),
)

AGENDA_ITEM = Record(
    "meeting_agenda_item",
    N_("Punto del orden del día"),
    (
        Field("title", N_("Tema"), required=True, max_len=500),
        Field("development", N_("Desarrollo"), Kind.LONG, max_len=10000),
        *PARENT,
    ),
)

DECISION = Record(
    "meeting_decision",
    N_("Decisión"),
    (Field("text", N_("Decisión"), Kind.LONG, required=True, max_len=2000), *PARENT),
)

FOLLOWUP = Record(
    "meeting_followup",
    N_("Seguimiento"),
    (
        Field("reported_status", N_("Estado reportado"), Kind.CHOICE, choices=STATUS_CHOICES),
        Field("reported_achieved", N_("Avance reportado"), Kind.QUANTITY),
        Field("comment", N_("Comentario"), Kind.LONG, max_len=2000),
        _shown("commitment_id", N_("Compromiso"), Kind.REF, "commitment"),
        _shown("progress_update_id", N_("Avance"), Kind.REF, hidden=True),
        *PARENT,
    ),
)

# A digital signature of an approved acta, as its history shows it (the documents' signing
# checks it; the increment's bytes never reach the history).
SIGNATURE = Record(
    "acta_signature",
    N_("Firma digital"),
    (
        _shown("role", N_("Firma como"), Kind.CHOICE, choices=SIGNER_ROLES),
        _shown("signer_name", N_("Firmante"), max_len=300),
        _shown("issuer", N_("Emisor del certificado"), max_len=300),
        _shown("signed_at", N_("Firmada el"), Kind.MOMENT),
        _shown("timestamped", N_("Con sello de tiempo"), Kind.BOOL),
        _shown("external", N_("Firmada en otro programa"), Kind.BOOL),
        _shown("pdf_sha256", N_("Huella SHA-256 del PDF firmado"), max_len=64),
        _shown("snapshot_id", N_("Versión aprobada"), Kind.WHOLE, hidden=True),
        _shown("seq", N_("Orden"), Kind.WHOLE, hidden=True),
        _shown("meeting_id", N_("Reunión"), Kind.REF, "meeting", hidden=True),
    ),
)
