"""Small input widgets. What people type is parsed by the core's one parser per type
(`pazos_desktop.parsing`: dd/mm/aaaa, "1.234.567", "12,5"), as every other door does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from pazos_desktop.domain.formats import format_date, format_quantity
from pazos_desktop.parsing import ParseError, parse_date, parse_number


def tr(text: str) -> str:
    return QCoreApplication.translate("Widgets", text)


def typed_or_text(parse, text: str):
    """`parse(text)` with the core's one parser of the type; the text itself when it refuses
    (the core's rules then give the field's message)."""
    try:
        return parse(text)
    except ParseError:
        return text.strip()


class DateField(QLineEdit):
    """An optional date typed as dd/mm/aaaa."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(tr("dd/mm/aaaa"))
        self.setMaxLength(10)
        from ui.calendar import attach_calendar

        attach_calendar(self)  # a calendar button, Alt+↓ / F4

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def value(self) -> dt.date | None | str:
        return typed_or_text(parse_date, self.text())


class NumberField(QLineEdit):
    """An optional quantity or amount; shows "1.234" in Spanish style."""

    def __init__(self, parent: QWidget | None = None, money: bool = False):
        super().__init__(parent)
        self.money = money
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_number(self, value: float | None) -> None:
        self.setText(format_quantity(value) if value is not None else "")

    def value(self) -> float | None | str:
        return typed_or_text(parse_number, self.text())


def search_box(placeholder: str, name: str, changed) -> QLineEdit:
    """A list's search field: a hint, a name for screen readers, a clear button, and
    `changed(text)` at every keystroke (the list's query is a page: cheap to re-run)."""
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(name)
    box.setClearButtonEnabled(True)
    box.textChanged.connect(changed)
    return box


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def fill_combo(combo: QComboBox, items: list[tuple[str, object]], blank: str | None = None):
    """Replace a combo's items, keeping the current choice when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for label, data in items:
        combo.addItem(label, data)
    set_combo_data(combo, current)
    combo.blockSignals(False)


def make_searchable(combo: QComboBox) -> QComboBox:
    """A long list (partners, contacts) you can type into: any part of a name finds it.

    The typed text only searches: leaving the box puts back the name of the item chosen, so
    what is shown is always what will be saved."""
    from PySide6.QtWidgets import QCompleter

    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.lineEdit().editingFinished.connect(lambda: _settle(combo))
    return combo


def _settle(combo: QComboBox) -> None:
    typed = combo.lineEdit().text().strip().casefold()
    match = next((i for i in range(combo.count()) if combo.itemText(i).casefold() == typed), -1)
    if match >= 0 and match != combo.currentIndex():
        combo.setCurrentIndex(match)
    combo.lineEdit().setText(combo.itemText(combo.currentIndex()))


def setup_table(view: QTableView, accessible_name: str) -> None:
    """Row selection, stretch last column, sensible defaults for every table. Tab leaves the
    table (arrows move inside it): with tabKeyNavigation, Tab cycled the cells for ever."""
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setAccessibleName(accessible_name)
    view.setWordWrap(False)


def add_labelled_rows(form: QFormLayout, rows) -> None:
    """Rows of (label with its &mnemonic, widget, the field inside the widget): Alt+letter
    reaches the field even when it sits in a box with a button, and a screen reader says the
    label's text."""
    for label, widget, named in rows:
        form.addRow(label, widget)
        named.setAccessibleName(label.replace("&", "").rstrip(":"))
        buddy = form.labelForField(widget)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(named)
