"""The cluster × component matrix of the dashboard: count and % completed, heat-shaded.

A commitment counts in each of its clusters (one for "all clusters" counts in every one), so
the cells of a component's column add up to more than its commitments. The Total row and the
grand total therefore count every commitment once (`by_component`, `overall`), and say so in
their tooltips; the Total column (a cluster's commitments) is a plain row sum.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pazos_desktop.domain.figures import Cell, Matrix
from pazos_desktop.domain.formats import format_percent
from pazos_desktop.i18n import ngettext

CELL_IDS_ROLE = Qt.ItemDataRole.UserRole + 1  # (cluster_id | None, component_id | None)


def tr(text: str) -> str:
    return QCoreApplication.translate("MatrixModel", text)


def cell_text(cell: Cell) -> str:
    if not cell.total:
        return "—"
    percent = cell.percent
    return f"{cell.total} · {format_percent(percent)}" if percent is not None else str(cell.total)


def counts_text(cell: Cell) -> str:
    """ "12 compromisos, 3 cumplidos, 1 cancelado" (plurals from the catalog)."""
    return ", ".join(
        (
            ngettext("{n} compromiso", "{n} compromisos", cell.total).format(n=cell.total),
            ngettext("{n} cumplido", "{n} cumplidos", cell.completed).format(n=cell.completed),
            ngettext("{n} cancelado", "{n} cancelados", cell.cancelled).format(n=cell.cancelled),
        )
    )


def heat(cell: Cell, most: int) -> QColor:
    """More commitments → a deeper blue; the text says the numbers, the colour the weight."""
    if not cell.total or most <= 0:
        return QColor("#f4f4f4")
    strength = 0.15 + 0.85 * (cell.total / most)
    light, deep = (232, 241, 250), (49, 107, 168)
    return QColor(*(round(a + (b - a) * strength) for a, b in zip(light, deep, strict=True)))


class MatrixModel(QAbstractTableModel):
    """Rows: clusters, then a total; columns: components, then a total."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix = Matrix(rows=[], columns=[])
        self.by_component: dict[int, Cell] = {}
        self.overall = Cell()
        self.most = 0

    def set_matrix(
        self, matrix: Matrix, by_component: dict[int, Cell] | None = None, overall=None
    ) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.by_component = by_component or {c: matrix.column_total(c) for c, _ in matrix.columns}
        self.overall = overall or Cell()
        self.most = max(
            (matrix.cell(r, c).total for r, _ in matrix.rows for c, _ in matrix.columns),
            default=0,
        )
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or not self.matrix.rows else len(self.matrix.rows) + 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or not self.matrix.rows else len(self.matrix.columns) + 1

    def ids(self, row: int, column: int) -> tuple[int | None, int | None]:
        cluster = self.matrix.rows[row][0] if row < len(self.matrix.rows) else None
        component = self.matrix.columns[column][0] if column < len(self.matrix.columns) else None
        return cluster, component

    def cell(self, row: int, column: int) -> Cell:
        cluster, component = self.ids(row, column)
        if cluster is not None and component is not None:
            return self.matrix.cell(cluster, component)
        if cluster is not None:
            return self.matrix.row_total(cluster)
        if component is not None:
            return self.by_component.get(component, Cell())
        return self.overall

    def tooltip(self, row: int, column: int) -> str:
        cluster, component = self.ids(row, column)
        text = counts_text(self.cell(row, column))
        if cluster is None:
            return (
                text
                + "\n"
                + tr(
                    "Cada compromiso cuenta una vez, aunque actúe en varios clústeres: por eso este "
                    "total es menor que la suma de la columna."
                )
            )
        if component is None:
            return text + "\n" + tr("Los compromisos que actúan en este clúster.")
        return text

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        is_total = index.row() >= len(self.matrix.rows) or index.column() >= len(
            self.matrix.columns
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#e6e6e6") if is_total else heat(cell, self.most))
        if role == Qt.ItemDataRole.ForegroundRole and not is_total and cell.total:
            dark = cell.total / self.most > 0.55 if self.most else False
            return QBrush(QColor("white") if dark else QColor("#1a1a1a"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(index.row(), index.column())
        if role == CELL_IDS_ROLE:
            return self.ids(index.row(), index.column())
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        names = (
            self.matrix.columns if orientation == Qt.Orientation.Horizontal else self.matrix.rows
        )
        if 0 <= section < len(names):
            return names[section][1]
        if section == len(names):
            return tr("Total")
        return None
