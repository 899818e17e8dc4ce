"""Small input widgets. What people type is parsed by the core's one parser per type
(`pazos_desktop.parsing`: dd/mm/aaaa, "1.234.567", "12,5"), as every other door does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableView, QWidget

from pazos_desktop.domain import format_date, format_quantity
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


def setup_table(view: QTableView, accessible_name: str) -> None:
    """Row selection, stretch last column, sensible defaults for every table."""
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setAccessibleName(accessible_name)
    view.setWordWrap(False)
