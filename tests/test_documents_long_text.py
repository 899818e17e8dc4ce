"""No document fails on text: every text field filled far past any sensible length (words,
one unbreakable word, many lines), every document built in Letter and A4 and read back.

Every door now refuses text over its field's bound (`records/`), but a database of an earlier
version may hold any length: the texts go straight into the records (SQLite does not enforce
VARCHAR lengths), and the writers must split or cut (with a visible mark) whatever they are
given.
"""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from pazos_desktop.db.models.meetings import (
    Meeting,
    MeetingAgendaItem,
    MeetingAttendee,
    MeetingDecision,
    MeetingFollowup,
)
from pazos_desktop.db.models.register import Cluster, Commitment, Contact, Partner, ProgressUpdate
from pazos_desktop.documents import actas
from pazos_desktop.documents.meeting_pdfs import export_attendance, export_minutes
from pazos_desktop.excel.data import load_partner_sheets
from pazos_desktop.excel.partner.sheets import write_partner_sheet
from pazos_desktop.services.commitments.editing import ProgressData, add_progress
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from pazos_desktop.services.report.coordination import ReportRequest, gather_report
from pazos_desktop.services.settings import set_setting
from pazos_desktop.writers.report.pdf import write_report_pdf
from pazos_desktop.writers.report.xlsx import write_report_xlsx
from tests.meetings_fixtures import TODAY, commitment, meeting_data, world  # noqa: F401

# The texts are written straight into the tables at lengths beyond the rules' bounds, as a
# database of an earlier version may hold them (SQLite keeps any length); a server's VARCHAR
# columns refuse such text at the door, with the message of `test_server_errors.py`.
pytestmark = pytest.mark.sqlite_only

# Characters of every text; PAZOS_LONG_TEXT=50000 runs the test at 50,000.
SIZE = int(os.environ.get("PAZOS_LONG_TEXT", "12000"))


def words(n: int, tag: str) -> str:
    return (f"{tag} ñandú convivencia " * (n // 20 + 1))[:n]


def blob(n: int, tag: str) -> str:
    return (tag + "x" * n)[:n]


def lines(n: int, tag: str) -> str:
    return "\n".join(f"{tag} línea {i}" for i in range(n // 12))[:n]


@pytest.fixture
def huge(session, world):  # noqa: F811
    """A meeting, its commitments and the settings, every text at tens of thousands of
    characters in three shapes."""
    made = meetings.create_meeting(session, meeting_data(world, number=1))
    fu.add_agreed_commitment(session, made.id, commitment(world["partners"][0], world))
    fu.record_followup(session, made.id, fu.FollowupData(world["commitments"][1], comment="x"))
    add_progress(
        session,
        ProgressData(commitment_id=world["commitments"][0], date=TODAY, comment="corto"),
    )
    session.flush()
    shapes = [words, blob, lines]
    n = iter(range(10_000))

    def text(size: int = SIZE) -> str:
        k = next(n)
        return shapes[k % 3](size, f"T{k}")

    for key in ("org_name", "doc_code", "doc_version", "habeas_data_notice"):
        set_setting(session, key, text())
    for model, fields in (
        (Partner, ("name", "acronym")),
        (Contact, ("name", "position")),
        (Cluster, ("name",)),
        (Commitment, ("title", "unit", "description")),
        (ProgressUpdate, ("comment",)),
        (MeetingAttendee, ("name", "entity", "position")),
        (MeetingAgendaItem, ("title", "development")),
        (MeetingDecision, ("text",)),
        (MeetingFollowup, ("comment",)),
        (
            Meeting,
            ("place", "link", "objective", "chair_name", "chair_position", "secretary_name")
            + ("secretary_position", "next_place", "prepared_by", "prepared_position")
            + ("reviewed_by", "reviewed_position", "approver_name", "approver_position"),
        ),
    ):
        for obj in session.scalars(select(model)):
            for field in fields:
                setattr(obj, field, text())
    session.flush()
    return made


def _check(pdf: bytes | str) -> int:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    total = len(reader.pages)
    last = reader.pages[-1].extract_text()
    assert f"Página {total} de {total}" in " ".join(last.split())
    return total


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_every_document_builds_at_any_length(session, huge, tmp_path, page_size):
    year = huge.year
    acta = export_minutes(session, year, 1, tmp_path / "acta.pdf", page_size=page_size)
    assert _check(str(acta)) > 5
    sheet = export_attendance(session, year, 1, tmp_path / "planilla.pdf", page_size=page_size)
    assert _check(str(sheet)) >= 1
    report = gather_report(
        session, ReportRequest(dt.date(year, 1, 1), dt.date(year, 12, 31), on=TODAY)
    )
    out = io.BytesIO()
    write_report_pdf(report, out, page_size=page_size)
    assert _check(out.getvalue()) > 5
    write_report_xlsx(report, tmp_path / "informe.xlsx")
    actas.approve_meeting(session, huge.id)  # the frozen PDF is built from the same texts
    frozen = export_minutes(session, year, 1, tmp_path / "aprobada.pdf", page_size=page_size)
    assert _check(str(frozen)) > 5
    for data in load_partner_sheets(session):
        write_partner_sheet(data, tmp_path / f"hoja_{data.partner.id}.xlsx")


def test_every_word_of_a_long_development_is_printed(session, world, tmp_path):  # noqa: F811
    """Long texts that belong to the acta are split over pages, not cut."""
    made = meetings.create_meeting(session, meeting_data(world, number=1))
    item = session.scalars(select(MeetingAgendaItem)).first()
    item.development = " ".join(f"palabra{i:05d}" for i in range(6000))
    session.flush()
    path = export_minutes(session, made.year, 1, tmp_path / "acta.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    found = [w for w in text.split() if w.startswith("palabra")]
    assert found[0] == "palabra00000" and found[-1].startswith("palabra05999")
    assert len(found) >= 6000
