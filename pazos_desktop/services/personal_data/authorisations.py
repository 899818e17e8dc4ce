"""Each contact's authorisation to process their data (art. 9, Ley 1581; art. 7, Decreto 1377).

Proof kept: date, means, purposes, the policy version accepted, an evidence reference and the
revocation date. A contact's state is that of their latest authorisation: *vigente*,
*revocada*, or *sin autorización* when there is none.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee
from pazos_desktop.db.models.personal_data import (
    ContactAuthorisation,
    DataPolicy,
    DataPurpose,
    DataSuppression,
)
from pazos_desktop.db.models.register import Contact, Partner
from pazos_desktop.domain.meetings import acta_label
from pazos_desktop.domain.personal_data import MEANS_LABELS, Means
from pazos_desktop.domain.records import AUTHORISATION
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import ValidationError
from pazos_desktop.i18n import N_, _
from pazos_desktop.services.common import (
    Checker,
    create_or_update,
    get_or_fail,
)
from pazos_desktop.services.partners import ContactData, list_contacts
from pazos_desktop.services.personal_data.policies import current_policy


class AuthState(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    NONE = "none"


STATE_LABELS = {
    AuthState.VALID: N_("Vigente"),
    AuthState.REVOKED: N_("Revocada"),
    AuthState.NONE: N_("Sin autorización"),
}


def state_label(state: str) -> str:
    return _(STATE_LABELS.get(state, state))


def means_label(means: str) -> str:
    return _(MEANS_LABELS.get(means, means))


@dataclass
class AuthorisationData:
    contact_id: int | None = None
    granted_on: dt.date | None = None
    means: str = Means.WRITTEN_FORM.value
    purpose_ids: list[int] = field(default_factory=list)
    policy_id: int | None = None
    evidence_ref: str | None = None
    revoked_on: dt.date | None = None
    notes: str | None = None
    id: int | None = None
    version: int | None = None
    policy_label: str = ""
    purpose_names: list[str] = field(default_factory=list)


@dataclass
class AuthSummary:
    """A contact's state, from their latest authorisation."""

    state: str = AuthState.NONE.value
    authorisation_id: int | None = None
    granted_on: dt.date | None = None
    means: str | None = None
    policy_label: str | None = None
    revoked_on: dt.date | None = None

    @property
    def valid(self) -> bool:
        return self.state == AuthState.VALID

    def label(self) -> str:
        return state_label(self.state)


@dataclass
class ContactAuthRow:
    id: int  # the contact's
    partner_id: int
    partner_name: str
    name: str
    position: str | None
    email: str | None
    auth: AuthSummary


def _to_data(a: ContactAuthorisation) -> AuthorisationData:
    return AuthorisationData(
        contact_id=a.contact_id,
        granted_on=a.granted_on,
        means=a.means,
        purpose_ids=[p.id for p in a.purposes],
        policy_id=a.policy_id,
        evidence_ref=a.evidence_ref,
        revoked_on=a.revoked_on,
        notes=a.notes,
        id=a.id,
        version=a.version,
        policy_label=a.policy.version_label if a.policy else "",
        purpose_names=[p.name for p in a.purposes],
    )


# --- validation and saving --------------------------------------------------------------------


def validate_authorisation(session: Session, data: AuthorisationData) -> dict:
    c = Checker()
    values = c.given(AUTHORISATION, vars(data))
    today = today_in(session)
    if data.contact_id is None or session.get(Contact, data.contact_id) is None:
        c.fail("contact_id", _("Contacto: no existe."))
    granted, revoked = values.get("granted_on"), values.get("revoked_on")
    if granted and granted > today:
        c.fail("granted_on", _("Fecha de la autorización: no puede ser posterior a hoy."))
    if revoked and granted and revoked < granted:
        c.fail("revoked_on", _("Revocada el: no puede ser anterior a la autorización."))
    if revoked and revoked > today:
        c.fail("revoked_on", _("Revocada el: no puede ser posterior a hoy."))
    values["policy"] = _check_policy(session, c, data.policy_id, granted)
    values["purposes"] = _check_purposes(session, c, data.purpose_ids)
    c.raise_if_any()
    return values


