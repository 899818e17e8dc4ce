"""The window around the views: a view that fails to build is one error (not two), "Ver
compromisos" shows what it filters, the previous run's figures come first at start-up, the
view on screen follows a new day, first steps on an empty database, Ayuda, Ctrl+E exports,
the first size from the screen."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from window_support import TODAY, close_window, idle, session_of, wait_dialog

from pazos_desktop.services.commitments.editing import CommitmentData, save_commitment
from pazos_desktop.services.partners import PartnerData, save_partner
from ui import app as ui_app
from ui.fit import first_window_size
from ui.help import AboutDialog, ShortcutsDialog, show_about, show_shortcuts
from ui.main_window import MainWindow
from ui.views import ViewSpec

pytest_plugins = ["window_fixtures"]


def test_a_view_that_cannot_be_built_is_one_error(qtbot, window, recorder, monkeypatch):
    real = ViewSpec.build

    def build(spec, ctx):
        if spec.key == "programs":
            raise RuntimeError("vista rota")
        return real(spec, ctx)

    monkeypatch.setattr(ViewSpec, "build", build)
    assert window.show_view("programs") is None  # no KeyError behind the error dialog
    assert len(recorder.shown) == 1 and "RuntimeError: vista rota" in recorder.details[0]
    assert window.show_view("partners") is not None  # the window goes on


def test_ver_compromisos_of_a_new_partner_shows_its_filter(qtbot, window, recorder):
    commitments = window.show_view("commitments")  # its lists are read now, before the partner
    idle(qtbot, window)
    with session_of(window) as s:
        partner = save_partner(s, PartnerData(name="Entidad Recién Creada"))
        save_commitment(
            s,
            CommitmentData(partner_id=partner.id, component_id=1, title="Uno", all_clusters=True),
        )
    partners = window.show_view("partners")
    idle(qtbot, window)
    partners.partners.select_id(partner.id)
    partners.show_commitments()
    idle(qtbot, window)
    assert commitments.partner.currentData() == partner.id
    assert commitments.partner.currentText() == "Entidad Recién Creada"
    assert commitments.model.rowCount() == 1 and commitments.count_label.text() == "1 compromiso"


@pytest.mark.sqlite_only  # a server's figures are never cached
def test_start_shows_the_previous_figures_then_the_fresh_ones(
    qtbot, sample_db_path, prefs, recorder, tmp_path
):
    first = MainWindow(prefs, str(sample_db_path), clock=_clock())
    first.data_folder = tmp_path
    qtbot.addWidget(first)
    ui_app.start(first)
    qtbot.waitUntil(lambda: first.ops.db is not None and first.ops.idle, timeout=20000)
    assert list((tmp_path / "figures").glob("*.json"))  # kept for the next start
    close_window(first)
    seen = []
    again = MainWindow(prefs, str(sample_db_path), deferred=True, clock=_clock())
    again.data_folder = tmp_path
    qtbot.addWidget(again)
    real = again.show_previous_figures
    again.show_previous_figures = lambda f: (seen.append(again.ops.db), real(f))
    again.show()
    ui_app.build_and_start(again, "es")
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    dashboard = again.views["dashboard"]
    assert seen == [None] and dashboard.cached and dashboard.banner.isVisibleTo(again)
    qtbot.waitUntil(lambda: again.ops.db is not None and again.ops.idle, timeout=20000)
    qtbot.waitUntil(lambda: not dashboard.cached, timeout=10000)
    assert not dashboard.banner.isVisibleTo(again)
    close_window(again)


def _clock():
    from pazos_desktop.clock import clock_on

    return clock_on(TODAY)


def test_the_view_on_screen_follows_a_new_day(qtbot, window, monkeypatch):
    view = window.show_view("dashboard")
    idle(qtbot, window)
    refreshed = []
    monkeypatch.setattr(view, "refresh", lambda: refreshed.append(1))
    window._watch_the_date()
    assert refreshed == []  # same day: nothing to do
    window.shown_on = TODAY - dt.timedelta(days=1)  # the window was last refreshed yesterday
    window._watch_the_date()
    assert refreshed == [1] and window.shown_on == TODAY


def test_first_steps_on_an_empty_database(qtbot, empty_window):
    view = empty_window.show_view("dashboard")
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)
    assert view.steps_box.isVisibleTo(empty_window)
    texts = [label.text() for label in view.step_labels.values()]
    assert all(t.startswith("☐ ") for t in texts) and "logotipo" in texts[2]


def test_ayuda_lists_the_shortcuts_and_has_an_about_box(qtbot, window):
    titles = [a.text() for a in window.help_menu.actions() if a.text()]
    assert titles == ["Manual de usuario", "Atajos de teclado", "Acerca de PAZOS Coordinación…"]
    show_shortcuts(window)
    shortcuts = wait_dialog(qtbot, ShortcutsDialog)
    keys = [shortcuts.table.item(r, 0).text() for r in range(shortcuts.table.rowCount())]
    assert "Control+N" in keys and "Suprimir" in keys and "Control+1 … Control+9, Control+0" in keys
    shortcuts.close()
    show_about(window)
    about = wait_dialog(qtbot, AboutDialog)
    assert any(
        window.ops.db.describe() in w.text()
        for w in about.findChildren(type(about.layout().itemAt(0).widget()))
    )
    about.close()


def test_ctrl_e_exports_the_filtered_list(qtbot, window, recorder, tmp_path):
    view = window.show_view("commitments")
    qtbot.waitUntil(lambda: window.ops.idle and view.model.rowCount() > 0, timeout=15000)
    view.status.setCurrentIndex(view.status.findData("overdue"))
    qtbot.waitUntil(lambda: window.ops.idle and "compromiso" in view.count_label.text())
    shown = view.model.rowCount()
    recorder.files.append(str(tmp_path / "vencidos"))
    view.search.setFocus()
    QTest.keyClick(view.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, window)
    path = tmp_path / "vencidos.xlsx"
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) - 4 == shown and rows[1][0] == "Estado: Vencido"
    assert recorder.opened == [str(path)] and "filas" in recorder.told[-1][1]


def test_first_size_comes_from_the_screen():
    assert first_window_size(QRect(0, 0, 1093, 576)) == (QRect(0, 0, 1093, 576).size(), True)
    size, maximized = first_window_size(QRect(0, 0, 1920, 1040))
    assert not maximized and (size.width(), size.height()) == (1440, 900)
    size, maximized = first_window_size(QRect(0, 0, 1440, 860))
    assert not maximized and size.width() == 1296 and size.height() == 774
