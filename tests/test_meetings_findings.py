"""What a secretary types is never lost, and what the acta prints is what she saw: one test
per finding of the walk through the meeting workflow (each failed on the code before it).

1. a follow-up typed and not recorded survives "Quitar los que no tienen reporte";
   removals in the unsaved editor come back with Ctrl+Z or Deshacer;
2. clusters carried over from the previous meeting are all in sight; the acta can be
   previewed in the window before export;
3. a decision added empty takes the focus with its editor open, an empty one is dropped on
   save, and a refused save brings forward the tab and the row it names;
6. the approval asks once who approves (name and position, kept in the preferences);
7. a new acta dated before the latest of its series says which number it carries;
   and the meeting list's door to `delete_meeting` (Supr, asking, naming the acta).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pazos_desktop.services.commitments.editing import get_commitment
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from pazos_desktop.services.meetings.data import DecisionData
from pazos_desktop.services.meetings.listing import MeetingFilter, list_meetings
from pazos_desktop.services.meetings.minutes import list_agreed
from pazos_desktop.services.meetings.order import number_notice
from tests.meetings_fixtures import TODAY, meeting_data, world  # noqa: F401

pytest_plugins = ["window_fixtures"]  # recorder, meetings_view


@pytest.fixture
def view(meetings_view):
    """The meeting list, shown at a laptop's size (focus and visibility are tested)."""
    meetings_view.resize(1200, 700)
    meetings_view.show()
    return meetings_view


def _draft(qtbot, view):
    row = next(i for i, r in enumerate(view.panel.model.rows) if r.status == "draft")
    view.panel.table.selectRow(row)
    view.open_selected()
    qtbot.waitUntil(lambda: view.last_editor is not None and view.ops.idle)
    return view.last_editor


def _idle(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.ops.idle, timeout=15000)


# --- 1. nothing typed is lost -----------------------------------------------------------------


def test_prune_keeps_a_report_typed_and_not_recorded(qtbot, view, recorder):
    editor = _draft(qtbot, view)
    tab = editor.followup
    tab.prefill()
    _idle(qtbot, view)
    saved = [r.commitment_id for r in tab.rows if _reported(r)]
    empty = [i for i, r in enumerate(tab.rows) if not _reported(r)]
    assert len(empty) >= 2, "the sample's draft has open commitments to follow up"
    i, reported = empty[0], tab.rows[empty[0]]
    combo = tab.table.cellWidget(i, 3)
    combo.setCurrentIndex(combo.findData("in_progress"))
    tab.table.item(i, 4).setText("50")
    tab.table.item(i, 5).setText("Dicho en la mesa, sin registrar")
    for _twice in range(2):
        tab.prune()
        _idle(qtbot, view)
    assert {r.commitment_id for r in tab.rows} == {*saved, reported.commitment_id}
    i = next(n for n, r in enumerate(tab.rows) if r.commitment_id == reported.commitment_id)
    assert tab.table.cellWidget(i, 3).currentData() == "in_progress"
    assert tab.table.item(i, 4).text() == "50"
    assert tab.table.item(i, 5).text() == "Dicho en la mesa, sin registrar"
    assert reported.title[:40] in recorder.questions[-1]  # the question names it


def _reported(row) -> bool:
    return bool(row.reported_status or row.reported_achieved is not None or row.comment)


def test_removals_in_the_unsaved_editor_can_be_undone(qtbot, view):
    editor = _draft(qtbot, view)
    attendance = editor.attendance
    before = [a.name for a in attendance.values()]
    editor.tabs.setCurrentWidget(attendance)
    attendance.table.setCurrentCell(0, 0)
    attendance.remove()
    assert [a.name for a in attendance.values()] == before[1:]
    attendance.table.setFocus()
    QTest.keyClick(attendance.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.name for a in attendance.values()] == before
    decisions = editor.decisions
    editor.tabs.setCurrentWidget(decisions)
    decisions.set_values([DecisionData("Primera"), DecisionData("Segunda")])
    decisions.items.setCurrentRow(0)
    decisions.remove()
    assert [d.text for d in decisions.values()] == ["Segunda"]
    decisions.undo.button.click()
    assert [d.text for d in decisions.values()] == ["Primera", "Segunda"]


