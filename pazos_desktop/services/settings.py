"""Settings that belong to the database and its documents (not per-user preferences)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import AppSetting
from pazos_desktop.i18n import N_, translate

DEFAULTS = {
    "org_name": "Alcaldía de Palmira — Estrategia PAZOS",
    "org_logo": "",
    "page_size": "letter",
    "doc_code": "",
    "doc_version": "01",
    "doc_approval_date": "",
    "coordinator_email": "",  # where partners send their sheets back (cover, e-mail drafts)
    "habeas_data_notice": "",  # empty: the built-in notice (NOTICE), in the document's language
    "sample_data": "0",
    # DANE DIVIPOLA codes of the entity's territory (text: leading zeros are part of a code).
    "divipola_department": "76",
    "divipola_municipality": "76520",
    # Digital signatures of approved actas (documents/signatures/): where they are signed, the
    # timestamp authority (empty: signatures without a timestamp, offline), and the trusted
    # roots and revocation lists the office imported (PEM text; never a private key).
    "signing_place": "Palmira, Valle del Cauca, Colombia",
    "tsa_url": "",
    "trusted_roots": "",
    "revocation_lists": "",
}
NOTICE = N_(
    "Autorización para el tratamiento de datos personales (Ley 1581 de 2012 y Decreto 1377 de "
    "2013). Quien marca «Sí» y firma autoriza a {org} a tratar los datos de esta planilla "
    "(nombre, documento, entidad, cargo, teléfono, correo y firma) para registrar la "
    "asistencia a la reunión, hacer seguimiento a sus compromisos y convocar a las siguientes. "
    "Como titular puede conocer, actualizar, rectificar y suprimir sus datos y revocar la "
    "autorización ante el responsable. Quien marca «No» queda registrado solo como asistente."
)


def get_setting(session: Session, key: str) -> str:
    value = session.scalar(select(AppSetting.value).where(AppSetting.key == key))
    return value if value is not None else DEFAULTS.get(key, "")


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def all_settings(session: Session) -> dict[str, str]:
    stored = dict(session.execute(select(AppSetting.key, AppSetting.value)).all())
    return DEFAULTS | {k: v for k, v in stored.items() if v is not None}


def habeas_data_notice(session: Session, lang: str | None = None) -> str:
    """The attendance sheet's personal-data notice: the one typed in the settings, else ours."""
    typed = get_setting(session, "habeas_data_notice").strip()
    if typed:
        return typed
    org = get_setting(session, "org_name") or translate(N_("la entidad organizadora"), lang)
    return translate(NOTICE, lang).format(org=org)


# The quality-system header of every PDF (writers/pdf/header.py): asked for before the first export.
DOCUMENT_KEYS = ("org_name", "org_logo", "doc_code", "doc_version", "doc_approval_date")
DOCUMENT_LABELS = {
    "org_name": N_("Nombre de la organización"),
    "org_logo": N_("Logotipo"),
    "doc_code": N_("Código del documento"),
    "doc_version": N_("Versión"),
    "doc_approval_date": N_("Fecha de aprobación"),
}
OFFERED = "doc_settings_offered"  # "1" once the window has offered to fill them


def missing_document_settings(values: dict[str, str]) -> list[str]:
    """The header settings still empty (the PDFs then leave them out)."""
    return [key for key in DOCUMENT_KEYS if not (values.get(key) or "").strip()]


def should_offer_document_settings(values: dict[str, str]) -> bool:
    """Before the first export: some header setting empty, and not offered before."""
    return bool(missing_document_settings(values)) and values.get(OFFERED) != "1"


def save_document_settings(session: Session, values: dict[str, str] | None) -> None:
    """Store the header settings chosen (None: none) and remember they were offered."""
    for key, value in (values or {}).items():
        if key in DOCUMENT_KEYS and get_setting(session, key) != value:
            set_setting(session, key, value)
    set_setting(session, OFFERED, "1")
