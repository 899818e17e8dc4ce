"""Actas approved by the first version of the program (revision 0002, before freezing existed)
are frozen at the first start after the upgrade, and by `init`: content and PDF as they stand
then, marked on the approval line and in the history, their hash recorded — and from then on
they no longer change when the records they came from do."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select, update

from pazos_desktop.cli import main as cli_main
from pazos_desktop.clock import clock_on
from pazos_desktop.db.database import make_engine, upgrade
from pazos_desktop.db.models.meetings import Meeting, MeetingSnapshot
from pazos_desktop.db.models.register import Commitment, HistoryEntry
from pazos_desktop.documents.actas import freeze_unfrozen
from pazos_desktop.documents.meeting_pdfs import export_minutes
from pazos_desktop.i18n import set_language
from pazos_desktop.safety.opening import open_database
from tests.meetings_fixtures import TODAY, sample_template  # noqa: F401
from tests.pdf_support import pdf_pages
from tests.test_safety_migrations import _fill_from

# A database of the first version is made on SQLite files, table by table.
pytestmark = pytest.mark.sqlite_only

MARK = f"Congelada al actualizar el programa el {TODAY:%d/%m/%Y}"


def _first_version(sample, path):
    """The Palmira sample as revision 0002 held it: approved actas, no snapshot table."""
    engine = make_engine(str(path))
    upgrade(engine, "0002")
    engine.dispose()
    _fill_from(path, sample)
    con = sqlite3.connect(path)
    approved = con.execute("SELECT count(*) FROM meeting WHERE status = 'approved'").fetchone()[0]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
    assert approved >= 5 and "meeting_snapshot" not in tables
    return approved


def test_an_upgrade_freezes_the_first_versions_approved_actas(sample_template, tmp_path):  # noqa: F811
    path = tmp_path / "primera.sqlite"
    approved = _first_version(sample_template, path)
    db = open_database(str(path), clock=clock_on(TODAY))  # migrates after a backup, freezes
    with db.session() as s:
        assert s.scalar(select(func.count(MeetingSnapshot.id))) == approved
        marked = s.scalars(
            select(HistoryEntry).where(
                HistoryEntry.field == "approved_pdf_sha256", HistoryEntry.reason == MARK
            )
        ).all()
        assert len(marked) == approved  # the history says when and why, with the hash
        meeting = s.scalars(select(Meeting).where(Meeting.status == "approved")).first()
        number, year, series = meeting.number, meeting.year, meeting.series
        snapshot = s.scalars(
            select(MeetingSnapshot).where(MeetingSnapshot.meeting_id == meeting.id)
        ).one()
        assert meeting.approved_pdf_sha256 == snapshot.pdf_sha256
        before = export_minutes(s, year, number, tmp_path / "antes.pdf", series=series).read_bytes()
        agreed = s.scalar(
            select(Commitment.title).where(Commitment.origin_meeting_id == meeting.id)
        )
    assert agreed and MARK in " ".join(pdf_pages(before))  # on the approval line
    with db.session() as s:  # the live record changes, by whatever door
        s.execute(
            update(Commitment)
            .where(Commitment.origin_meeting_id == meeting.id)
            .values(title="Título cambiado después de aprobar")
        )
    with db.session() as s:
        after = export_minutes(s, year, number, tmp_path / "despues.pdf", series=series)
        assert freeze_unfrozen(s) == 0  # the next start finds nothing left to freeze
    db.dispose()
    assert after.read_bytes() == before
    assert agreed in " ".join(pdf_pages(after)) and "Título cambiado" not in " ".join(
        pdf_pages(after)
    )


def test_init_freezes_them_too(sample_template, tmp_path):  # noqa: F811
    path = tmp_path / "primera.sqlite"
    approved = _first_version(sample_template, path)
    try:
        assert cli_main(["--db", str(path), "init"]) == 0
    finally:
        set_language("es")
    con = sqlite3.connect(path)
    frozen = con.execute("SELECT count(DISTINCT meeting_id) FROM meeting_snapshot").fetchone()[0]
    con.close()
    assert frozen == approved
