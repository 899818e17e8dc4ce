"""Keyboard-complete: Tab leaves every table, editors open on their first field, the tab order
of creating a partner, adding a progress update, creating and approving a meeting, and every
button of every view reached with Tab alone. Real key presses (QTest), offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QPushButton,
)
from sqlalchemy import func, select
from window_support import TODAY, gone, idle, session_of, wait_dialog

from pazos_desktop.db.models.register import Partner
from ui.dialogs.commitment import ProgressEditor
from ui.dialogs.partner import PartnerEditor
from ui.meetings.editor import MeetingEditor
from ui.views import VIEWS

pytest_plugins = ["window_fixtures"]


def _name(widget) -> str:
    """What a screen reader would say: a field's name, a button's text."""
    if widget is None:
        return "(nada)"
    owner = widget.parent() if isinstance(widget.parent(), QComboBox) else widget
    if isinstance(owner, QAbstractButton) and owner.text():
        return owner.text().replace("&", "")
    return owner.accessibleName() or type(owner).__name__


def _tab(times: int = 1, back: bool = False) -> list[str]:
    seen = []
    for _ in range(times):
        key = Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab
        QTest.keyClick(QApplication.focusWidget(), key)
        seen.append(_name(QApplication.focusWidget()))
    return seen


def _ctrl(widget, key) -> None:
    QTest.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def test_no_table_traps_tab(qtbot, window):
    traps = []
    for spec in VIEWS:
        view = window.show_view(spec.key)
        idle(qtbot, window)
        traps += [
            f"{spec.key}: {v.accessibleName()}"
            for v in view.findChildren(QAbstractItemView)
            if v.tabKeyNavigation()
        ]
    assert traps == []


def test_create_a_partner_with_the_keyboard(qtbot, window, recorder):
    view = window.show_view("partners")
    idle(qtbot, window)
    view.search.setFocus()
    _ctrl(view.search, Qt.Key.Key_N)
    editor = wait_dialog(qtbot, PartnerEditor)
    assert QApplication.focusWidget() is editor.name  # the first field, not Guardar
    QTest.keyClicks(editor.name, "Corporacion Teclado")
    expected = ["Sigla", "Tipo de entidad", "NIT", "Dirección", "Teléfono", "Correo electrónico"]
    expected += ["Sitio web", "Convenio", "Inicio del convenio", "Fin del convenio", "Notas"]
    expected += ["Guardar", "Cancelar", "Nombre"]
    assert _tab(len(expected)) == expected
    _ctrl(QApplication.focusWidget(), Qt.Key.Key_S)
    qtbot.waitUntil(lambda: gone(editor), timeout=10000)
    idle(qtbot, window)
    with session_of(window) as s:
        assert s.scalar(select(func.count()).where(Partner.name == "Corporacion Teclado")) == 1


def test_add_a_progress_update_with_the_keyboard(qtbot, window, recorder):
    view = window.show_view("commitments")
    qtbot.waitUntil(lambda: window.ops.idle and view.model.rowCount() > 0, timeout=15000)
    view.table.setFocus()
    view.table.selectRow(0)
    idle(qtbot, window)
    _tab()
    assert QApplication.focusWidget() is not view.table  # Tab left the table
    for _ in range(40):  # on, with Tab alone, to "Añadir avance…"
        if QApplication.focusWidget() is view.detail.progress_button:
            break
        _tab()
    assert QApplication.focusWidget() is view.detail.progress_button
    QTest.keyClick(view.detail.progress_button, Qt.Key.Key_Space)
    editor = wait_dialog(qtbot, ProgressEditor)
    assert QApplication.focusWidget() is editor.date
    assert _tab(6) == ["Logrado", "Estado", "Comentario", "Guardar", "Cancelar", "Fecha del avance"]
    _tab(3)
    QTest.keyClicks(QApplication.focusWidget(), "Revisado en terreno")
    _ctrl(QApplication.focusWidget(), Qt.Key.Key_S)
    qtbot.waitUntil(lambda: gone(editor), timeout=10000)
    idle(qtbot, window)
    assert view.detail.progress_model.rows[0].comment == "Revisado en terreno"


def test_create_and_approve_a_meeting_with_the_keyboard(qtbot, window, recorder):
    view = window.show_view("meetings")
    idle(qtbot, window)
    view.panel.table.setFocus()
    _ctrl(view.panel.table, Qt.Key.Key_N)
    editor = wait_dialog(qtbot, MeetingEditor)
    idle(qtbot, window)
    assert QApplication.focusWidget() is editor.type
    general = ["Serie (numeración)", "Fecha", "Hora de inicio", "Hora de finalización"]
    general += ["Lugar", "Enlace (si es virtual)", "Objetivo", "Preside"]
    general += ["Cargo de quien preside", "Secretario(a)", "Cargo del secretario(a)"]
    general += ["Próxima reunión: fecha", "Próxima reunión: hora", "Próxima reunión: lugar"]
    general += ["Elaboró", "Cargo de quien elaboró", "Revisó", "Cargo de quien revisó"]
    general += ["Aprobó (si no es quien preside)", "Cargo de quien aprobó", "Clústeres"]
    assert _tab(len(general)) == general
    date = editor.fields["date"]
    date.setFocus()
    date.selectAll()
    QTest.keyClicks(date, TODAY.strftime("%d/%m/%Y"))  # held today: it can be approved
    _ctrl(date, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: editor.data.id is not None and window.ops.idle, timeout=15000)
    assert editor.buttons["approve"].isEnabled()
    for _ in range(60):
        if QApplication.focusWidget() is editor.buttons["approve"]:
            break
        _tab()
    assert _name(QApplication.focusWidget()) == "Aprobar acta…"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: editor.data.approved, timeout=15000)
    assert "¿Aprobar el " in recorder.questions[-1]
    assert editor.buttons["reopen"].isEnabled() and not editor.buttons["save"].isEnabled()
    editor.close()


def test_every_button_of_every_view_is_reached_with_tab(qtbot, window):
    missed = []
    for spec in VIEWS:
        view = window.show_view(spec.key)
        idle(qtbot, window)
        window.nav.setFocus()
        reached = set()
        for _ in range(150):
            _tab()
            reached.add(QApplication.focusWidget())
        buttons = [
            b
            for b in view.findChildren(QPushButton)
            if b.isVisibleTo(window) and b.isEnabled() and b.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        missed += [f"{spec.key}: {b.text()}" for b in buttons if b not in reached]
    assert missed == []
