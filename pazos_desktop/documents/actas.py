"""An acta approved, reopened and kept: approving freezes its content and draws its PDF once;
every later export of the approved acta is that document, whatever changed since.

The stored record (`MeetingSnapshot`) is read and kept by `services/meetings/snapshots.py`;
this module adds what needs the PDF writer: approving, drawing, redrawing after a suppression.
An export in the approving language and page size returns the stored bytes, checked against
their SHA-256; another language or size is drawn again from the stored content, never from
the live records. Reopening keeps the snapshot and says who reopened it, when and why.
Once signed (documents/signatures/), the stored file is the signed one: the approved PDF with
the signatures appended, which is what an export in the approving language and size gives.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of, today_in
from pazos_desktop.db.models.meetings import Meeting, MeetingSnapshot
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.meetings import MeetingStatus
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.i18n import N_, _
from pazos_desktop.services.common import check_version
from pazos_desktop.services.meetings.data import MeetingData
from pazos_desktop.services.meetings.editing import ensure_editable, load, to_data
from pazos_desktop.services.meetings.signatures import drop_signatures, signed_pdf
from pazos_desktop.services.meetings.snapshots import (
    LANGS,
    keep_snapshot,
    logo_file,
    mark_reopened,
    minutes_from_dict,
    snapshot_content,
)
from pazos_desktop.services.settings import all_settings
from pazos_desktop.writers.minutes_pdf import write_minutes
from pazos_desktop.writers.pdf.document import DocumentInfo


def approve_meeting(session: Session, meeting_id: int, version: int | None = None) -> MeetingData:
    """Lock the minutes; they must hold at least one attendee present and one agenda item, and
    the meeting must have taken place (not dated after the session's today)."""
    meeting = load(session, meeting_id)
    check_version(meeting, version, _("La reunión"))
    ensure_editable(meeting)
    problems = {}
    if not any(a.presence == "present" for a in meeting.attendees):
        problems["attendees"] = _("Asistencia: registre al menos un asistente presente.")
    if not meeting.agenda_items:
        problems["agenda"] = _("Orden del día: registre al menos un punto.")
    if meeting.date > today_in(session):  # minutes record what happened: not before the day
        problems["date"] = _(
            "Fecha: la reunión es del {date}; el acta se aprueba el día de la reunión o después."
        ).format(date=format_date(meeting.date))
    if problems:
        raise ValidationError(
            problems,
            _("El acta no se puede aprobar todavía:") + "\n" + "\n".join(problems.values()),
        )
    run = run_of(session)
    meeting.status = MeetingStatus.APPROVED.value
    meeting.approved_at = run.utc
    # The person's full name (their profile on a server; the preferences or --persona on a
    # file), not the login.
    meeting.approved_by = run.who
    sign_blanks(meeting, run.person)
    with session.no_autoflush:  # one flush: the hash is recorded with the approval itself
        freeze(session, meeting)
    session.flush()
    return to_data(meeting)


def sign_blanks(meeting: Meeting, person) -> None:
    """ "Elaboró" and "Revisó" left blank take the person approving (name and position): an
    acta approved in the program was prepared or reviewed by someone, never by a login."""
    if person is None:
        return
    for role in ("prepared", "reviewed"):
        if not (getattr(meeting, f"{role}_by") or "").strip():
            setattr(meeting, f"{role}_by", person.name)
            setattr(meeting, f"{role}_position", person.position or None)


def reopen_meeting(
    session: Session, meeting_id: int, reason: str, version: int | None = None
) -> MeetingData:
    """Unlock approved minutes; the reason is written with the change in the history."""
    meeting = load(session, meeting_id)
    check_version(meeting, version, _("La reunión"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Motivo: indique por qué se reabre el acta.")})
    if meeting.status != MeetingStatus.APPROVED.value:
        raise PazosError(_("El acta no está aprobada; no hace falta reabrirla."))
    meeting.status = MeetingStatus.DRAFT.value
    meeting.approved_at = None
    meeting.approved_by = None
    mark_reopened(session, meeting, reason)
    previous = session.info.get("reason")
    session.info["reason"] = reason
    try:
        session.flush()
    finally:
        session.info["reason"] = previous
    return to_data(meeting)


def freeze(session: Session, meeting: Meeting, note: str = "") -> MeetingSnapshot:
    """Store the approved acta, content and PDF (call once its status, approver and time are
    set): the acta as approved, kept for good. `note`: see `snapshot_content`."""
    run = run_of(session)
    content = snapshot_content(session, meeting, note)
    lang = run.lang if run.lang in LANGS else "es"
    page_size = all_settings(session).get("page_size") or "letter"
    places: dict = {}
    pdf = render(content, lang, page_size, places)
    snapshot = keep_snapshot(meeting, content, lang, page_size, pdf)
    snapshot.sign_places = json.dumps(places)
    return snapshot


UPGRADE_NOTE = N_("Congelada al actualizar el programa el {date}")


def _unfrozen():
    kept = select(MeetingSnapshot.id).where(
        MeetingSnapshot.meeting_id == Meeting.id, MeetingSnapshot.reopened_at.is_(None)
    )
    return select(Meeting).where(Meeting.status == MeetingStatus.APPROVED.value, ~kept.exists())


def any_unfrozen(session: Session) -> bool:
    """Whether an approved acta lacks its frozen copy (a read: no write lock taken)."""
    return session.scalar(_unfrozen().with_only_columns(Meeting.id).limit(1)) is not None


def freeze_unfrozen(session: Session) -> int:
    """Freeze every approved acta that has no frozen copy — approved by a version of the
    program from before freezing, whose database has just been upgraded: its content and PDF
    as they stand now, the approval line and the history saying so, the hash recorded.
    Returns how many; the usual start finds none (one indexed query)."""
    meetings = list(session.scalars(_unfrozen().order_by(Meeting.id)))
    if not meetings:
        return 0
    run = run_of(session)
    previous = session.info.get("reason")
    session.info["reason"] = _(UPGRADE_NOTE).format(date=format_date(run.today))
    try:
        with session.no_autoflush:  # one flush: the hash and its reason in one history action
            for meeting in meetings:
                meeting.approved_at = meeting.approved_at or run.utc
                freeze(session, meeting, UPGRADE_NOTE)
        session.flush()
    finally:
        session.info["reason"] = previous
    return len(meetings)


def redraw(session: Session, snapshot_ids: list[int]) -> None:
    """Draw again the stored PDF of snapshots whose content was changed in place (a person's
    data suppressed, Ley 1581): the PDF follows its content, its SHA-256 follows the PDF and
    the meeting's copy of the hash follows both, so the history shows the new fingerprint.
    Its signed versions go (services/meetings/signatures.py: drop_signatures)."""
    for snapshot in session.scalars(
        select(MeetingSnapshot).where(MeetingSnapshot.id.in_(snapshot_ids))
    ):
        old = snapshot.pdf_sha256
        places: dict = {}
        content = json.loads(snapshot.content)
        snapshot.pdf = render(content, snapshot.lang, snapshot.page_size, places)
        snapshot.sign_places = json.dumps(places)
        drop_signatures(snapshot)
        snapshot.pdf_sha256 = hashlib.sha256(snapshot.pdf).hexdigest()
        if snapshot.meeting.approved_pdf_sha256 == old:
            snapshot.meeting.approved_pdf_sha256 = snapshot.pdf_sha256
    session.flush()


def frozen_pdf(snapshot: MeetingSnapshot, lang: str, page_size: str | None) -> bytes:
    """The approved acta as PDF: the stored bytes (signed, once signed), or drawn again from
    the stored content for another language or page size (unsigned: a signature covers the
    bytes it signed)."""
    page_size = page_size or snapshot.page_size
    if lang == snapshot.lang and page_size == snapshot.page_size:
        return signed_pdf(snapshot)
    return render(json.loads(snapshot.content), lang, page_size)


def render(content: dict, lang: str, page_size: str, places: dict | None = None) -> bytes:
    """The PDF of stored content: reproducible bytes (the same content, the same file);
    `places` receives where each signer's block was drawn."""
    doc = minutes_from_dict(content["docs"].get(lang) or content["docs"]["es"])
    header = content["header"]
    with tempfile.TemporaryDirectory() as folder:
        logo = logo_file(content.get("logo"), Path(folder))
        info = DocumentInfo(
            title=doc.header.named,
            generated_on=dt.date.fromisoformat(content["generated_on"]),
            org_name=header.get("org_name", ""),
            logo_path=logo,
            doc_code=header.get("doc_code", ""),
            doc_version=header.get("doc_version", ""),
            approval_date=header.get("doc_approval_date", ""),
            page_size=page_size,
            lang=lang,
        )
        out = io.BytesIO()
        write_minutes(out, doc, info, invariant=True, places=places)
    return out.getvalue()
