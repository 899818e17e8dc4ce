"""A table model over a short list of dataclass rows (partners, programs, clusters...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#9b1c1c")
Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    title: str
    value: Callable[[Any], Any]
    right: bool = False
    tooltip: Callable[[Any], str | None] | None = None
    alarm: Callable[[Any], bool] | None = None  # mark this cell only (e.g. an overdue count)


class RowsModel(QAbstractTableModel):
    """Rows are held in full: for lists of at most a few hundred items."""

    def __init__(self, columns: list[Column], parent=None, alarm: Callable[[Any], bool] = None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Any] = []
        self.alarm = alarm  # rows to mark (overdue): colour here, text in a column

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if (self.alarm and self.alarm(row)) or (column.alarm and column.alarm(row)):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(OVERDUE_BG)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_FG)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None
