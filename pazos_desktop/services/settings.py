"""Settings that belong to the database and its documents (not per-user preferences)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AppSetting

DEFAULTS = {
    "org_name": "Alcaldía de Palmira — Estrategia PAZOS",
    "org_logo": "",
    "page_size": "letter",
    "doc_code": "",
    "doc_version": "01",
    "doc_approval_date": "",
    "sample_data": "0",
    # DANE DIVIPOLA codes of the entity's territory (text: leading zeros are part of a code).
    "divipola_department": "76",
    "divipola_municipality": "76520",
}


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
