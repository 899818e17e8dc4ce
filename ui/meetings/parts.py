"""The editor's list tabs: attendance, agenda with development, decisions.

Each widget holds plain dataclasses from `pazos_desktop.services.meetings.data` and gives them
back with `values()`; `set_read_only()` locks it when the minutes are approved. Nothing typed
is lost: a row removed from an unsaved list comes back with *Deshacer* (Ctrl+Z); a row added
empty takes the focus with its editor open, and rows left empty are dropped when saving (never
reported as errors). `show_row(n)` brings forward the n-th row saved, the one a refusal of
the core names ("Decisión 2: …").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from ui.widgets import elide, fill_combo, make_searchable, setup_table

LIST_CHARS = 160  # what a list row shows of a long title or decision (the rest: its tooltip)


def _button_row(layout: QVBoxLayout, *buttons: tuple[str, object]) -> list[QPushButton]:
    row = QHBoxLayout()
    made = []
    for text, slot in buttons:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False, s=slot: s())
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    layout.addLayout(row)
    return made


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LIST_CHARS else text[: LIST_CHARS - 1] + "…"


class Undo:
    """Rows removed from a list not yet saved, put back where they were by *Deshacer* or
    Ctrl+Z (a field being typed in keeps its own Ctrl+Z)."""

    def __init__(self, tab: QWidget, restore):
        self.restore, self.stack = restore, []
        self.button = QPushButton(tab.tr("Deshacer"))
        self.button.setAutoDefault(False)
        self.button.setToolTip(tab.tr("Vuelve a poner lo último que se quitó (Ctrl+Z)"))
        self.button.clicked.connect(lambda _=False: self.undo())
        self.button.setEnabled(False)
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, tab)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.undo)

    def removed(self, index: int, value) -> None:
        self.stack.append((index, value))
        self.button.setEnabled(True)

    locked = False

    def undo(self) -> None:
        if self.stack and not self.locked:
            index, value = self.stack.pop()
            self.restore(index, value)
        self.button.setEnabled(bool(self.stack) and not self.locked)

    def clear(self) -> None:
        self.stack = []
        self.button.setEnabled(False)

    def lock(self, locked: bool) -> None:
        self.locked = locked
        self.button.setEnabled(bool(self.stack) and not locked)


class AttendanceTab(QWidget):
    """Name, entity, position typed or copied from a contact; presence; guest flag."""

    COLUMNS = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.contacts = elide(make_searchable(QComboBox()), 30)
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
        header = self.table.horizontalHeader()  # every column in sight: texts are cut, "…"
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch,) * 3):
            header.setSectionResizeMode(column, mode)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._tooltip)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.undo = Undo(self, self._restore)
        self.buttons += _button_row(
            layout, (self.tr("Agregar invitado"), self.add_guest), (self.tr("Quitar"), self.remove)
        )
        layout.itemAt(layout.count() - 1).layout().insertWidget(2, self.undo.button)
        self._rows: list[AttendeeData] = []
        self.saved_rows: list[int] = []

    def set_contacts(self, choices: list[tuple[str, int]]) -> None:
        fill_combo(self.contacts, choices)

    def set_values(self, attendees: list[AttendeeData]) -> None:
        self.table.setRowCount(0)
        self._rows = []
        for attendee in attendees:
            self._insert(self.table.rowCount(), attendee)
        self.undo.clear()
        self._summarise()

    def _insert(self, row: int, a: AttendeeData) -> None:
        self.table.insertRow(row)
        for column, text in enumerate((a.name, a.entity, a.position)):
            self.table.setItem(row, column, QTableWidgetItem(text or ""))
        presence = QComboBox()
        for value in Presence:
            presence.addItem(presence_label(value), value.value)
        presence.setCurrentIndex(max(0, presence.findData(a.presence)))
        presence.currentIndexChanged.connect(lambda _i: self._summarise())
        self.table.setCellWidget(row, 3, presence)
        guest = QCheckBox()
        guest.setChecked(a.is_guest)
        guest.toggled.connect(lambda _on: self._summarise())
        self.table.setCellWidget(row, 4, guest)
        self._rows.insert(row, a)

    def _tooltip(self, item: QTableWidgetItem) -> None:
        item.setToolTip(item.text() if len(item.text()) > 30 else "")

    def _summarise(self) -> None:
        """One line with the whole list: 60 attendees do not fit the box."""
        values = self._current()
        counts = {p.value: sum(a.presence == p.value for a in values) for p in Presence}
        self.summary.setText(
            self.tr(
                "En la lista: {n} (presentes {present}, con excusa {excused}, ausentes "
                "{absent}; invitados {guests})."
            ).format(
                n=len(values),
                present=counts.get("present", 0),
                excused=counts.get("excused", 0),
                absent=counts.get("absent", 0),
                guests=sum(a.is_guest for a in values),
            )
        )

    def add_contact(self) -> None:
        contact_id = self.contacts.currentData()
        if contact_id is not None:
            # Name, entity and position are copied from the register when saved.
            name = self.contacts.currentText().split(" — ")[0]
            self._insert(self.table.rowCount(), AttendeeData(contact_id=contact_id, name=name))
            self._summarise()

    def add_guest(self) -> None:
        row = self.table.rowCount()
        self._insert(row, AttendeeData(is_guest=True))
        self._summarise()
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))

    def remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.undo.removed(row, self._current()[row])
            self.table.removeRow(row)
            del self._rows[row]
            self._summarise()

    def _restore(self, row: int, value: AttendeeData) -> None:
        self._insert(min(row, self.table.rowCount()), value)
        self.table.setCurrentCell(row, 0)
        self._summarise()

    def _current(self) -> list[AttendeeData]:
        out = []
        for row, original in enumerate(self._rows):
            texts = [
                (self.table.item(row, c).text() if self.table.item(row, c) else "")
                for c in range(3)
            ]
            presence, guest = self.table.cellWidget(row, 3), self.table.cellWidget(row, 4)
            out.append(
                AttendeeData(
                    name=texts[0],
                    entity=texts[1] or None,
                    position=texts[2] or None,
                    contact_id=original.contact_id,
                    email=original.email,
                    phone=original.phone,
                    presence=presence.currentData() if presence else original.presence,
                    is_guest=guest.isChecked() if guest else original.is_guest,
                    id=original.id,
                )
            )
        return out

    def values(self) -> list[AttendeeData]:
        """The rows to save: a row left empty (no name, no contact) is dropped."""
        rows = self._current()
        self.saved_rows = [
            i for i, a in enumerate(rows) if a.name.strip() or a.contact_id is not None
        ]
        return [rows[i] for i in self.saved_rows]

    def show_row(self, n: int) -> None:
        row = self.saved_rows[n - 1] if 0 < n <= len(self.saved_rows) else n - 1
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, 0)
            self.table.scrollToItem(self.table.item(row, 0))
            self.table.setFocus()

    def set_read_only(self, locked: bool) -> None:
        triggers = QTableWidget.EditTrigger
        self.table.setEditTriggers(triggers.NoEditTriggers if locked else triggers.AllEditTriggers)
        for row in range(self.table.rowCount()):
            for column in (3, 4):
                self.table.cellWidget(row, column).setEnabled(not locked)
        for button in self.buttons:
            button.setEnabled(not locked)
        self.contacts.setEnabled(not locked)
        self.undo.lock(locked)


class _ItemsTab(QWidget):
    """A list of items on the left, the selected one edited on the right; the buttons
    below. `Item` is the dataclass held; subclasses say which texts are edited."""

    def __init__(self, name: str, add_text: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.items = QListWidget()
        self.items.setAccessibleName(name)
        self.items.setWordWrap(True)
        self.items.currentRowChanged.connect(self._show)
        splitter.addWidget(self.items)
        editor = QWidget()
        self.form = QVBoxLayout(editor)
        self.form.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(editor)
        splitter.setSizes([260, 520])
        layout.addWidget(splitter, 1)
        self.undo = Undo(self, self._restore)
        self.buttons = _button_row(
            layout, (add_text, self.add), (self.tr("Quitar"), self.remove), *self._moves()
        )
        layout.itemAt(layout.count() - 1).layout().insertWidget(2, self.undo.button)
        self._data: list = []
        self.saved_rows: list[int] = []

    def _moves(self) -> tuple:
        return ()

    _locked = False

    def _refill(self, current: int) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for i, item in enumerate(self._data, 1):
            row = QListWidgetItem(self._label(i, item))
            row.setToolTip(self._text(item) if len(self._text(item)) > 80 else "")
            self.items.addItem(row)
        self.items.blockSignals(False)
        self.items.setCurrentRow(current)
        self._show(current)

    def _label(self, n: int, item) -> str:
        """ "2. Se aprueba…": numbered as the acta and the messages ("Decisión 2") number it."""
        return f"{n}. {_short(self._text(item)) or self.tr('(vacío)')}"

    def _relabel(self, row: int) -> None:
        if 0 <= row < len(self._data):
            self.items.item(row).setText(self._label(row + 1, self._data[row]))

    def remove(self) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self._data):
            self.undo.removed(row, self._data.pop(row))
            self._refill(min(row, len(self._data) - 1))

    def _restore(self, row: int, value) -> None:
        self._data.insert(min(row, len(self._data)), value)
        self._refill(row)

    def move(self, step: int) -> None:
        row, target = self.items.currentRow(), self.items.currentRow() + step
        if 0 <= row < len(self._data) and 0 <= target < len(self._data):
            self._data[row], self._data[target] = self._data[target], self._data[row]
            self._refill(target)

    def show_row(self, n: int) -> None:
        row = self.saved_rows[n - 1] if 0 < n <= len(self.saved_rows) else n - 1
        if 0 <= row < len(self._data):
            self.items.setCurrentRow(row)
            self.first_editor().setFocus()

    def set_read_only(self, locked: bool) -> None:
        self._locked = locked
        for button in self.buttons:
            button.setEnabled(not locked)
        self.undo.lock(locked)
        self._show(self.items.currentRow())


class AgendaTab(_ItemsTab):
    """Ordered agenda items; the selected item's title and development are edited beside."""

    def __init__(self, parent=None):
        super().__init__(self.tr("Orden del día"), self.tr("Agregar punto"), parent)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Título del punto"))
        self.title.setAccessibleName(self.tr("Título del punto"))
        self.title.textEdited.connect(self._store_title)
        self.development = QPlainTextEdit()
        self.development.setPlaceholderText(self.tr("Desarrollo del punto"))
        self.development.setAccessibleName(self.tr("Desarrollo del punto"))
        self.development.setTabChangesFocus(True)
        self.development.textChanged.connect(self._store_development)
        self.form.addWidget(self.title)
        self.form.addWidget(self.development, 1)

    def _moves(self) -> tuple:
        return ((self.tr("Subir"), lambda: self.move(-1)), (self.tr("Bajar"), lambda: self.move(1)))

    def _text(self, item: AgendaItemData) -> str:
        return item.title

    def first_editor(self) -> QWidget:
        return self.title

    def set_values(self, agenda: list[AgendaItemData]) -> None:
        self._data = [AgendaItemData(a.title, a.development, a.id) for a in agenda]
        self.undo.clear()
        self._refill(0 if self._data else -1)

    def _show(self, row: int) -> None:
        item = self._data[row] if 0 <= row < len(self._data) else None
        self.title.setText(item.title if item else "")
        self.title.setCursorPosition(0)
        self.development.blockSignals(True)
        self.development.setPlainText((item.development or "") if item else "")
        self.development.blockSignals(False)
        self.title.setEnabled(item is not None and not self._locked)
        self.development.setReadOnly(item is None or self._locked)

    def _store_title(self, text: str) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self._data):
            self._data[row].title = text
            self._relabel(row)

    def _store_development(self) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self._data):
            self._data[row].development = self.development.toPlainText()

    def add(self) -> None:
        self._data.append(AgendaItemData(self.tr("Nuevo punto")))
        self._refill(len(self._data) - 1)
        self.title.setFocus()
        self.title.selectAll()

    def values(self) -> list[AgendaItemData]:
        """The items to save: one with neither title nor development is dropped."""
        self.saved_rows = [
            i for i, a in enumerate(self._data) if a.title.strip() or (a.development or "").strip()
        ]
        return [
            AgendaItemData(a.title, a.development or None, a.id)
            for a in (self._data[i] for i in self.saved_rows)
        ]


