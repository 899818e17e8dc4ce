"""The one clock: only pazos_desktop/clock.py reads the real time; everything else takes it
from the run context of its action (a session) or command."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from pazos_desktop.clock import RunContext, clock_on, fixed_clock, run_of
from pazos_desktop.db.models.register import HistoryEntry, ProgressUpdate
from pazos_desktop.services.commitments.editing import ProgressData, add_progress
from tests import factories as f
from tests.conftest import database_on

ROOT = Path(__file__).resolve().parent.parent
CLOCK_READS = {"now", "today", "utcnow", "currentDate", "currentDateTime", "currentTime"}
CLOCK_OWNERS = {"datetime", "date", "dt", "QDate", "QDateTime", "QTime", "time"}


def _clock_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if node.func.attr in CLOCK_READS and name in CLOCK_OWNERS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "time"
            and getattr(node.value, "id", "") == "time"
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_only_the_clock_module_reads_the_real_time():
    files = [*ROOT.joinpath("pazos_desktop").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py")]
    reads = [hit for path in files for hit in _clock_reads(path)]
    assert reads and all(hit.startswith("pazos_desktop/clock.py") for hit in reads), reads


def test_a_day_pinned_clock_keeps_its_day_and_runs_its_time():
    late = fixed_clock(dt.datetime(2028, 2, 29, 23, 59, 59))
    after_midnight = fixed_clock(dt.datetime(2028, 3, 1, 0, 0, 5))
    assert clock_on(dt.date(2028, 2, 29), late)().date() == dt.date(2028, 2, 29)
    pinned = clock_on(dt.date(2028, 2, 29), after_midnight)()
    assert pinned.date() == dt.date(2028, 2, 29) and pinned.time().second == 5


def test_run_context_today_is_local_and_utc_is_naive():
    run = RunContext.start(fixed_clock(dt.datetime(2031, 12, 31, 23, 30)), "ana", "en")
    assert run.today == dt.date(2031, 12, 31) and run.actor == "ana" and run.lang == "en"
    assert run.utc.tzinfo is None and run.local_now == dt.datetime(2031, 12, 31, 23, 30)
    assert run.with_lang("es").lang == "es" and run.with_lang("es").now == run.now


def test_one_session_is_one_action_stamped_by_the_database_clock(db_path):
    day = dt.date(2030, 7, 20)
    db = database_on(db_path, day, actor="secretaria")
    try:
        with db.session() as session:
            partner = f.partner(session)
            cluster = f.cluster(session)
            made = f.commitment(session, partner.id, [cluster.id])
            assert made.start_date == day - dt.timedelta(days=60)
            add_progress(session, ProgressData(made.id, day, achieved_quantity=3))
            run = run_of(session)
        with db.session() as session:
            stamps = session.scalars(select(HistoryEntry.at)).all()
            update = session.scalars(select(ProgressUpdate)).one()
            actors = set(session.scalars(select(HistoryEntry.actor)))
        assert run.today == day and actors == {"secretaria"}
        assert {stamp.date() for stamp in stamps} <= {
            day,
            day - dt.timedelta(days=1),
            day + dt.timedelta(days=1),
        }
        assert len(set(stamps)) == 1  # every row of one action carries the same moment
        assert update.created_by == "secretaria" and update.created_at == stamps[0]
    finally:
        db.dispose()


def test_the_pdf_footer_shows_the_day_of_the_export(db_path, tmp_path):
    from pypdf import PdfReader

    from pazos_desktop.documents.meeting_pdfs import export_minutes
    from pazos_desktop.services.meetings import editing as meetings

    day = dt.date(2029, 5, 4)
    db = database_on(db_path, day)
    try:
        with db.session() as session:
            made = meetings.create_meeting(
                session, meetings.MeetingData(date=day, objective="Seguimiento", place="Sala")
            )
            path = export_minutes(session, made.year, made.number, tmp_path / "acta.pdf")
        text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
        assert "Generado el 04/05/2029" in text
    finally:
        db.dispose()
