"""Shared pieces of the list views: a titled table with its buttons."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ui.models.rows import RowsModel
from ui.people import access
from ui.widgets import setup_table


class TablePanel(QWidget):
    """A heading, a row of buttons and a table over a RowsModel.

    Buttons that act on the selected row are enabled only while there is one (a button that
    does nothing when pressed is a dead button); Enter or a double-click on a row runs the
    panel's `open` action."""

    def __init__(self, title: str, model: RowsModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.needs_row: list[QPushButton] = []
        self.open_action = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QHBoxLayout()
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setWordWrap(True)  # a narrow window: the title wraps, the buttons stay
        self.header.addWidget(self.title, 1)
        layout.addLayout(self.header)
        self.table = QTableView()
        self.table.setModel(model)
        setup_table(self.table, title)
        self.table.activated.connect(lambda _index: self.open_action and self.open_action())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.update_buttons())
        model.modelReset.connect(self.update_buttons)
        layout.addWidget(self.table, 1)

    def add_button(
        self,
        text: str,
        slot,
        tooltip: str | None = None,
        needs_row: bool = False,
        second_row: bool = False,
        needs: str | None = None,
    ) -> QPushButton:
        """A button in the heading's row, or (`second_row`) in a row of its own under it: a
        list with many actions keeps within a laptop's width at 150 %. `needs`: the capability
        the button needs (ui/people/access.py), when it changes data."""
        button = QPushButton(text)
        if needs:
            access.needs(button, needs)
        button.clicked.connect(lambda _=False: slot())
        if tooltip:
            button.setToolTip(tooltip)
        (self._second_row() if second_row else self.header).addWidget(button)
        if needs_row:
            self.needs_row.append(button)
            button.setEnabled(self.current() is not None)
        return button

    def _second_row(self) -> QHBoxLayout:
        if self.second is None:
            self.second = QHBoxLayout()
            self.second.addStretch(1)
            self.layout().insertLayout(1, self.second)
        return self.second

    second: QHBoxLayout | None = None

    def on_open(self, slot) -> None:
        """What Enter and a double-click on a row do (the table's `activated`)."""
        self.open_action = slot

    def update_buttons(self) -> None:
        chosen = self.current() is not None
        for button in self.needs_row:
            button.setEnabled(chosen and not access.refused(button))

    def current(self):
        return self.model.row_at(self.table.currentIndex().row())

    def select_id(self, row_id) -> None:
        for i, row in enumerate(self.model.rows):
            if getattr(row, "id", None) == row_id:
                self.table.selectRow(i)
                return

    def restore_columns(self, prefs, key: str, widths: list[int]) -> None:
        header = self.table.horizontalHeader()
        state = prefs.columns(key)
        if state is None or not header.restoreState(state):
            for column, width in enumerate(widths):
                header.resizeSection(column, width)

    def save_columns(self, prefs, key: str) -> None:
        prefs.set_columns(key, QByteArray(self.table.horizontalHeader().saveState()))
