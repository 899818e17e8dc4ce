"""Export a meeting's acta or attendance sheet to a PDF file (used by the CLI and the window).

Written through `files.atomic_write`: a failed export never leaves a half-written PDF where
the user expects the document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from pazos_desktop.documents.actas import frozen_pdf
from pazos_desktop.documents.header import document_info
from pazos_desktop.domain.meetings import minutes_file_name
from pazos_desktop.errors import ValidationError
from pazos_desktop.files import atomic_write
from pazos_desktop.i18n import N_, _, translate
from pazos_desktop.services.meetings.editing import find_meeting
from pazos_desktop.services.meetings.minutes import attendance_document, minutes_document
from pazos_desktop.services.meetings.snapshots import current_snapshot, frozen_document
from pazos_desktop.writers.attendance_pdf import write_attendance
from pazos_desktop.writers.minutes_pdf import write_minutes
from pazos_desktop.writers.pdf.glyphs import attendance_items, header_items, minutes_items, scan


def export_minutes(
    session: Session,
    year: int,
    number: int,
    out: str | Path | None = None,
    lang: str = "es",
    page_size: str | None = None,
    series: str | None = None,
) -> Path:
    meeting = find_meeting(session, year, number, series)
    snapshot = current_snapshot(session, meeting.id)
    if snapshot is not None:  # approved: the document as approved, never the live records
        pdf = frozen_pdf(snapshot, lang, page_size)
        name = minutes_file_name(number, year, meeting.series)
        return _write(Path(out or name), lambda tmp: Path(tmp).write_bytes(pdf))
    doc = minutes_document(session, meeting.id, lang)
    info = document_info(session, doc.header.named, lang, page_size)
    return _write(Path(out or doc.file_name), lambda tmp: write_minutes(tmp, doc, info))


def export_attendance(
    session: Session,
    year: int,
    number: int,
    out: str | Path | None = None,
    lang: str = "es",
    page_size: str | None = None,
    blank_rows: int | None = None,
    series: str | None = None,
) -> Path:
    if blank_rows is not None and not 0 <= blank_rows <= 200:
        raise ValidationError({"blank_rows": _("Filas vacías: entre 0 y 200.")})
    meeting = find_meeting(session, year, number, series)
    doc = attendance_document(session, meeting.id, lang, blank_rows)
    title = translate(N_("Planilla de asistencia"), lang) + " — " + doc.header.named
    info = document_info(session, title, lang, page_size)
    return _write(Path(out or doc.file_name), lambda tmp: write_attendance(tmp, doc, info))


def minutes_problems(
    session: Session, year: int, number: int, lang: str = "es", series: str | None = None
) -> list:
    """What the acta's fonts cannot draw (writers/pdf/glyphs.py): the approved text when it is frozen."""
    meeting = find_meeting(session, year, number, series)
    snapshot = current_snapshot(session, meeting.id)
    if snapshot is not None:
        doc = frozen_document(snapshot, lang)
    else:
        doc = minutes_document(session, meeting.id, lang)
    info = document_info(session, doc.header.named, lang, None)
    return scan(header_items(info) + minutes_items(doc))


def attendance_problems(
    session: Session, year: int, number: int, lang: str = "es", series: str | None = None
) -> list:
    meeting = find_meeting(session, year, number, series)
    doc = attendance_document(session, meeting.id, lang)
    info = document_info(session, doc.header.named, lang, None)
    return scan(header_items(info) + attendance_items(doc))


def _write(target: Path, write: Callable[[Path], None]) -> Path:
    target = target.expanduser()
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    atomic_write(target, write)
    return target.resolve()
