"""The authorisation columns of the bulk format's Contactos sheet (Ley 1581).

Columns, labels and HXL tags come from the declaration `domain.records.AUTHORISATION`; the
rules are the service's `validate_authorisation` (called itself:
contacts are few), and the writing goes through `save_authorisation`. The columns are
declared in `format.authorisation_columns()`; the bulk modules call `export_cells()`, and per row
`check_cells()` / `diff()` / `apply()`.

A row's cells describe the contact's latest authorisation. All blank: nothing changes. The
same date and policy version as the latest one: that one is updated (a revocation date added,
say); otherwise a new authorisation is recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.personal_data import DataPolicy, DataPurpose
from pazos_desktop.domain.fields import REFS_SEPARATOR, FieldError
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.records import AUTHORISATION
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import ValidationError
from pazos_desktop.excel.bulk.format import AUTHORISATION_PREFIX as PREFIX
from pazos_desktop.excel.bulk.format import authorisation_columns
from pazos_desktop.excel.preview import FieldChange
from pazos_desktop.i18n import _
from pazos_desktop.services.personal_data import authorisations as auth


def _key(field: str) -> str:
    return PREFIX + field


# --- export -----------------------------------------------------------------------------------


def export_cells(session: Session, rows: list[dict]) -> list[dict]:
    """Each contact row with its latest authorisation's cells."""
    for row in rows:
        found = auth.authorisations_of(session, row["id"])
        row |= _cells(found[0]) if found else {}
    return rows


def _cells(a: auth.AuthorisationData) -> dict:
    return {
        _key("granted_on"): a.granted_on,
        _key("means"): auth.means_label(a.means),
        _key("purpose_ids"): REFS_SEPARATOR.join(a.purpose_names),
        _key("policy_id"): a.policy_label,
        _key("evidence_ref"): a.evidence_ref,
        _key("revoked_on"): a.revoked_on,
    }


# --- import -----------------------------------------------------------------------------------


@dataclass
class Planned:
    """What a row asks for: the authorisation to save (update `id` or create)."""

    data: auth.AuthorisationData
    summary: str
    before: str


def check_cells(session: Session, v: dict, contact_id, bad) -> Planned | None:
    """The row's authorisation, checked with the service's rules; None when all blank."""
    if not any(v.get(c.key) not in (None, "") for c in authorisation_columns()):
        return None
    latest = _latest(session, contact_id)
    data = auth.AuthorisationData(
        contact_id=contact_id if isinstance(contact_id, int) else None,
        granted_on=_parsed("granted_on", v, bad),
        means=_parsed("means", v, bad),
        purpose_ids=_purposes(session, v.get(_key("purpose_ids")), bad),
        policy_id=_policy(session, v.get(_key("policy_id")), bad),
        evidence_ref=v.get(_key("evidence_ref")),
        revoked_on=_parsed("revoked_on", v, bad),
    )
    if latest is not None and (latest.granted_on, latest.policy_id) == (
        data.granted_on,
        data.policy_id,
    ):
        data.id, data.version, data.notes = latest.id, latest.version, latest.notes
    try:
        auth.validate_authorisation(session, data)
    except ValidationError as exc:
        for field_name, message in exc.fields.items():
            if field_name != "contact_id":  # a contact created by this very file
                bad.fail(_key(field_name), message)
    if bad:
        return None
    before = _summary(session, latest) if latest else "—"
    planned = Planned(data, _summary(session, data), before)
    return None if latest is not None and _same(latest, data) else planned


def _latest(session, contact_id) -> auth.AuthorisationData | None:
    if not isinstance(contact_id, int):
        return None
    found = auth.authorisations_of(session, contact_id)
    return found[0] if found else None


def _same(a: auth.AuthorisationData, b: auth.AuthorisationData) -> bool:
    def key(x):
        return (
            x.granted_on,
            x.means,
            frozenset(x.purpose_ids),
            x.policy_id,
            x.evidence_ref or None,
            x.revoked_on,
        )

    return key(a) == key(b)


def _parsed(key: str, v: dict, bad):
    """A cell read by its declared field (the one date parser; a means by its label)."""
    text = v.get(_key(key))
    if text in (None, ""):
        return None
    try:
        return AUTHORISATION[key].parse(text)
    except FieldError as exc:
        bad.fail(_key(key), exc.message)
        return None


def _purposes(session, text, bad) -> list[int]:
    names = [n.strip() for n in str(text or "").split(";") if n.strip()]
    known = {
        fold(name): pid for pid, name in session.execute(select(DataPurpose.id, DataPurpose.name))
    }
    missing = [n for n in names if fold(n) not in known]
    if missing:
        bad.fail(_key("purpose_ids"), _("Finalidades: no existe «{name}».").format(name=missing[0]))
    return [known[fold(n)] for n in names if fold(n) in known]


def _policy(session, text, bad) -> int | None:
    if text in (None, ""):
        return None
    label = str(text).strip()
    if isinstance(text, float) and text.is_integer():
        label = f"{text:.1f}"  # 1.0 read back as a number
    found = session.scalar(select(DataPolicy.id).where(DataPolicy.version_label == label))
    if found is None:
        bad.fail(
            _key("policy_id"),
            _("Versión de la política: no existe la versión «{v}».").format(v=label),
        )
    return found


def _summary(session, a: auth.AuthorisationData) -> str:
    policy = session.get(DataPolicy, a.policy_id) if a.policy_id else None
    parts = [format_date(_as_date(a.granted_on)), auth.means_label(a.means) if a.means else ""]
    parts.append(_("política {v}").format(v=policy.version_label) if policy else "")
    if a.revoked_on:
        parts.append(_("revocada el {d}").format(d=format_date(_as_date(a.revoked_on))))
    return " · ".join(p for p in parts if p)


def _as_date(value):
    return value if isinstance(value, dt.date) else None


def diff(values: dict) -> list:
    """The preview's line for the authorisation ("Autorización: before → after")."""
    planned = values.get("authorisation")
    if planned is None:
        return []
    return [FieldChange(_("Autorización"), planned.before, planned.summary)]


def apply(session: Session, contact_id: int, values: dict) -> None:
    planned = values.get("authorisation")
    if planned is not None:
        planned.data.contact_id = contact_id
        auth.save_authorisation(session, planned.data)
