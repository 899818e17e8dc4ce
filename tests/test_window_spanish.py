"""Spanish to the last button: every view and every dialog of ui/editors.py walked in Spanish,
with no English text left (a catalog string shown in its English, one of Qt's own English
texts, or an English sentence); Qt's own context menus, file dialog and calendar included."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from window_render import editors
from window_support import idle

from pazos_desktop import i18n
from ui import interaction
from ui.views import VIEWS

pytest_plugins = ["window_fixtures"]

# Qt's own English, as its widgets and dialogs say it when qtbase_es is not loaded.
QT_ENGLISH = {
    "OK", "Cancel", "Yes", "No to All", "Yes to All", "Save", "Save All", "Close", "Discard",
    "Don't Save", "Apply", "Reset", "Restore Defaults", "Help", "Open", "Abort", "Retry",
    "Ignore", "&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All", "&Yes",
    "&No", "&OK", "&Cancel", "&Open", "&Save", "Look in:", "File name:", "Files of type:",
    "Back", "Forward", "Parent Directory", "Create New Folder", "List View", "Detail View",
    "Name", "Size", "Type", "Date Modified", "January", "Monday", "Show Details...",
}  # fmt: skip
# Words that are not Spanish, for sentences written in English by mistake.
ENGLISH_WORDS = {
    "the", "and", "of", "to", "with", "from", "please", "select", "choose", "save", "cancel",
    "close", "open", "file", "edit", "view", "help", "yes", "warning", "new", "delete",
    "remove", "add", "search", "export", "import", "settings", "partner", "partners",
    "commitment", "commitments", "meeting", "meetings", "status", "due", "date", "report",
    "back", "next", "loading", "none", "all", "show", "hide", "apply", "name", "minutes",
}  # fmt: skip


def _english_catalog() -> set[str]:
    """English translations that are not also Spanish sources ("Total", "No" are both)."""
    entries = i18n.entries("en")
    sources = {k if isinstance(k, str) else k[0] for k in entries}
    return {v for v in entries.values() if v and v not in sources}


def _texts(widget: QWidget) -> set[str]:
    found = {widget.windowTitle(), widget.toolTip()}
    for child in widget.findChildren(QLabel):
        found.add(child.text())
    for child in widget.findChildren(QAbstractButton):
        found |= {child.text(), child.toolTip()}
    for child in widget.findChildren(QGroupBox):
        found.add(child.title())
    for tabs in widget.findChildren(QTabWidget):
        found |= {tabs.tabText(i) for i in range(tabs.count())}
    for edit in widget.findChildren(QLineEdit):
        found |= {edit.placeholderText(), *(a.toolTip() for a in edit.actions())}
    for combo in widget.findChildren(QComboBox):
        found |= {combo.itemText(i) for i in range(min(combo.count(), 30))}
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: no columns to name
                continue
            found |= {
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
            }
    return {t.replace("&", "").strip() for t in found if t and t.strip()}


ALLOWED = {"English"}  # the language chooser names each language in itself


def _english(texts: set[str], catalog: set[str]) -> list[str]:
    bad = []
    for text in texts - ALLOWED:
        plain = re.sub(r"<[^>]+>", "", text)
        plain = re.sub(r"\S*[/\\]\S*", "", plain)  # file paths are not sentences
        words = set(re.findall(r"[a-z]+", plain.lower()))
        if text in catalog or plain in catalog or plain in QT_ENGLISH or words & ENGLISH_WORDS:
            bad.append(text)
    return bad


def test_every_view_and_dialog_speaks_spanish(qtbot, window, tmp_path):
    from ui.translations import apply_language

    apply_language("es")  # as the program starts: our catalog and Qt's own, in Spanish
    catalog = _english_catalog()
    left = []
    window.menuBar()  # the menus too
    menu_texts = {a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()}
    left += [f"menu: {t}" for t in _english({t.replace("&", "") for t in menu_texts if t}, catalog)]
    for spec in VIEWS:
        view = window.show_view(spec.key)
        idle(qtbot, window)
        left += [f"{spec.key}: {t!r}" for t in _english(_texts(view), catalog)]
    for name, dialog in editors(window, tmp_path):
        dialog.show()
        idle(qtbot, window)
        left += [f"{name}: {t!r}" for t in _english(_texts(dialog), catalog)]
        dialog.hide()
        dialog.deleteLater()
    assert not left, "\n".join(sorted(left))


def test_qt_own_menus_dialogs_and_calendar_are_spanish(qtbot, window):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    actions = [a.text().replace("&", "").split("\t")[0] for a in menu.actions() if a.text()]
    assert "Copiar" in actions and "Pegar" in actions and "Copy" not in actions
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    assert calendar.locale().monthName(1).lower() == "enero"
    dialog = QFileDialog(window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {b.text().replace("&", "") for b in dialog.findChildren(QAbstractButton) if b.text()}
    assert "Cancelar" in texts and "Cancel" not in texts


def test_the_seams_own_boxes_say_what_their_buttons_do(qtbot, window):
    """A real message box of the seam: Spanish buttons named by their action, the safe one
    the default (Esc and Enter answer "no")."""
    seen = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        box.defaultButton().click()

    QTimer.singleShot(200, look)
    answer = interaction.Interaction().confirm(
        window, "Entidades", "¿Archivar la entidad?", "Archivar", "Cancelar"
    )
    assert answer is False and seen == {"buttons": ["Archivar", "Cancelar"], "default": "Cancelar"}
    QTimer.singleShot(200, look)
    interaction.Interaction().inform(window, "Informe", "Guardado.")
    assert seen["buttons"] == ["Aceptar"]
    assert QPoint  # keeps the import list honest for the context menus above


def test_the_walk_would_see_english():
    catalog = _english_catalog()
    found = _english({"Save", "Guardar", "Export to Excel…", "Select a partner", "Total"}, catalog)
    assert sorted(found) == ["Export to Excel…", "Save", "Select a partner"]
