"""Approved means frozen: at approval the acta's content and its PDF are stored, and every
later export of the approved acta is that document, whatever changed since.

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
import io
import json
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import run_of
from ..errors import PazosError
from ..i18n import _
from ..models_meetings import Meeting, MeetingSnapshot
from .minutes import (
    AgendaEntry,
    AgreedRow,
    FollowupRow,
    MeetingHeader,
    MinutesDoc,
    PersonRow,
    minutes_document,
)
from .settings import all_settings

LANGS = ("es", "en")
HEADER_KEYS = ("org_name", "doc_code", "doc_version", "doc_approval_date")
LOGO_LIMIT = 2_000_000  # bytes: a logo bigger than this is left out of the snapshot
FORMAT = 1


def freeze(session: Session, meeting: Meeting) -> MeetingSnapshot:
    """Store the approved acta (call once its status, approver and time are set)."""
    settings = all_settings(session)
    run = run_of(session)
    content = {
        "format": FORMAT,
        "generated_on": _local_day(meeting.approved_at).isoformat(),
        "header": {k: settings.get(k, "") for k in HEADER_KEYS},
        "logo": _logo(settings.get("org_logo")),
        "docs": {
            lang: dataclasses.asdict(minutes_document(session, meeting.id, lang)) for lang in LANGS
        },
    }
    lang = run.lang if run.lang in LANGS else "es"
    page_size = settings.get("page_size") or "letter"
    pdf = render(content, lang, page_size)
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
    for snapshot in meeting.snapshots:
        if snapshot.reopened_at is None:
            snapshot.reopened_at, snapshot.reopened_by = run.utc, run.actor
            snapshot.reopen_reason = reason
    meeting.approved_pdf_sha256 = None


def redraw(session: Session, snapshot_ids: list[int]) -> None:
    """Draw again the stored PDF of snapshots whose content was changed in place (a person's
    data suppressed, Ley 1581): the PDF follows its content, its SHA-256 follows the PDF and
    the meeting's copy of the hash follows both, so the history shows the new fingerprint."""
    for snapshot in session.scalars(
        select(MeetingSnapshot).where(MeetingSnapshot.id.in_(snapshot_ids))
    ):
        old = snapshot.pdf_sha256
        snapshot.pdf = render(json.loads(snapshot.content), snapshot.lang, snapshot.page_size)
        snapshot.pdf_sha256 = hashlib.sha256(snapshot.pdf).hexdigest()
        if snapshot.meeting.approved_pdf_sha256 == old:
            snapshot.meeting.approved_pdf_sha256 = snapshot.pdf_sha256
    session.flush()


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


def frozen_pdf(snapshot: MeetingSnapshot, lang: str, page_size: str | None) -> bytes:
    """The approved acta as PDF: the stored bytes, or drawn again from the stored content."""
    page_size = page_size or snapshot.page_size
    if lang == snapshot.lang and page_size == snapshot.page_size:
        if hashlib.sha256(snapshot.pdf).hexdigest() != snapshot.pdf_sha256:
            raise PazosError(
                _(
                    "El PDF guardado del acta aprobada no coincide con su huella SHA-256: la base "
                    "de datos está dañada. Restaure una copia de seguridad."
                )
            )
        return snapshot.pdf
    return render(json.loads(snapshot.content), lang, page_size)


def frozen_document(snapshot: MeetingSnapshot, lang: str) -> MinutesDoc:
    content = json.loads(snapshot.content)
    return minutes_from_dict(content["docs"].get(lang) or content["docs"]["es"])


def render(content: dict, lang: str, page_size: str) -> bytes:
    """The PDF of stored content: reproducible bytes (the same content, the same file)."""
    from ..writers.minutes_pdf import write_minutes
    from ..writers.pdf_base import DocumentInfo

    doc = minutes_from_dict(content["docs"].get(lang) or content["docs"]["es"])
    header = content["header"]
    with tempfile.TemporaryDirectory() as folder:
        logo = _logo_file(content.get("logo"), Path(folder))
        info = DocumentInfo(
            title=doc.header.acta,
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
        write_minutes(out, doc, info, invariant=True)
    return out.getvalue()


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


def _logo_file(logo: dict | None, folder: Path) -> str | None:
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
