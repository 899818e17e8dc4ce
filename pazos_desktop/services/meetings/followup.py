"""Commitments at meetings: those agreed there, and the follow-up of earlier ones.

A follow-up records what was reported at the meeting about an open commitment; it becomes a
progress update of the commitment with source "meeting" and the acta as reference.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from pazos_desktop.clock import today_in
from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee, MeetingFollowup
from pazos_desktop.db.models.register import Commitment, Contact, ProgressUpdate
from pazos_desktop.domain.meetings import acta_label
from pazos_desktop.domain.records import FOLLOWUP
from pazos_desktop.domain.vocabulary import OPEN_STATUSES, ProgressSource, effective_status
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.services.commitments.editing import (
    CommitmentData,
    ProgressData,
    add_progress,
    save_commitment,
)
from pazos_desktop.services.common import Checker, get_or_fail
from pazos_desktop.services.meetings.editing import ensure_editable, load
from pazos_desktop.services.reporting.closures import refuse_closed

SUGGESTION_LIMIT = 300


@dataclass
class FollowupData:
    commitment_id: int
    reported_status: str | None = None
    reported_achieved: float | None = None
    comment: str | None = None
    id: int | None = None
    # Read-only, for showing the row: what the commitment is and who answers for it.
    title: str = ""
    partner_name: str = ""
    contact_name: str = ""
    responsible: str = ""
    due_date: dt.date | None = None
    current_status: str = ""
    reason: str = ""
    progress_update_id: int | None = None


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The meeting held just before this one (by date, then by creation)."""
    return meeting_before(session, meeting.date, meeting.id)


def meeting_before(session: Session, day: dt.date, meeting_id: int | None = None):
    """The latest meeting before `day` (or the same day and created before `meeting_id`)."""
    earlier = Meeting.date < day
    if meeting_id is not None:
        earlier = or_(earlier, and_(Meeting.date == day, Meeting.id < meeting_id))
    query = select(Meeting).where(earlier).order_by(Meeting.date.desc(), Meeting.id.desc())
    return session.scalars(query.limit(1)).first()


def suggest_followups(session: Session, meeting_id: int) -> list[FollowupData]:
    """Open commitments of the previous meeting, then those of the partners invited."""
    meeting = load(session, meeting_id)
    taken = {f.commitment_id for f in meeting.followups}
    out: list[FollowupData] = []
    previous = previous_meeting(session, meeting)
    if previous is not None:
        query = _open_commitments().where(Commitment.origin_meeting_id == previous.id)
        reason = _("Acordado en el {acta}").format(acta=acta_label(previous.number, previous.year))
        out += _suggestions(session, query, reason, taken)
    partner_ids = _invited_partners(session, meeting_id)
    if partner_ids:
        query = _open_commitments().where(
            Commitment.partner_id.in_(partner_ids),
            or_(Commitment.origin_meeting_id.is_(None), Commitment.origin_meeting_id != meeting.id),
        )
        out += _suggestions(session, query, _("Entidad invitada"), taken)
    return out[:SUGGESTION_LIMIT]


def _open_commitments():
    return (
        select(Commitment)
        .where(Commitment.status.in_([s.value for s in OPEN_STATUSES]))
        .options(selectinload(Commitment.partner), selectinload(Commitment.contact))
        .order_by(Commitment.due_date.is_(None), Commitment.due_date, Commitment.id)
        .limit(SUGGESTION_LIMIT)
    )


def _suggestions(session: Session, query, reason: str, taken: set[int]) -> list[FollowupData]:
    rows = []
    for c in session.scalars(query):
        if c.id in taken:
            continue
        taken.add(c.id)
        rows.append(_describe(FollowupData(commitment_id=c.id), c, today_in(session), reason))
    return rows


def _invited_partners(session: Session, meeting_id: int) -> list[int]:
    query = (
        select(Contact.partner_id)
        .join(MeetingAttendee, MeetingAttendee.contact_id == Contact.id)
        .where(MeetingAttendee.meeting_id == meeting_id)
        .distinct()
    )
    return list(session.scalars(query))


def _describe(row: FollowupData, c: Commitment, on: dt.date, reason: str = "") -> FollowupData:
    row.title = c.title
    row.partner_name = c.partner.name
    row.contact_name = c.contact.name if c.contact else ""
    row.responsible = responsible_label(c)
    row.due_date = c.due_date
    row.current_status = effective_status(c.status, c.due_date, on)
    row.reason = reason
    return row


def responsible_label(c: Commitment) -> str:
    """ "SIDOC — Ana Gómez": the partner (acronym when it has one) and its contact."""
    partner = c.partner.acronym or c.partner.name
    return f"{partner} — {c.contact.name}" if c.contact else partner


# --- recording follow-ups ---------------------------------------------------------------------


