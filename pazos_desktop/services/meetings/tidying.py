"""The commitment lists of a draft acta, as secretaries tidy them: remove a commitment agreed by
mistake, prune and order the follow-up of earlier ones.

Adding and editing an agreed commitment is `followup.add_agreed_commitment` (the
commitment service's one rule set); approved minutes refuse every change here too.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Commitment, ProgressUpdate
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.services.common import get_or_fail
from pazos_desktop.services.meetings.editing import ensure_editable, load
from pazos_desktop.services.meetings.followup import FollowupData, list_followups, remove_followup


def remove_agreed_commitment(session: Session, meeting_id: int, commitment_id: int) -> None:
    """Take back a commitment this meeting agreed: it leaves the register (with its history).

    One already followed up (it has progress updates) is refused: its record is real work,
    to be cancelled rather than erased."""
    meeting = load(session, meeting_id)
    ensure_editable(meeting)
    commitment = get_or_fail(session, Commitment, commitment_id, _("El compromiso"))
    if commitment.origin_meeting_id != meeting.id:
        raise PazosError(_("El compromiso no fue acordado en esta reunión."))
    updates = session.scalar(
        select(func.count()).where(ProgressUpdate.commitment_id == commitment_id)
    )
    if updates:
        raise PazosError(
            _(
                "«{title}» ya tiene avances registrados: no se puede quitar del acta. "
                "Cámbiele el estado a Cancelado si ya no va."
            ).format(title=commitment.title)
        )
    session.delete(commitment)
    session.flush()


def move_followup(
    session: Session, meeting_id: int, commitment_id: int, step: int
) -> list[FollowupData]:
    """Move one follow-up row `step` places up (negative) or down; returns the rows in order."""
    meeting = load(session, meeting_id)
    ensure_editable(meeting)
    rows = sorted(meeting.followups, key=lambda f: (f.sort_order, f.id or 0))
    index = next((i for i, f in enumerate(rows) if f.commitment_id == commitment_id), None)
    if index is not None:
        target = max(0, min(len(rows) - 1, index + step))
        rows.insert(target, rows.pop(index))
        for order, row in enumerate(rows):
            if row.sort_order != order:
                row.sort_order = order
        session.flush()
    return list_followups(session, meeting_id)


def prune_unreported(
    session: Session, meeting_id: int, keep: Iterable[int] = ()
) -> list[FollowupData]:
    """Drop the follow-up rows with nothing reported (no status, figure or comment); the
    commitments in `keep` stay: the window sends those with a report typed and not yet
    recorded (nothing typed is lost)."""
    meeting = load(session, meeting_id)
    ensure_editable(meeting)
    kept = set(keep)
    empty = [
        f.commitment_id
        for f in meeting.followups
        if f.reported_status is None
        and f.reported_achieved is None
        and not f.comment
        and f.commitment_id not in kept
    ]
    for commitment_id in empty:
        remove_followup(session, meeting_id, commitment_id)
    return list_followups(session, meeting_id)


def drop_followup(session: Session, meeting_id: int, commitment_id: int) -> list[FollowupData]:
    """`remove_followup`, then the rows left (what the editor shows next)."""
    remove_followup(session, meeting_id, commitment_id)
    return list_followups(session, meeting_id)
