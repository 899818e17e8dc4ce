"""The personal-data records (Ley 1581 de 2012): the data-processing policy's versions and its
purposes, holders' requests and contacts' authorisations.

Their refusals are worded as they always were: a date that cannot be read, "escriba la fecha
como dd/mm/aaaa."; a choice typed wrong, "elija uno de la lista." (`unreadable`). Dates are
checked against today and each other by the services, never for being far away (`ANY_DATE`).
"""

from __future__ import annotations

from dataclasses import replace

from pazos_desktop.domain.fields import ANY_DATE, FROM_THE_LIST, Field, Kind, Record
from pazos_desktop.domain.personal_data import MEANS_LABELS, STATUS_LABELS, TYPE_LABELS
from pazos_desktop.i18n import N_

NOTICE_MAX = 700  # printed on every attendance sheet: a short notice, not the policy
AS_DATE = N_("escriba la fecha como dd/mm/aaaa.")


def _date(key: str, label: str, required: bool = False) -> Field:
    return Field(key, label, Kind.DATE, required=required, **ANY_DATE, unreadable=AS_DATE)


def _choice(key: str, label: str, choices: dict) -> Field:
    return Field(key, label, Kind.CHOICE, required=True, choices=choices, unreadable=FROM_THE_LIST)


# The Contactos sheet carries a contact's latest authorisation in these columns (in this order:
# `excel/bulk/format.py`); each field says its header and HXL tag.
_SHEET = {
    "granted_on": {"header": N_("Autorización: fecha"), "hxl": "#x_consent+date"},
    "means": {"header": N_("Autorización: medio"), "hxl": "#x_consent+means"},
    "purpose_ids": {"header": N_("Autorización: finalidades"), "hxl": "#x_consent+purposes"},
    "policy_id": {"header": N_("Autorización: versión de la política"), "hxl": "#x_consent+policy"},
    "evidence_ref": {"header": N_("Autorización: evidencia"), "hxl": "#x_consent+evidence"},
    "revoked_on": {"header": N_("Autorización: revocada el"), "hxl": "#x_consent+revoked"},
}


def _on_sheet(spec: Field) -> Field:
    return replace(spec, **_SHEET[spec.key])


POLICY = Record(
    "data_policy",
    N_("Política"),
    (
        Field("version_label", N_("Versión"), required=True, max_len=20),
        Field("title", N_("Título"), required=True, max_len=300),
        _date("effective_on", N_("Vigente desde"), required=True),
        Field(
            "notice",
            N_("Aviso corto (planilla de asistencia)"),
            Kind.LONG,
            required=True,
            max_len=NOTICE_MAX,
        ),
        Field("text", N_("Texto de la política"), Kind.LONG, max_len=200_000),
        Field("url", N_("Dónde se publica (enlace)"), max_len=300),
    ),
)

PURPOSE = Record(
    "data_purpose",
    N_("Finalidad"),
    (
        Field("name", N_("Finalidad"), required=True, max_len=300),
        Field("sort_order", N_("Orden"), Kind.WHOLE, info=True, hidden=True),
    ),
)

REQUEST = Record(
    "rights_request",
    N_("Solicitud"),
    (
        _choice("type", N_("Tipo"), TYPE_LABELS),
        _date("received_on", N_("Recibida el"), required=True),
        Field("requester_name", N_("Quién la presenta"), required=True, max_len=200),
        Field("requester_contact", N_("Dónde responder"), max_len=200),
        Field("description", N_("Qué pide"), Kind.LONG, required=True, max_len=10_000),
        Field("extended", N_("Término prorrogado"), Kind.BOOL),
        Field("extension_reason", N_("Motivo de la prórroga"), Kind.LONG, max_len=5000),
        _choice("status", N_("Estado"), STATUS_LABELS),
        _date("answered_on", N_("Respondida el")),
        Field("answer", N_("Respuesta"), Kind.LONG, max_len=20_000),
    ),
)

_POLICY, _PURPOSE = "data_policy", "data_purpose"
AUTHORISATION = Record(
    "contact_authorisation",
    N_("Autorización"),
    (
        _on_sheet(_date("granted_on", N_("Fecha de la autorización"), required=True)),
        _on_sheet(_choice("means", N_("Medio"), MEANS_LABELS)),
        _on_sheet(Field("purpose_ids", N_("Finalidades"), Kind.REFS, _PURPOSE, required=True)),
        _on_sheet(
            Field("policy_id", N_("Versión de la política"), Kind.REF, _POLICY, required=True)
        ),
        _on_sheet(Field("evidence_ref", N_("Evidencia"), max_len=300)),
        _on_sheet(_date("revoked_on", N_("Revocada el"))),
        Field("notes", N_("Notas"), Kind.LONG, max_len=5000),
    ),
)
