"""The editor's list tabs: attendance, agenda with development, decisions.

Each widget holds plain dataclasses from `pazos_desktop.services.meetings.editing` and gives them back
with `values()`; `set_read_only()` locks it when the minutes are approved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.meetings import Presence, presence_label
from pazos_desktop.services.meetings.data import AgendaItemData, AttendeeData, DecisionData
from ui.widgets import make_searchable, setup_table


def _button_row(layout: QVBoxLayout, *buttons: tuple[str, object]) -> list[QPushButton]:
    row = QHBoxLayout()
    made = []
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(lambda _=False, s=slot: s())
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    layout.addLayout(row)
    return made


class AttendanceTab(QWidget):
    """Name, entity, position typed or copied from a contact; presence; guest flag."""

    COLUMNS = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.contacts = make_searchable(QComboBox())
        self.contacts.setMinimumWidth(320)
        self.contacts.setAccessibleName(self.tr("Contacto a agregar"))
        pick = QHBoxLayout()
        pick.addWidget(self.contacts, 1)
        self.buttons = [QPushButton(self.tr("Agregar contacto"))]
        self.buttons[0].clicked.connect(lambda _=False: self.add_contact())
        pick.addWidget(self.buttons[0])
        layout.addLayout(pick)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nombre"),
                self.tr("Entidad"),
                self.tr("Cargo"),
                self.tr("Asistencia"),
                self.tr("Invitado"),
            ]
        )
        setup_table(self.table, self.tr("Asistentes"))
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for column, width in enumerate((220, 240, 180, 120)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.buttons += _button_row(
            layout, (self.tr("Agregar invitado"), self.add_guest), (self.tr("Quitar"), self.remove)
        )
        self._rows: list[AttendeeData] = []

    def set_contacts(self, choices: list[tuple[str, int]]) -> None:
        self.contacts.clear()
        for label, contact_id in choices:
            self.contacts.addItem(label, contact_id)

    def set_values(self, attendees: list[AttendeeData]) -> None:
        self.table.setRowCount(0)
        self._rows = []
        for attendee in attendees:
            self._append(attendee)

    def _append(self, a: AttendeeData) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((a.name, a.entity, a.position)):
            self.table.setItem(row, column, QTableWidgetItem(text or ""))
        presence = QComboBox()
        for value in Presence:
            presence.addItem(presence_label(value), value.value)
        presence.setCurrentIndex(max(0, presence.findData(a.presence)))
        self.table.setCellWidget(row, 3, presence)
        guest = QCheckBox()
        guest.setChecked(a.is_guest)
        self.table.setCellWidget(row, 4, guest)
        self._rows.append(a)

    def add_contact(self) -> None:
        contact_id = self.contacts.currentData()
        if contact_id is not None:
            # Name, entity and position are copied from the register when saved.
            self._append(
                AttendeeData(
                    contact_id=contact_id, name=self.contacts.currentText().split(" — ")[0]
                )
            )

    def add_guest(self) -> None:
        self._append(AttendeeData(is_guest=True))
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._rows[row]

    def values(self) -> list[AttendeeData]:
        out = []
        for row, original in enumerate(self._rows):
            texts = [
                (self.table.item(row, c).text() if self.table.item(row, c) else "")
                for c in range(3)
            ]
            out.append(
                AttendeeData(
                    name=texts[0],
                    entity=texts[1] or None,
                    position=texts[2] or None,
                    contact_id=original.contact_id,
                    email=original.email,
                    phone=original.phone,
                    presence=self.table.cellWidget(row, 3).currentData(),
                    is_guest=self.table.cellWidget(row, 4).isChecked(),
                    id=original.id,
                )
            )
        return out

    def set_read_only(self, locked: bool) -> None:
        triggers = QTableWidget.EditTrigger
        self.table.setEditTriggers(triggers.NoEditTriggers if locked else triggers.AllEditTriggers)
        for row in range(self.table.rowCount()):
            for column in (3, 4):
                self.table.cellWidget(row, column).setEnabled(not locked)
        for button in self.buttons:
            button.setEnabled(not locked)
        self.contacts.setEnabled(not locked)


class AgendaTab(QWidget):
    """Ordered agenda items; the selected item's title and development are edited below."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Orden del día"))
        self.items.setWordWrap(True)
        self.items.currentRowChanged.connect(self._show)
        splitter.addWidget(self.items)
        editor = QWidget()
        form = QVBoxLayout(editor)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Título del punto"))
        self.title.setAccessibleName(self.tr("Título del punto"))
        self.title.textEdited.connect(self._store_title)
        self.development = QPlainTextEdit()
        self.development.setPlaceholderText(self.tr("Desarrollo del punto"))
        self.development.setAccessibleName(self.tr("Desarrollo del punto"))
        self.development.setTabChangesFocus(True)
        self.development.textChanged.connect(self._store_development)
        form.addWidget(self.title)
        form.addWidget(self.development, 1)
        splitter.addWidget(editor)
        splitter.setSizes([260, 520])
        layout.addWidget(splitter, 1)
        self.buttons = _button_row(
            layout,
            (self.tr("Agregar punto"), self.add),
            (self.tr("Quitar"), self.remove),
            (self.tr("Subir"), lambda: self.move(-1)),
            (self.tr("Bajar"), lambda: self.move(1)),
        )
        self._data: list[AgendaItemData] = []

    def set_values(self, agenda: list[AgendaItemData]) -> None:
        self._data = [AgendaItemData(a.title, a.development, a.id) for a in agenda]
        self._refill(0 if self._data else -1)

    def _refill(self, current: int) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for i, item in enumerate(self._data, 1):
            self.items.addItem(QListWidgetItem(f"{i}. {item.title}"))
        self.items.blockSignals(False)
        self.items.setCurrentRow(current)
        self._show(current)

    def _show(self, row: int) -> None:
        item = self._data[row] if 0 <= row < len(self._data) else None
        self.title.setText(item.title if item else "")
        self.development.blockSignals(True)
        self.development.setPlainText((item.development or "") if item else "")
        self.development.blockSignals(False)
        self.title.setEnabled(item is not None and not self._locked)
        self.development.setReadOnly(item is None or self._locked)

    _locked = False

    def _store_title(self, text: str) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self._data):
            self._data[row].title = text
            self.items.item(row).setText(f"{row + 1}. {text}")

    def _store_development(self) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self._data):
            self._data[row].development = self.development.toPlainText()

    def add(self) -> None:
        self._data.append(AgendaItemData(self.tr("Nuevo punto")))
        self._refill(len(self._data) - 1)
        self.title.setFocus()
        self.title.selectAll()

    def remove(self) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self._data):
            del self._data[row]
            self._refill(min(row, len(self._data) - 1))

    def move(self, step: int) -> None:
        row, target = self.items.currentRow(), self.items.currentRow() + step
        if 0 <= row < len(self._data) and 0 <= target < len(self._data):
            self._data[row], self._data[target] = self._data[target], self._data[row]
            self._refill(target)

    def values(self) -> list[AgendaItemData]:
        return [AgendaItemData(a.title, a.development or None, a.id) for a in self._data]

    def set_read_only(self, locked: bool) -> None:
        self._locked = locked
        for button in self.buttons:
            button.setEnabled(not locked)
        self._show(self.items.currentRow())


class DecisionsTab(QWidget):
    """One decision per item; double-click to edit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Decisiones"))
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        self.buttons = _button_row(
            layout, (self.tr("Agregar decisión"), self.add), (self.tr("Quitar"), self.remove)
        )
        self._ids: list[int | None] = []

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def set_values(self, decisions: list[DecisionData]) -> None:
        self.list.clear()
        self._ids = [d.id for d in decisions]
        for d in decisions:
            self.list.addItem(self._item(d.text))

    def add(self) -> None:
        self.list.addItem(self._item(""))
        self._ids.append(None)
        self.list.setCurrentRow(self.list.count() - 1)
        self.list.editItem(self.list.currentItem())

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self._ids[row]

    def values(self) -> list[DecisionData]:
        return [
            DecisionData(self.list.item(i).text(), self._ids[i]) for i in range(self.list.count())
        ]

    def set_read_only(self, locked: bool) -> None:
        triggers = QListWidget.EditTrigger
        self.list.setEditTriggers(
            triggers.NoEditTriggers if locked else triggers.DoubleClicked | triggers.EditKeyPressed
        )
        for button in self.buttons:
            button.setEnabled(not locked)
