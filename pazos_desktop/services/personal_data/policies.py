"""Versions of the data-processing policy (política de tratamiento) and the purposes list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.personal_data import ContactAuthorisation, DataPolicy, DataPurpose
from pazos_desktop.domain.records import POLICY, PURPOSE
from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import _
from pazos_desktop.services.common import (
    Checker,
    create_or_update,
)


@dataclass
class PolicyData:
    version_label: str = ""
    title: str = ""
    effective_on: dt.date | None = None
    notice: str = ""
    text: str | None = None
    url: str | None = None
    id: int | None = None
    version: int | None = None
    authorisations: int = 0


@dataclass
class PurposeData:
    name: str = ""
    active: bool = True
    sort_order: int = 0
    id: int | None = None
    version: int | None = None


def _policy_data(p: DataPolicy, used: int = 0) -> PolicyData:
    keys = POLICY.keys()
    return PolicyData(
        **{k: getattr(p, k) for k in keys}, id=p.id, version=p.version, authorisations=used
    )


def list_policies(session: Session) -> list[PolicyData]:
    used = dict(
        session.execute(
            select(ContactAuthorisation.policy_id, func.count()).group_by(
                ContactAuthorisation.policy_id
            )
        ).all()
    )
    rows = session.scalars(select(DataPolicy).order_by(DataPolicy.effective_on.desc()))
    return [_policy_data(p, used.get(p.id, 0)) for p in rows]


def current_policy(session: Session, on: dt.date | None = None) -> PolicyData | None:
    """The version in force on `on` (default today): the latest that started by then."""
    on = on or today_in(session)
    policy = session.scalars(
        select(DataPolicy)
        .where(DataPolicy.effective_on <= on)
        .order_by(DataPolicy.effective_on.desc(), DataPolicy.id.desc())
        .limit(1)
    ).first()
    return _policy_data(policy) if policy else None


def save_policy(session: Session, data: PolicyData) -> PolicyData:
    c = Checker()
    values = c.given(POLICY, vars(data))
    label = values.get("version_label")
    if label:
        query = select(func.count()).where(DataPolicy.version_label == label)
        if data.id is not None:
            query = query.where(DataPolicy.id != data.id)
        if session.scalar(query):
            c.fail(
                "version_label",
                _("Versión: ya existe la versión «{v}» de la política.").format(v=label),
            )
    c.raise_if_any()
    policy = create_or_update(session, DataPolicy, data, _("La versión de la política"), values)
    session.flush()
    return _policy_data(policy)


# --- purposes ---------------------------------------------------------------------------------


def _purpose_data(p: DataPurpose) -> PurposeData:
    return PurposeData(p.name, p.active, p.sort_order, p.id, p.version)


def _next_place(session: Session) -> int:
    """A new purpose goes to the end of the list."""
    return session.scalar(select(func.coalesce(func.max(DataPurpose.sort_order), 0))) + 1


def list_purposes(session: Session, active_only: bool = False) -> list[PurposeData]:
    query = select(DataPurpose).order_by(DataPurpose.sort_order, DataPurpose.name_key)
    if active_only:
        query = query.where(DataPurpose.active.is_(True))
    return [_purpose_data(p) for p in session.scalars(query)]


def save_purpose(session: Session, data: PurposeData) -> PurposeData:
    c = Checker()
    values = c.given(PURPOSE, vars(data))
    name = values.get("name")
    if name:
        query = select(func.count()).where(DataPurpose.name_key == fold(name))
        if data.id is not None:
            query = query.where(DataPurpose.id != data.id)
        if session.scalar(query):
            c.fail("name", _("Finalidad: ya existe «{name}».").format(name=name))
    c.raise_if_any()
    values |= {"name_key": fold(name), "active": bool(data.active)}
    new = {"sort_order": _next_place(session)} if data.id is None else None
    purpose = create_or_update(session, DataPurpose, data, _("La finalidad"), values, new)
    session.flush()
    return _purpose_data(purpose)