# --- 2. what prints is what was seen ----------------------------------------------------------


def test_clusters_carried_over_are_all_in_sight(qtbot, view):
    clusters = view.choices.clusters
    carried = [clusters[i][1] for i in (2, 5, 6, 7, 8)]  # the last ones of the list
    with view.ops.db.session() as s:
        last = list_meetings(s, MeetingFilter())[0]
        data = meetings.get_meeting(s, last.id)
        data.cluster_ids = carried
        meetings.save_meeting(s, data)
    view.new_record()
    qtbot.waitUntil(lambda: view.last_editor is not None and view.ops.idle)
    editor = view.last_editor
    names = {name for name, cid in clusters if cid in carried}
    assert set(editor.general.checked_clusters()) == set(carried)
    assert names <= _in_sight(editor), "a cluster the acta prints is out of sight"


def _in_sight(editor) -> set[str]:
    """Cluster names the General tab shows: rows inside the list's box, or a visible line."""
    from PySide6.QtWidgets import QLabel

    box = editor.clusters
    shown = {
        box.item(i).text()
        for i in range(box.count())
        if box.viewport().rect().contains(box.visualItemRect(box.item(i)))
    }
    labels = " ".join(
        label.text() for label in editor.findChildren(QLabel) if label.isVisibleTo(editor)
    )
    return shown | {box.item(i).text() for i in range(box.count()) if box.item(i).text() in labels}


def test_a_draft_is_previewed_in_the_window_before_export(qtbot, view):
    editor = _draft(qtbot, view)
    editor.decisions.add()
    QTest.keyClicks(editor.decisions.text, "Se aprueba el plan de vacaciones recreativas")
    editor.preview()  # unsaved edits are saved first
    qtbot.waitUntil(lambda: editor.last_preview is not None and view.ops.idle)
    text = editor.last_preview.text.toPlainText()
    assert "BORRADOR" in text and editor.data.label.upper() in text.upper()
    assert "Se aprueba el plan de vacaciones recreativas" in text
    for name in editor.general.chosen.text().split(": ", 1)[-1].split(", "):
        assert name in text  # the clusters it prints are those the General tab names


# --- 3. an empty row never blocks a save ------------------------------------------------------


def test_a_new_decision_takes_the_focus_and_empty_ones_are_dropped(qtbot, view):
    editor = _draft(qtbot, view)
    before = len(editor.data.decisions)
    editor.tabs.setCurrentWidget(editor.decisions)
    editor.decisions.add()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.decisions.first_editor())
    assert editor.decisions.first_editor().isVisible()
    QTest.keyClicks(QApplication.focusWidget(), "Convocar a la Personeria")
    editor.decisions.add()  # a second click: an empty row, never an error
    editor.tabs.setCurrentIndex(0)
    editor.save()
    _idle(qtbot, view)
    assert editor.error.text() == ""
    assert [d.text for d in editor.data.decisions][before:] == ["Convocar a la Personeria"]


def test_a_refused_save_shows_the_tab_and_the_row_it_names(qtbot, view):
    editor = _draft(qtbot, view)
    decisions = editor.decisions
    decisions.set_values([DecisionData("Bien"), DecisionData("x" * 2001)])
    editor.tabs.setCurrentIndex(0)
    editor.save()
    _idle(qtbot, view)
    assert "Decisión 2" in editor.error.text()
    assert editor.tabs.currentWidget() is decisions
    assert decisions.items.currentRow() == 1


# --- 6. a person approves ---------------------------------------------------------------------