def _check_policy(session, c: Checker, policy_id, granted) -> DataPolicy | None:
    policy = session.get(DataPolicy, policy_id) if policy_id is not None else None
    if policy is None:
        c.fail("policy_id", _("Versión de la política: elija la versión que la persona aceptó."))
    elif granted and policy.effective_on > granted:
        c.fail(
            "policy_id",
            _(
                "Versión de la política: la versión {v} rige desde el {d}, después de la fecha."
            ).format(v=policy.version_label, d=policy.effective_on.strftime("%d/%m/%Y")),
        )
    return policy


def _check_purposes(session, c: Checker, purpose_ids) -> list[DataPurpose]:
    ids = list(dict.fromkeys(purpose_ids or []))
    found = list(session.scalars(select(DataPurpose).where(DataPurpose.id.in_(ids)))) if ids else []
    if not ids:
        c.fail("purpose_ids", _("Finalidades: marque al menos una."))
    elif len(found) != len(ids):
        c.fail("purpose_ids", _("Finalidades: alguna ya no existe."))
    return sorted(found, key=lambda p: p.sort_order)


def save_authorisation(session: Session, data: AuthorisationData) -> AuthorisationData:
    values = validate_authorisation(session, data)
    values["contact_id"] = data.contact_id
    label = _("La autorización")
    record = create_or_update(session, ContactAuthorisation, data, label, values)
    session.flush()
    return _to_data(record)


def revoke(session: Session, authorisation_id: int, on: dt.date | None = None) -> AuthorisationData:
    record = get_or_fail(session, ContactAuthorisation, authorisation_id, _("La autorización"))
    data = _to_data(record)
    data.revoked_on = on or today_in(session)
    return save_authorisation(session, data)


def authorisations_of(session: Session, contact_id: int) -> list[AuthorisationData]:
    query = (
        select(ContactAuthorisation)
        .where(ContactAuthorisation.contact_id == contact_id)
        .order_by(ContactAuthorisation.granted_on.desc(), ContactAuthorisation.id.desc())
    )
    return [_to_data(a) for a in session.scalars(query)]


# --- states -----------------------------------------------------------------------------------


def _latest():
    """Each contact's latest authorisation (window function: one pass, SQLite and PostgreSQL)."""
    a = ContactAuthorisation
    rank = (
        func.row_number()
        .over(partition_by=a.contact_id, order_by=(a.granted_on.desc(), a.id.desc()))
        .label("rank")
    )
    inner = select(
        a.id, a.contact_id, a.granted_on, a.means, a.revoked_on, a.policy_id, rank
    ).subquery()
    return select(inner).where(inner.c.rank == 1).subquery()


def _summary(row, today: dt.date) -> AuthSummary:
    if row.id is None:
        return AuthSummary()
    revoked = row.revoked_on is not None and row.revoked_on <= today
    return AuthSummary(
        state=AuthState.REVOKED if revoked else AuthState.VALID,
        authorisation_id=row.id,
        granted_on=row.granted_on,
        means=row.means,
        policy_label=row.version_label,
        revoked_on=row.revoked_on,
    )


def states_for(session: Session, contact_ids) -> dict[int, AuthSummary]:
    """Contact id -> its state, for the given contacts (missing ones: no authorisation)."""
    ids = list(contact_ids)
    if not ids:
        return {}
    latest = _latest()
    query = (
        select(
            latest.c.contact_id,
            latest.c.id,
            latest.c.granted_on,
            latest.c.means,
            latest.c.revoked_on,
            DataPolicy.version_label,
        )
        .outerjoin(DataPolicy, DataPolicy.id == latest.c.policy_id)
        .where(latest.c.contact_id.in_(ids))
    )
    today = today_in(session)
    found = {row.contact_id: _summary(row, today) for row in session.execute(query)}
    return {cid: found.get(cid, AuthSummary()) for cid in ids}


