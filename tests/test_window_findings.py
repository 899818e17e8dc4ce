"""Real names in the window, one language per screen, and the smaller findings of the walk:
one test each, on one window over the real names (tests/real_names.py) shared by the module
(each failed on the code before it).

4/5. long names elide in combos, the whole text at hand; a list filtered by a cluster names it
     first; 8. every text in the language chosen (Qt's file dialog included), "todas" for
     entidades; 9. an overdue commitment says so in its editor, a partner's contact count
     follows a new contact and "Nuevo contacto" needs a partner, an acronym finds its partner,
     the import preview tells rows of one title apart, save dialogs start in the last folder,
     the history keeps "Cuándo" in sight, the HXL entry says what HXL is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_database
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QGroupBox, QLabel, QPushButton
from real_names import LONG_PARTNER, real_names_ids
from window_support import TODAY, close_window, open_window

from pazos_desktop.services.commitments.search import CommitmentFilter
from ui import interaction
from ui.prefs import Preferences

pytest_plugins = ["window_fixtures"]


@pytest.fixture(scope="module")
def shared(real_names_template, tmp_path_factory, qapp):
    """One main window over a copy of the real names, for the whole module."""
    folder = tmp_path_factory.mktemp("findings")
    path = copy_database(real_names_template, folder / "real.sqlite", keep=True)
    prefs = Preferences(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
    recorder = interaction.Recorder()
    previous = interaction.install(recorder)
    window = open_window(_Bot(), path, prefs)
    window.data_folder = folder
    yield window, recorder, real_names_ids(TODAY)
    close_window(window)
    interaction.install(previous)


class _Bot:
    """What open_window needs of qtbot, for a module-wide window."""

    def addWidget(self, widget) -> None:  # noqa: N802 (qtbot's name)
        pass

    def waitUntil(self, check, timeout: int = 15000) -> None:  # noqa: N802
        import time

        end = time.monotonic() + timeout / 1000
        while not check():
            assert time.monotonic() < end, "timed out"
            QApplication.processEvents()


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.ops.idle, timeout=15000)


def _commitment_editor(qtbot, window, commitment_id):
    from pazos_desktop.services.commitments.editing import get_commitment
    from ui.dialogs.commitment import CommitmentEditor, load_choices

    choices, data = window.ops.call_now(
        lambda s: (load_choices(s, None), get_commitment(s, commitment_id))
    )
    editor = CommitmentEditor(window.ops, window, choices, data)
    qtbot.addWidget(editor)
    editor.show()
    _idle(qtbot, window)
    return editor


# --- 4/5. real names fit ----------------------------------------------------------------------


def test_long_names_elide_with_the_whole_text_at_hand(qtbot, shared):
    window, _recorder, ids = shared
    editor = _commitment_editor(qtbot, window, ids["commitment_ids"][0])
    partner = editor.partner
    assert partner.currentText() == LONG_PARTNER
    assert partner.width() < partner.fontMetrics().horizontalAdvance(LONG_PARTNER)
    assert partner.toolTip() == LONG_PARTNER  # cut in the box, whole in its tooltip
    screen = window.screen().availableGeometry().width()
    assert partner.view().minimumWidth() <= screen  # the drop-down: every name, wrapped
    editor.reject()
    view = window.show_view("commitments")
    _idle(qtbot, window)
    combo = view.component
    combo.resize(70, combo.height())  # "Todos los componente" was cut without a word
    assert combo.toolTip() == "Todos los componentes"


def test_a_list_filtered_by_a_cluster_names_it_first(qtbot, shared):
    window, _recorder, ids = shared
    third = ids["cluster_ids"][2]  # the real names' commitments are in clusters 2, 3 and 4
    view = window.show_view("commitments")
    window.show_commitments(CommitmentFilter(cluster_ids=[third]))
    qtbot.waitUntil(lambda: window.ops.idle and view.model.rowCount() > 0, timeout=15000)
    name = view.cluster.currentText()
    column = next(i for i, c in enumerate(view.model.columns) if c.key == "clusters")
    texts = [view.model.index(r, column).data() for r in range(view.model.rowCount())]
    several = [t for t in texts if "," in t]
    assert several, "a commitment of several clusters is in the list"
    assert all(t.startswith(name) for t in several)


# --- 8. one language per screen ---------------------------------------------------------------


def test_every_text_is_in_the_language_chosen(qtbot, shared):
    window, _recorder, _ids = shared
    from pazos_desktop.i18n import translate
    from ui.reports.periods import PRESETS

    try:
        window.set_language("en")
        reports = window.show_view("reports").reports
        shown = [reports.preset.itemText(i) for i in range(reports.preset.count())]
        assert shown == [translate(label, "en") for label, _code in PRESETS]
        assert "Semestre actual" not in shown and "Current half-year" in shown
        settings = window.show_view("settings")
        _idle(qtbot, window)
        texts = [w.text() for w in settings.findChildren(QLabel)] + [
            b.title() for b in settings.findChildren(QGroupBox)
        ]
        assert not [t for t in texts if "Ley 1581" in t]
        english = _file_dialog_labels(window)
        assert "Look in:" in english and not {"Buscar en:", "Cancelar"} & set(english)
    finally:
        window.set_language("es")
    spanish = _file_dialog_labels(window)
    assert "Buscar en:" in spanish
    assert not {"Look in:", "File name:", "Files of type:", "Cancel"} & set(spanish)


def _file_dialog_labels(window) -> list[str]:
    """The labels and buttons of the seam's real file dialog, read while it is open."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, look)
            return
        seen.extend(w.text().replace("&", "") for w in dialog.findChildren(QLabel))
        seen.extend(b.text().replace("&", "") for b in dialog.findChildren(QPushButton))
        dialog.reject()

    QTimer.singleShot(50, look)
    interaction.Interaction().save_file(window, "x", str(Path.home() / "x.pdf"), "PDF (*.pdf)")
    return [t for t in seen if t]