def test_the_first_approval_asks_who_approves_once(qtbot, view, recorder):
    editor = _draft(qtbot, view)
    editor.fields["date"].set_date(TODAY)
    recorder.person = ("Ana Lucía Peña-Caicedo", "Coordinadora de la mesa")
    editor.approve()
    qtbot.waitUntil(lambda: view.ops.idle and editor.data.approved, timeout=20000)
    assert recorder.asked.count("person") == 1
    assert editor.data.approved_by == "Ana Lucía Peña-Caicedo"
    person = view.ctx.prefs.person()
    assert (person.name, person.position) == ("Ana Lucía Peña-Caicedo", "Coordinadora de la mesa")
    editor.reopen()  # no reason typed: nothing happens
    assert recorder.asked.count("person") == 1


# --- 7. numbers against dates -----------------------------------------------------------------


def test_an_acta_dated_before_the_latest_of_its_series_says_its_number(session, world):  # noqa: F811
    year = TODAY.year
    later = meetings.create_meeting(
        session, meeting_data(world, dt.date(year, 1, 20), type="interinstitutional")
    )
    early = meeting_data(world, dt.date(year, 1, 10), type="interinstitutional")
    notice = number_notice(session, early)
    assert f"No. 002 de {year}" in notice and f"20/01/{year}" in notice
    assert number_notice(session, meeting_data(world, dt.date(year, 1, 25))) is None
    made = meetings.create_meeting(session, early)  # No. 002, dated before No. 001
    third = meeting_data(world, dt.date(year, 1, 25), type="interinstitutional")
    meetings.create_meeting(session, third)  # No. 003
    moved = meetings.get_meeting(session, made.id)
    moved.date = dt.date(year, 1, 5)
    assert number_notice(session, moved) is None  # already before No. 001: nothing new
    first = meetings.get_meeting(session, later.id)
    first.date = dt.date(year, 1, 30)  # now after No. 003 too
    notice = number_notice(session, first)
    assert "Acta No. 001" in notice and "Acta No. 003" in notice and f"25/01/{year}" in notice


def test_the_editor_asks_before_saving_a_late_acta(qtbot, view, recorder):
    with view.ops.db.session() as s:
        latest = list_meetings(s, MeetingFilter(year=TODAY.year))
    if not latest:
        pytest.skip("the sample has no acta this year")
    view.new_record()
    qtbot.waitUntil(lambda: view.last_editor is not None and view.ops.idle)
    editor = view.last_editor
    newest = max(latest, key=lambda r: r.date)
    if newest.date == dt.date(TODAY.year, 1, 1):
        pytest.skip("no day of this year before the newest acta")
    editor.series.setEditText(editor.series.itemText(editor.series.findData(newest.series)))
    editor.fields["date"].set_date(newest.date - dt.timedelta(days=1))
    recorder.answer = False  # "Revisar la fecha"
    editor.save()
    _idle(qtbot, view)
    assert editor.data.id is None
    assert "Esta acta será el Acta No." in recorder.questions[-1]


# --- the door to delete_meeting ---------------------------------------------------------------


def test_a_draft_is_deleted_from_the_list_after_asking(qtbot, view, recorder):
    rows = view.panel.model.rows
    draft = next(r for r in rows if r.status == "draft")
    with view.ops.db.session() as s:
        agreed = [a.id for a in list_agreed(s, draft.id)]
        fu.prefill_followups(s, draft.id)
    view.panel.select_id(draft.id)
    assert view.delete_button.isEnabled()
    recorder.answer = False
    view.delete_selected()
    assert draft.label in recorder.questions[-1]
    _idle(qtbot, view)
    assert draft.id in {r.id for r in view.panel.model.rows}
    recorder.answer = True
    view.delete_selected()
    qtbot.waitUntil(lambda: view.ops.idle and draft.id not in {r.id for r in view.panel.model.rows})
    with view.ops.db.session() as s:
        for commitment_id in agreed:  # its commitments stay in the register
            assert get_commitment(s, commitment_id).origin_meeting_id is None
    approved = next(r for r in view.panel.model.rows if r.status == "approved")
    view.panel.select_id(approved.id)
    view.delete_selected()
    _idle(qtbot, view)
    assert approved.id in {r.id for r in view.panel.model.rows}
    assert "aprobada" in recorder.told[-1][1]
