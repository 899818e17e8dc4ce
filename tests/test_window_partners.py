"""Partners in the window: typing a new one, a bad NIT refused beside its field, archiving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select
from window_support import close_window, gone, idle, open_window, session_of, wait_dialog

from pazos_desktop.db.models.register import Contact, Partner
from ui.dialogs.partner import ContactEditor, PartnerEditor

pytest_plugins = ["window_fixtures"]  # the window fixtures


def partner_count(window) -> int:
    with session_of(window) as s:
        return s.scalar(select(func.count()).select_from(Partner))


def test_create_partner_by_typing(qtbot, empty_window):
    view = empty_window.show_view("partners")
    idle(qtbot, empty_window)
    qtbot.keyClick(empty_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = wait_dialog(qtbot, PartnerEditor)
    # QTest types ASCII only (it asserts on "ó"); the accent is inserted as a paste would.
    qtbot.keyClicks(editor.name, "Fundaci")
    editor.name.insert("ó")
    qtbot.keyClicks(editor.name, "n Nueva Esperanza")
    qtbot.keyClicks(editor.acronym, "FNE")
    qtbot.keyClicks(editor.nit, "891.380.007-3")
    qtbot.keyClicks(editor.email, "contacto@fne.org")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: gone(editor), timeout=10000)
    idle(qtbot, empty_window)
    with session_of(empty_window) as s:
        saved = s.scalars(select(Partner)).one()
        assert (saved.name, saved.nit, saved.acronym) == (
            "Fundación Nueva Esperanza",
            "891380007-3",
            "FNE",
        )
    assert [r.name for r in view.partners.model.rows] == ["Fundación Nueva Esperanza"]


def test_bad_nit_shows_field_error_and_saves_nothing(qtbot, empty_window):
    view = empty_window.show_view("partners")
    idle(qtbot, empty_window)
    view.new_record()
    editor = wait_dialog(qtbot, PartnerEditor)
    qtbot.keyClicks(editor.name, "Entidad con NIT malo")
    qtbot.keyClicks(editor.nit, "891380007-4")
    qtbot.mouseClick(editor.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(editor.field_error("nit")), timeout=10000)
    assert "NIT" in editor.field_error("nit")
    assert editor.field_error("name") == ""
    assert editor.isVisible()
    assert partner_count(empty_window) == 0


def test_bad_date_is_refused_before_the_core(qtbot, empty_window):
    view = empty_window.show_view("partners")
    idle(qtbot, empty_window)
    view.new_record()
    editor = wait_dialog(qtbot, PartnerEditor)
    qtbot.keyClicks(editor.name, "Entidad X")
    qtbot.keyClicks(editor.start, "31/02/2026")
    editor.save()
    assert "dd/mm/aaaa" in editor.field_error("agreement_start")
    idle(qtbot, empty_window)
    assert partner_count(empty_window) == 0


def test_discarding_edits_asks_first(qtbot, empty_window, recorder):
    empty_window.show_view("partners").new_record()
    editor = wait_dialog(qtbot, PartnerEditor)
    qtbot.keyClicks(editor.name, "Algo")
    recorder.answer = False
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible() and len(recorder.questions) == 1
    recorder.answer = True
    editor.reject()
    assert gone(editor)


def test_archive_and_restore_with_delete_key(qtbot, window, recorder):
    view = window.show_view("partners")
    idle(qtbot, window)
    view.partners.table.selectRow(0)
    name = view.partners.current().name
    view.partners.table.setFocus()
    qtbot.keyClick(view.partners.table, Qt.Key.Key_Delete)
    idle(qtbot, window)
    assert recorder.questions and name in recorder.questions[-1]
    with session_of(window) as s:
        assert s.scalar(select(Partner.archived).where(Partner.name == name)) is True
    assert name not in [r.name for r in view.partners.model.rows]
    view.show_archived.setChecked(True)
    idle(qtbot, window)
    view.partners.select_id(next(r.id for r in view.partners.model.rows if r.name == name))
    assert view.archive_button.text() == "Restaurar"
    view.delete_selected()
    idle(qtbot, window)
    with session_of(window) as s:
        assert s.scalar(select(Partner.archived).where(Partner.name == name)) is False


def test_partner_rows_show_counts_and_contacts(qtbot, window, qtmodeltester):
    view = window.show_view("partners")
    idle(qtbot, window)
    qtmodeltester.check(view.partners.model)
    qtmodeltester.check(view.contacts.model)
    first = view.partners.current()
    with session_of(window) as s:
        contacts = s.scalar(select(func.count()).where(Contact.partner_id == first.id))
    assert view.contacts.model.rowCount() == contacts == first.contacts
    assert first.commitments > 0


def test_new_contact_for_selected_partner(qtbot, window):
    view = window.show_view("partners")
    idle(qtbot, window)
    partner = view.partners.current()
    view.new_contact()
    editor = wait_dialog(qtbot, ContactEditor)
    qtbot.keyClicks(editor.name, "Persona Nueva")
    qtbot.keyClicks(editor.email, "no-es-correo")
    editor.save()
    qtbot.waitUntil(lambda: bool(editor.field_error("email")), timeout=10000)
    editor.email.setText("persona@example.org")
    editor.save()
    qtbot.waitUntil(lambda: gone(editor), timeout=10000)
    idle(qtbot, window)
    assert "Persona Nueva" in [c.name for c in view.contacts.model.rows]
    with session_of(window) as s:
        assert s.scalar(select(Contact.partner_id).where(Contact.name == "Persona Nueva")) == (
            partner.id
        )


def test_window_remembers_geometry(qtbot, sample_db_path, prefs, recorder):
    first = open_window(qtbot, sample_db_path, prefs)
    first.resize(700, 500)  # the offscreen screen is 800 x 600
    close_window(first)
    second = open_window(qtbot, sample_db_path, prefs)
    try:
        assert (second.width(), second.height()) == (700, 500)
    finally:
        close_window(second)