def list_contact_states(
    session: Session, only_lacking: bool = False, text: str | None = None
) -> list[ContactAuthRow]:
    """Every active contact with its state; `only_lacking`: those without a valid one."""
    latest = _latest()
    query = (
        select(
            Contact.id,
            Contact.partner_id,
            Partner.name.label("partner_name"),
            Contact.name,
            Contact.position,
            Contact.email,
            latest.c.id.label("auth_id"),
            latest.c.granted_on,
            latest.c.means,
            latest.c.revoked_on,
            DataPolicy.version_label,
        )
        .join(Partner, Partner.id == Contact.partner_id)
        .outerjoin(latest, latest.c.contact_id == Contact.id)
        .outerjoin(DataPolicy, DataPolicy.id == latest.c.policy_id)
        .where(Contact.archived.is_(False))
        .where(Contact.id.not_in(select(DataSuppression.contact_id)))
        .order_by(Partner.name_key, Contact.name)
    )
    today = today_in(session)
    rows = []
    for r in session.execute(query):
        summary = _summary(
            _AuthRow(r.auth_id, r.granted_on, r.means, r.revoked_on, r.version_label), today
        )
        if only_lacking and summary.valid:
            continue
        if text and fold(text) not in fold(f"{r.name} {r.partner_name} {r.email or ''}"):
            continue
        rows.append(
            ContactAuthRow(r.id, r.partner_id, r.partner_name, r.name, r.position, r.email, summary)
        )
    return rows


@dataclass
class _AuthRow:
    id: int | None
    granted_on: dt.date | None
    means: str | None
    revoked_on: dt.date | None
    version_label: str | None


# --- the signed attendance sheet ----------------------------------------------------------------


@dataclass
class SignedSheetResult:
    created: list[str]  # names authorised now
    already: list[str]  # names that already had a valid authorisation
    evidence: str


def sheet_evidence(meeting: Meeting) -> str:
    return _("Planilla de asistencia — {acta}").format(
        acta=acta_label(meeting.number, meeting.year)
    )


def record_signed_sheet(
    session: Session, meeting_id: int, contact_ids: list[int]
) -> SignedSheetResult:
    """Authorise the attendees who ticked the habeas-data box of the meeting's signed sheet:
    dated the meeting's day, the policy then in force, every active purpose."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("La reunión"))
    policy = current_policy(session, meeting.date)
    if policy is None:
        raise ValidationError(
            {
                "policy_id": _(
                    "No hay una política de tratamiento vigente en la fecha de la reunión."
                )
            }
        )
    listed = {
        a.contact_id: a.name
        for a in session.scalars(
            select(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting_id)
        )
        if a.contact_id is not None
    }
    purposes = [
        p.id for p in session.scalars(select(DataPurpose).where(DataPurpose.active.is_(True)))
    ]
    states = states_for(session, contact_ids)
    result = SignedSheetResult([], [], sheet_evidence(meeting))
    for contact_id in contact_ids:
        if contact_id not in listed:
            raise _not_on_sheet(contact_id)
        if states[contact_id].valid:
            result.already.append(listed[contact_id])
            continue
        save_authorisation(
            session,
            AuthorisationData(
                contact_id=contact_id,
                granted_on=min(meeting.date, today_in(session)),
                means=Means.ATTENDANCE_SHEET.value,
                purpose_ids=purposes,
                policy_id=policy.id,
                evidence_ref=result.evidence,
            ),
        )
        result.created.append(listed[contact_id])
    return result


def _not_on_sheet(contact_id: int) -> ValidationError:
    return ValidationError(
        {
            "contact_ids": _("El contacto {id} no está en la planilla de esta reunión.").format(
                id=contact_id
            )
        }
    )


@dataclass
class SheetPerson:
    contact_id: int
    name: str
    entity: str
    auth: AuthSummary


def sheet_people(session: Session, meeting_id: int) -> list[SheetPerson]:
    """The contacts on a meeting's attendance list, with their state (for ticking)."""
    rows = session.scalars(
        select(MeetingAttendee)
        .where(MeetingAttendee.meeting_id == meeting_id, MeetingAttendee.contact_id.is_not(None))
        .order_by(MeetingAttendee.sort_order)
    ).all()
    states = states_for(session, [a.contact_id for a in rows])
    return [SheetPerson(a.contact_id, a.name, a.entity or "", states[a.contact_id]) for a in rows]


@dataclass
class ContactWithAuth(ContactData):
    """A contact as Entidades lists it, with the state of its authorisation."""

    auth: AuthSummary = field(default_factory=AuthSummary)


def contacts_with_states(session: Session, partner_id: int) -> list[ContactWithAuth]:
    rows = list_contacts(session, partner_id)
    states = states_for(session, [c.id for c in rows])
    return [ContactWithAuth(**vars(c), auth=states[c.id]) for c in rows]