def prefill_followups(session: Session, meeting_id: int) -> list[FollowupData]:
    """Add every suggestion as a follow-up row (nothing reported yet); returns all rows."""
    meeting = load(session, meeting_id)
    ensure_editable(meeting)
    start = len(meeting.followups)
    for order, s in enumerate(suggest_followups(session, meeting_id), start):
        meeting.followups.append(MeetingFollowup(commitment_id=s.commitment_id, sort_order=order))
    session.flush()
    return list_followups(session, meeting_id)


def list_followups(session: Session, meeting_id: int) -> list[FollowupData]:
    query = (
        select(MeetingFollowup, Commitment)
        .join(Commitment, Commitment.id == MeetingFollowup.commitment_id)
        .where(MeetingFollowup.meeting_id == meeting_id)
        .options(selectinload(Commitment.partner), selectinload(Commitment.contact))
        .order_by(MeetingFollowup.sort_order, MeetingFollowup.id)
    )
    on = today_in(session)
    return [_describe(_followup_data(f), c, on) for f, c in session.execute(query)]


def _followup_data(f: MeetingFollowup) -> FollowupData:
    return FollowupData(
        commitment_id=f.commitment_id,
        reported_status=f.reported_status,
        reported_achieved=f.reported_achieved,
        comment=f.comment,
        id=f.id,
        progress_update_id=f.progress_update_id,
    )


def record_followup(session: Session, meeting_id: int, data: FollowupData) -> FollowupData:
    """Store what was reported; it becomes (or corrects) the commitment's progress update."""
    meeting = load(session, meeting_id)
    ensure_editable(meeting)
    commitment = get_or_fail(session, Commitment, data.commitment_id, _("El compromiso"))
    values = _validate_report(data)
    row = _followup_row(meeting, commitment.id)
    for key, value in values.items():
        setattr(row, key, value)
    session.flush()
    if any(v is not None for v in values.values()):
        _to_progress(session, meeting, commitment, row)
    session.flush()
    return _describe(_followup_data(row), commitment, today_in(session))


def _validate_report(data: FollowupData) -> dict:
    c = Checker()
    values = c.record(FOLLOWUP, vars(data))
    c.raise_if_any()
    return values


def _followup_row(meeting: Meeting, commitment_id: int) -> MeetingFollowup:
    for row in meeting.followups:
        if row.commitment_id == commitment_id:
            return row
    row = MeetingFollowup(commitment_id=commitment_id, sort_order=len(meeting.followups))
    meeting.followups.append(row)
    return row


def _to_progress(session: Session, meeting: Meeting, c: Commitment, row: MeetingFollowup):
    update = session.get(ProgressUpdate, row.progress_update_id) if row.progress_update_id else None
    if update is None:
        made = add_progress(
            session,
            ProgressData(
                commitment_id=c.id,
                date=meeting.date,
                achieved_quantity=row.reported_achieved,
                status=row.reported_status,
                comment=row.comment,
                source=ProgressSource.MEETING.value,
                source_ref=acta_label(meeting.number, meeting.year),
            ),
            # What was reported at the meeting is recorded as said; the acta is the evidence.
            accept_doubts=True,
        )
        row.progress_update_id = made.id
        return
    # A correction of what was reported: the same update, and the commitment follows it.
    refuse_closed(session, [(c.id, update.date)])
    update.achieved_quantity, update.status, update.comment = (
        row.reported_achieved,
        row.reported_status,
        row.comment,
    )
    if row.reported_achieved is not None and row.reported_achieved != c.achieved_quantity:
        c.achieved_quantity = row.reported_achieved
    if row.reported_status is not None and row.reported_status != c.status:
        c.status = row.reported_status


def remove_followup(session: Session, meeting_id: int, commitment_id: int) -> None:
    """Drop a follow-up row and the progress update it produced."""
    meeting = load(session, meeting_id)
    ensure_editable(meeting)
    row = next((f for f in meeting.followups if f.commitment_id == commitment_id), None)
    if row is None:
        return
    if row.progress_update_id:
        update = session.get(ProgressUpdate, row.progress_update_id)
        if update is not None:
            refuse_closed(session, [(update.commitment_id, update.date)])
            session.delete(update)
    meeting.followups.remove(row)
    session.flush()


# --- commitments agreed -----------------------------------------------------------------------


def add_agreed_commitment(session: Session, meeting_id: int, data: CommitmentData):
    """A commitment born at this meeting: it joins the register with the meeting as origin."""
    meeting = load(session, meeting_id)
    ensure_editable(meeting)
    if data.id is not None:
        existing = get_or_fail(session, Commitment, data.id, _("El compromiso"))
        if existing.origin_meeting_id not in (None, meeting_id):
            raise PazosError(_("El compromiso fue acordado en otra reunión."))
    data.origin_meeting_id = meeting_id
    if data.start_date is None:
        data.start_date = meeting.date
    return save_commitment(session, data)