class DecisionsTab(_ItemsTab):
    """One decision per item: the list on the left, the selected decision's text beside it
    (a decision may run to 2,000 characters: no cramped in-place editor)."""

    def __init__(self, parent=None):
        super().__init__(self.tr("Decisiones"), self.tr("Agregar decisión"), parent)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Texto de la decisión"))
        self.text.setAccessibleName(self.tr("Texto de la decisión"))
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self._store)
        self.form.addWidget(self.text, 1)

    def _text(self, item: DecisionData) -> str:
        return item.text

    def first_editor(self) -> QWidget:
        return self.text

    def set_values(self, decisions: list[DecisionData]) -> None:
        self._data = [DecisionData(d.text, d.id) for d in decisions]
        self.undo.clear()
        self._refill(0 if self._data else -1)

    def _show(self, row: int) -> None:
        item = self._data[row] if 0 <= row < len(self._data) else None
        self.text.blockSignals(True)
        self.text.setPlainText(item.text if item else "")
        self.text.blockSignals(False)
        self.text.setReadOnly(item is None or self._locked)

    def _store(self) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self._data):
            self._data[row].text = self.text.toPlainText()
            self._relabel(row)

    def add(self) -> None:
        """A new decision, selected, its text box ready to type in."""
        self._data.append(DecisionData(""))
        self._refill(len(self._data) - 1)
        self.text.setFocus()

    def values(self) -> list[DecisionData]:
        """The decisions to save: an empty one is dropped, never refused."""
        self.saved_rows = [i for i, d in enumerate(self._data) if d.text.strip()]
        return [DecisionData(self._data[i].text, self._data[i].id) for i in self.saved_rows]