def test_entidades_todas_in_the_reports_filter_line():
    from pazos_desktop.writers.report.labels import Labels, filter_lines

    class Report:
        filters = {"clusters": [], "components": [], "partners": []}

    lines = dict(filter_lines(Report(), Labels()))
    assert lines == {"Clústeres": "todos", "Componentes": "todos", "Entidades": "todas"}


# --- 9. smaller findings ----------------------------------------------------------------------


def test_an_overdue_commitment_says_so_in_its_editor(qtbot, shared):
    window, _recorder, ids = shared
    editor = _commitment_editor(qtbot, window, ids["commitment_ids"][0])  # due 10 days ago
    assert editor.status.currentText() == "Propuesto"
    assert editor.overdue_note.isVisible()
    note = editor.overdue_note.text()
    assert note.startswith("Vencido") and "hace 10 días" in note and "«Propuesto»" in note
    editor.reject()
    later = _commitment_editor(qtbot, window, ids["commitment_ids"][1])
    assert not later.overdue_note.isVisible()
    later.reject()


def test_contacts_follow_the_partner_and_need_one(qtbot, shared):
    from window_support import gone, wait_dialog

    from ui.dialogs.partner import ContactEditor

    window, _recorder, ids = shared
    view = window.show_view("partners")
    view.search.setText("no existe ninguna entidad así")
    _idle(qtbot, window)
    assert view.partners.model.rows == [] and not view.new_contact_button.isEnabled()
    view.search.setText("Corporación para el Desarrollo Integral")
    _idle(qtbot, window)
    view.partners.select_id(ids["partner_ids"][0])
    _idle(qtbot, window)
    before = view.partners.current().contacts
    assert view.new_contact_button.isEnabled()
    view.new_contact_button.click()
    editor = wait_dialog(qtbot, ContactEditor)
    editor.name.setText("Yeison Andrés Cuéllar Güiza")
    editor.save()
    qtbot.waitUntil(lambda: gone(editor), timeout=10000)
    _idle(qtbot, window)
    assert view.partners.current().contacts == before + 1  # without leaving the view
    view.search.setText("")
    _idle(qtbot, window)


def test_typing_an_acronym_finds_its_partner(qtbot, shared):
    window, _recorder, ids = shared
    editor = _commitment_editor(qtbot, window, ids["commitment_ids"][0])
    partner = editor.partner
    completer = partner.completer()
    completer.setCompletionPrefix("CJF")  # in no partner's name: only an acronym
    assert completer.completionCount() == 1  # the list offers it while typing
    partner.lineEdit().setText("cjf")
    partner.lineEdit().editingFinished.emit()  # Tab out of the box
    assert partner.currentText() == "Corporación Jóvenes con Futuro (ejemplo)"
    editor.reject()


def test_the_import_preview_tells_rows_of_one_title_apart(qtbot):
    from pazos_desktop.excel.preview import Change, Preview
    from ui.excel.preview_dialog import ExcelPreviewDialog

    same = "Talleres de convivencia"
    preview = Preview(kind="progress", files=["SIDOC.xlsx"])
    for row, commitment_id in ((5, 41), (6, 57)):
        preview.changes.append(
            Change(
                f"commitment:{commitment_id}",
                "SIDOC.xlsx",
                "Compromisos",
                row,
                "commitment",
                commitment_id,
                same,
                "progress",
            )  # fmt: skip
        )
    dialog = ExcelPreviewDialog(preview, "Importar", None)
    qtbot.addWidget(dialog)
    model = dialog.changes
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = titles.index("Registro")
    records = [model.index(r, column).data() for r in range(model.rowCount())]
    assert len(set(records)) == 2 and all(same in r for r in records)
    assert "41" in records[0] and "57" in records[1]


def test_save_dialogs_start_in_the_last_folder(shared, tmp_path):
    window, recorder, _ids = shared
    chosen = tmp_path / "actas" / "Acta_004.pdf"
    chosen.parent.mkdir()
    recorder.files = [str(chosen), None]
    assert interaction.save_file(window, "Acta", str(Path.home() / "a.pdf"), "PDF") == str(chosen)
    interaction.save_file(window, "Planilla", str(Path.home() / "planilla.pdf"), "PDF")
    assert recorder.folders[-1] == str(chosen.parent / "planilla.pdf")
    assert window.prefs.last_folder() == str(chosen.parent)  # the next start remembers it


def test_the_history_keeps_when_and_who_in_sight(qtbot, shared):
    window, _recorder, ids = shared
    view = window.show_view("commitments")
    _idle(qtbot, window)
    detail = view.detail
    detail.show_commitment(ids["commitment_ids"][0])
    _idle(qtbot, window)
    bar = detail.history_table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    detail.show_commitment(ids["commitment_ids"][1])
    _idle(qtbot, window)
    assert bar.value() == 0  # "Cuándo" and "Quién" in sight for the next commitment


def test_the_hxl_entry_says_what_hxl_is(shared):
    window, _recorder, _ids = shared
    menu = window.excel_menu
    entry = menu.entries["hxl"]
    assert "herramientas" in entry.text()
    assert "Humanitarian Exchange Language" in entry.toolTip()
    assert menu.menu.toolTipsVisible()
