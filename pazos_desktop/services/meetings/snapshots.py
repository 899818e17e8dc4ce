"""Approved means frozen: what an approved acta keeps (its content and PDF), read back.
`documents/actas.py` approves, draws and stores; this module holds the stored record.

What is stored (`MeetingSnapshot`): the acta's content in every language the program speaks
(the MinutesDoc, texts already formatted), the header settings of that day and the logo's bytes,
and the PDF in the approving user's language and the configured page size, with its SHA-256
(also written on the meeting, so the history shows it). An export in that language and size
returns the stored bytes, checked against the hash; another language or size is drawn again
from the stored content, never from the live records. Reopening keeps the snapshot and says who
reopened it, when and why.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.meetings import Meeting, MeetingSnapshot
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.services.meetings.minutes import (
    AgendaEntry,
    AgreedRow,
    FollowupRow,
    MeetingHeader,
    MinutesDoc,
    PersonRow,
    minutes_document,
)
from pazos_desktop.services.settings import all_settings

LANGS = ("es", "en")
HEADER_KEYS = ("org_name", "doc_code", "doc_version", "doc_approval_date")
LOGO_LIMIT = 2_000_000  # bytes: a logo bigger than this is left out of the snapshot
FORMAT = 1


def snapshot_content(session: Session, meeting: Meeting) -> dict:
    """What an approved acta keeps: its content in every language, that day's header settings
    and logo (call once its status, approver and time are set)."""
    settings = all_settings(session)
    return {
        "format": FORMAT,
        "generated_on": _local_day(meeting.approved_at).isoformat(),
        "header": {k: settings.get(k, "") for k in HEADER_KEYS},
        "logo": _logo(settings.get("org_logo")),
        "docs": {
            lang: dataclasses.asdict(minutes_document(session, meeting.id, lang)) for lang in LANGS
        },
    }


def keep_snapshot(
    meeting: Meeting, content: dict, lang: str, page_size: str, pdf: bytes
) -> MeetingSnapshot:
    """Store the approved acta's content and PDF, and its SHA-256 on the meeting too."""
    snapshot = MeetingSnapshot(
        approved_at=meeting.approved_at,
        approved_by=meeting.approved_by,
        lang=lang,
        page_size=page_size,
        content=json.dumps(content, ensure_ascii=False),
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
    )
    meeting.snapshots.append(snapshot)
    meeting.approved_pdf_sha256 = snapshot.pdf_sha256
    return snapshot


def mark_reopened(session: Session, meeting: Meeting, reason: str) -> None:
    """The approved version stays; it now says who reopened it, when and why."""
    run = run_of(session)
    # Loading the snapshots must not flush the status change on its own: the history would
    # then write the reopening in two actions, the hash's without "reopen" (order-dependent).
    with session.no_autoflush:
        snapshots = list(meeting.snapshots)
    for snapshot in snapshots:
        if snapshot.reopened_at is None:
            snapshot.reopened_at, snapshot.reopened_by = run.utc, run.signer
            snapshot.reopen_reason = reason
    meeting.approved_pdf_sha256 = None


def current_snapshot(session: Session, meeting_id: int) -> MeetingSnapshot | None:
    """The snapshot of an approved acta (None for a draft or an acta approved before
    snapshots existed)."""
    query = (
        select(MeetingSnapshot)
        .join(Meeting, Meeting.id == MeetingSnapshot.meeting_id)
        .where(
            MeetingSnapshot.meeting_id == meeting_id,
            MeetingSnapshot.reopened_at.is_(None),
            Meeting.status == "approved",
        )
        .order_by(MeetingSnapshot.id.desc())
    )
    return session.scalars(query.limit(1)).first()


def stored_pdf(snapshot: MeetingSnapshot) -> bytes:
    """The PDF stored at approval, checked against its SHA-256."""
    if hashlib.sha256(snapshot.pdf).hexdigest() != snapshot.pdf_sha256:
        raise PazosError(
            _(
                "El PDF guardado del acta aprobada no coincide con su huella SHA-256: la base "
                "de datos está dañada. Restaure una copia de seguridad."
            )
        )
    return snapshot.pdf


def frozen_document(snapshot: MeetingSnapshot, lang: str) -> MinutesDoc:
    content = json.loads(snapshot.content)
    return minutes_from_dict(content["docs"].get(lang) or content["docs"]["es"])


def _local_day(moment: dt.datetime) -> dt.date:
    """The local day of a stored (naive UTC) moment."""
    return moment.replace(tzinfo=dt.UTC).astimezone().date()


def _logo(path: str | None) -> dict | None:
    if not path:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if len(data) > LOGO_LIMIT:
        return None
    return {"suffix": Path(path).suffix.lower()[:8], "data": base64.b64encode(data).decode()}


def logo_file(logo: dict | None, folder: Path) -> str | None:
    if not logo:
        return None
    path = folder / f"logo{logo.get('suffix') or '.png'}"
    path.write_bytes(base64.b64decode(logo["data"]))
    return str(path)


def minutes_from_dict(d: dict) -> MinutesDoc:
    """A MinutesDoc back from its JSON form (dataclasses.asdict)."""

    def people(key):
        return [PersonRow(**p) for p in d.get(key, [])]

    return MinutesDoc(
        header=MeetingHeader(**d["header"]),
        file_name=d["file_name"],
        present=people("present"),
        guests=people("guests"),
        excused=people("excused"),
        absent=people("absent"),
        agenda=[AgendaEntry(**a) for a in d.get("agenda", [])],
        decisions=list(d.get("decisions", [])),
        followups=[FollowupRow(**f) for f in d.get("followups", [])],
        agreed=[AgreedRow(**a) for a in d.get("agreed", [])],
        **{
            k: d.get(k, "")
            for k in ("next_date", "next_place", "next_time", "prepared_by", "reviewed_by")
        },
        **{
            k: PersonRow(**d[k])
            for k in ("chair", "secretary", "prepared", "reviewed", "approver")
            if k in d
        },
    )
