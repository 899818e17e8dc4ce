"""Settings that belong to the database and its documents (not per-user preferences)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import N_, translate
from ..models import AppSetting

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
