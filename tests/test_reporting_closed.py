"""Closed periods hold at every door: the editor's progress and figures, a meeting's follow-up
(new, corrected, removed), the returned-sheet import and the bulk import; each says which
period is closed and by whom. Closing and reopening ask for a reason and are in the history;
a closed period's report gives the same figures every time, a reopened one says so."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pazos_desktop.db.models.register import HistoryEntry, ProgressUpdate
from pazos_desktop.domain.reporting import period_containing
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.excel.bulk.apply import apply_bulk
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.workbook import write_workbook
from pazos_desktop.excel.data import load_partner_sheets, load_workbook_data
from pazos_desktop.excel.partner.apply import apply_progress
from pazos_desktop.excel.partner.returned import preview_progress
from pazos_desktop.excel.partner.sheets import KEYS, write_partner_sheet
from pazos_desktop.services.commitments import editing
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from pazos_desktop.services.report.coordination import ReportRequest, gather_report
from pazos_desktop.services.report.filters import resolve_partners
from pazos_desktop.services.reporting import closing, closures
from tests.excel_support import TODAY as SAMPLE_DAY
from tests.excel_support import sample_db, sample_template
from tests.meetings_fixtures import TODAY, commitment, meeting_data, world

__all__ = ["sample_db", "sample_template", "world"]

REASON = "Presentado en la mesa del comité técnico"


def _month(day: dt.date) -> str:
    return period_containing("monthly", day).code


def _progress(cid: int, day: dt.date, achieved: float = 5) -> editing.ProgressData:
    return editing.ProgressData(commitment_id=cid, date=day, achieved_quantity=achieved)


def test_the_editor_refuses_progress_of_a_closed_period(session, world):
    cid = world["commitments"][0]
    day = TODAY  # the world's commitments began on 1 January: any day of the year up to today
    closing.close_period(session, _month(day), [], REASON)
    with pytest.raises(PazosError) as refused:
        editing.add_progress(session, _progress(cid, day))
    message = refused.value.message
    assert f"El periodo {_month(day)} (todos los clústeres) está cerrado" in message
    assert "lo cerró pytest" in message and REASON in message
    assert (
        session.scalars(select(ProgressUpdate).where(ProgressUpdate.commitment_id == cid)).all()
        == []
    )


def test_a_closure_of_some_clusters_holds_only_there(session, world):
    first, second = world["commitments"]
    moved = editing.get_commitment(session, second)
    moved.cluster_ids = [world["clusters"][1]]
    editing.save_commitment(session, moved)
    day = TODAY
    closing.close_period(session, _month(day), [world["clusters"][0]], REASON)
    with pytest.raises(PazosError, match="Clúster A"):
        editing.add_progress(session, _progress(first, day))
    editing.add_progress(session, _progress(second, day))  # acts in Clúster B only
    everywhere = editing.get_commitment(session, second)
    everywhere.all_clusters = True
    editing.save_commitment(session, everywhere)
    with pytest.raises(PazosError):  # a commitment of all clusters acts in the closed one too
        editing.add_progress(session, _progress(second, day, 7))


def test_typing_a_figure_over_is_progress_of_today(session, world):
    cid = world["commitments"][0]
    closing.close_period(session, _month(TODAY), [], REASON)
    data = editing.get_commitment(session, cid)
    data.achieved_quantity = 9
    with pytest.raises(PazosError, match="está cerrado"):
        editing.save_commitment(session, data)
    data = editing.get_commitment(session, cid)
    data.title = "Talleres de paz y convivencia"  # not a figure: allowed
    editing.save_commitment(session, data)


def test_meeting_follow_ups_respect_closed_periods(session, world):
    made = meetings.create_meeting(session, meeting_data(world))
    cid = world["commitments"][0]
    row = fu.record_followup(
        session, made.id, fu.FollowupData(commitment_id=cid, reported_achieved=3)
    )
    assert row.progress_update_id is not None
    closing.close_period(session, _month(made.date), [], REASON)
    with pytest.raises(PazosError, match="está cerrado"):  # correcting it
        fu.record_followup(
            session, made.id, fu.FollowupData(commitment_id=cid, reported_achieved=4)
        )
    with pytest.raises(PazosError, match="está cerrado"):  # removing it
        fu.remove_followup(session, made.id, cid)
    other = world["commitments"][1]
    with pytest.raises(PazosError, match="está cerrado"):  # a new one, dated the meeting's day
        fu.record_followup(session, made.id, fu.FollowupData(commitment_id=other, comment="Ok"))
    assert session.get(ProgressUpdate, row.progress_update_id).achieved_quantity == 3


def test_closing_and_reopening_ask_a_reason_and_stay_in_the_history(session, world):
    code = _month(TODAY)
    with pytest.raises(ValidationError) as missing:
        closing.close_period(session, code, [], "   ")
    assert missing.value.fields == {"reason": "Motivo: escriba por qué."}
    made = closing.close_period(session, code, [], REASON)
    with pytest.raises(PazosError, match="ya está cerrado"):
        closing.close_period(session, code, [], REASON)
    with pytest.raises(ValidationError):
        closing.reopen_period(session, code, "")
    [reopened] = closing.reopen_period(session, code, "Corrección de SIDOC")
    assert reopened.reopened_by == "pytest" and reopened.reopen_reason == "Corrección de SIDOC"
    rows = session.execute(
        select(HistoryEntry.action, HistoryEntry.field, HistoryEntry.reason).where(
            HistoryEntry.entity == "period_closure", HistoryEntry.entity_id == made.id
        )
    ).all()
    assert ("create", None, REASON) in rows
    assert ("update", "reopen_reason", "Corrección de SIDOC") in rows
    assert not any(field == "frozen_report" for _a, field, _r in rows)  # kept, not copied
    editing.add_progress(session, _progress(world["commitments"][0], TODAY))  # open again


def test_a_closed_period_reports_the_same_figures_every_time(session, world):
    period = period_containing("monthly", TODAY)
    request = ReportRequest(period.start, period.end)
    closing.close_period(session, period.code, [], REASON)
    first = gather_report(session, request)
    # The world moves on: a new commitment of that month, a figure typed today.
    editing.save_commitment(
        session,
        commitment(
            world["partners"][0], world, "Nuevo", start_date=period.start, status="pipeline"
        ),
    )
    again = gather_report(session, request)
    assert again == first and again.frozen is not None and again.frozen.reason == REASON
    assert again.summary.current.new == first.summary.current.new
    closing.reopen_period(session, period.code, "Se agregó un compromiso olvidado")
    live = gather_report(session, request)
    assert live.frozen is None and live.summary.current.new == first.summary.current.new + 1
    [shown] = live.reporting.closures
    assert shown.reopen_reason == "Se agregó un compromiso olvidado"


# --- the two import doors (the sample database) ------------------------------------------------

NEW, DATE = KEYS.index("new_achieved") + 1, KEYS.index("progress_date") + 1


def test_a_returned_sheet_dated_in_a_closed_period_changes_nothing(sample_db, tmp_path):
    with sample_db.session() as s:
        [data] = load_partner_sheets(s, resolve_partners(s, ["SIDOC"]), on=SAMPLE_DAY)
    path = tmp_path / "sidoc.xlsx"
    write_partner_sheet(data, path)
    row = next(r for r in data.commitments if r.status == "in_progress")
    day = dt.date(2026, 11, 3)
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    line = next(c.row for c in ws["A"] if c.value == row.id)
    ws.cell(line, NEW).value, ws.cell(line, DATE).value = row.achieved_quantity + 1, day
    wb.save(path)
    with sample_db.session() as s:
        preview = preview_progress(s, [path], on=SAMPLE_DAY)
        assert preview.ok
        closing.close_period(s, "2026-11", [], REASON)  # closed between preview and apply
        with pytest.raises(PazosError, match="2026-11 .*está cerrado"):
            apply_progress(s, preview, on=SAMPLE_DAY)
    with sample_db.session() as s:
        again = preview_progress(s, [path], on=SAMPLE_DAY)
        [problem] = again.problems
        assert problem.row == line and "está cerrado" in problem.message
        assert problem.column == "Fecha del avance"


def test_the_bulk_import_refuses_figures_typed_in_a_closed_period(sample_db, tmp_path):
    path = tmp_path / "libro.xlsx"
    with sample_db.session() as s:
        write_workbook(load_workbook_data(s), path)
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    header = [c.value for c in ws[1]]
    achieved = header.index("Logrado") + 1
    ws.cell(3, achieved).value = (ws.cell(3, achieved).value or 0) + 2  # row 2 holds the HXL tags
    wb.save(path)
    with sample_db.session() as s:
        preview = preview_bulk(s, path)
        assert preview.ok and len(preview.to_apply()) + len(preview.conflicts) == 1
        closing.close_period(s, _month(SAMPLE_DAY), [], REASON)
        with pytest.raises(PazosError, match="está cerrado"):
            apply_bulk(s, preview, accept_all=True)
    with sample_db.session() as s:
        again = preview_bulk(s, path)
        assert len(again.problems) == 1 and "está cerrado" in again.problems[0].message
        assert closures.closed_problems(s, []) == {}
