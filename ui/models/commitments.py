"""The commitments table: ids in the model, rows built lazily by pages, sort and filter in SQL.

Like Anki's browser table: a refresh asks the core for every matching id in order
(`search.commitment_ids`, one cheap query even at 20,000 rows) plus the first page of rows;
other pages are fetched on the worker when the view first asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from pazos_desktop.domain.formats import format_date, format_quantity
from pazos_desktop.domain.vocabulary import OVERDUE, status_label
from pazos_desktop.services.commitments import search
from pazos_desktop.services.commitments.search import CommitmentFilter, CommitmentRow
from ui.jobs.operations import Operations
from ui.models.rows import OVERDUE_BG, OVERDUE_FG

PAGE_SIZE = 100
Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole
OVERDUE_BRUSHES = {
    Qt.ItemDataRole.BackgroundRole: QBrush(OVERDUE_BG),
    Qt.ItemDataRole.ForegroundRole: QBrush(OVERDUE_FG),
}
USED_ROLES = {DISPLAY, ALIGNMENT, TOOLTIP_ROLE, *OVERDUE_BRUSHES}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def tr(text: str) -> str:
    return QCoreApplication.translate("CommitmentTableModel", text)


def _quantity(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    return f"{format_quantity(value)} {unit}" if unit else format_quantity(value)


@dataclass
class CommitmentColumn:
    key: str  # a key of search.SORT_KEYS
    title: str
    right: bool = False

    def text(self, row: CommitmentRow) -> str:
        return COLUMN_TEXT[self.key](row)

    def __call__(self, row: CommitmentRow) -> str:
        return self.text(row)


COLUMN_TEXT = {
    "partner": lambda r: r.partner_name,
    "component": lambda r: r.component_name,
    "clusters": lambda r: r.clusters,
    "title": lambda r: r.title,
    "target": lambda r: format_quantity(r.target_quantity),
    "achieved": lambda r: format_quantity(r.achieved_quantity),
    "due_date": lambda r: format_date(r.due_date),
    "status": lambda r: status_label(r.effective_status),
}

# Quantities show bare numbers (narrow columns); the unit is in the tooltip.
TOOLTIP = {
    "target": lambda r: _quantity(r.target_quantity, r.unit),
    "achieved": lambda r: _quantity(r.achieved_quantity, r.unit),
}


def columns() -> list[CommitmentColumn]:
    return [
        CommitmentColumn("partner", tr("Entidad")),
        CommitmentColumn("component", tr("Componente")),
        CommitmentColumn("clusters", tr("Clústeres")),
        CommitmentColumn("title", tr("Compromiso")),
        CommitmentColumn("target", tr("Meta"), right=True),
        CommitmentColumn("achieved", tr("Logrado"), right=True),
        CommitmentColumn("due_date", tr("Fecha límite")),
        CommitmentColumn("status", tr("Estado")),
    ]


class CommitmentTableModel(QAbstractTableModel):
    first_page_shown = Signal()  # the first rows are in: the view can paint
    refreshed = Signal(int)  # every matching id is in: their number

    def __init__(self, ops: Operations, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.columns = columns()
        self.filter = CommitmentFilter()
        self.sort_key, self.descending = "due_date", False
        self.ids: list[int] = []
        self.cache: dict[int, CommitmentRow] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._pages: set[int] = set()
        self.generation = 0
        self.today = ops.run_context().today

    # --- queries --------------------------------------------------------------------------

    def set_filter(self, f: CommitmentFilter) -> None:
        self.filter = replace(f)
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query in two steps: the first page (what the view shows) at once, then
        every id. A newer refresh makes older, still queued steps skip their work."""
        self.generation += 1
        gen, f, key, desc = self.generation, replace(self.filter), self.sort_key, self.descending
        self.today = on = self.ops.run_context().today  # a window open past midnight moves on

        def first_page(session):
            if gen != self.generation:
                return None
            query = search.ordered_ids_query(f, key, desc, on).limit(PAGE_SIZE + 1)
            ids = list(session.scalars(query))
            return ids, search.commitment_rows(session, ids[:PAGE_SIZE], on, f.cluster_ids)

        def all_ids(session):
            if gen != self.generation:
                return None
            return search.commitment_ids(session, f, key, desc, on)

        self.ops.read(first_page, lambda result: self._first_page(gen, result, all_ids))

    def _first_page(self, gen: int, result: Any, all_ids) -> None:
        if result is None or gen != self.generation:
            return
        ids, rows = result
        complete = len(ids) <= PAGE_SIZE
        self.beginResetModel()
        self.ids, self.cache, self._pages = ids[:PAGE_SIZE], {r.id: r for r in rows}, {0}
        self._texts = {}
        self.endResetModel()
        self.first_page_shown.emit()
        if complete:
            self.refreshed.emit(len(self.ids))
        else:
            self.ops.read(all_ids, lambda found: self._all_ids(gen, found))

    def _all_ids(self, gen: int, ids: list[int] | None) -> None:
        if ids is None or gen != self.generation:
            return
        shown = len(self.ids)
        if ids[:shown] != self.ids:  # the data changed in between: start afresh
            self.beginResetModel()
            self.ids, self.cache, self._pages = ids, {}, set()
            self._texts = {}
            self.endResetModel()
        elif len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)  # last row is inclusive
            self.ids = ids
            self.endInsertRows()
        self.refreshed.emit(len(self.ids))

    def _fetch_page(self, page: int) -> None:
        if page in self._pages:
            return
        self._pages.add(page)
        gen, on, first = self.generation, self.today, list(self.filter.cluster_ids)
        ids = self.ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        self.ops.read(
            lambda s: search.commitment_rows(s, ids, on, first),
            lambda rows: self._page_loaded(gen, page, rows),
        )

    def _page_loaded(self, gen: int, page: int, rows: list[CommitmentRow]) -> None:
        if gen != self.generation:
            return
        self.cache.update({r.id: r for r in rows})
        for r in rows:
            self._texts.pop(r.id, None)
        first = page * PAGE_SIZE
        last = min(len(self.ids), first + PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # --- access ---------------------------------------------------------------------------

    def id_at(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_at(self, row: int) -> CommitmentRow | None:
        commitment_id = self.id_at(row)
        return self.cache.get(commitment_id) if commitment_id is not None else None

    def row_of(self, commitment_id: int) -> int:
        try:
            return self.ids.index(commitment_id)
        except ValueError:
            return -1

    # --- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Called ~1,000 times per repaint: unused roles leave first, texts are cached per row.
        if role not in USED_ROLES or not index.isValid() or index.row() >= len(self.ids):
            return None
        commitment_id = self.ids[index.row()]
        row = self.cache.get(commitment_id)
        if row is None:
            self._fetch_page(index.row() // PAGE_SIZE)
            return "…" if role == DISPLAY else None
        if role == DISPLAY:
            texts = self._texts.get(commitment_id)
            if texts is None:
                texts = self._texts[commitment_id] = tuple(c.text(row) for c in self.columns)
            return texts[index.column()]
        column = self.columns[index.column()]
        if role == ALIGNMENT:
            return RIGHT if column.right else None
        if role == TOOLTIP_ROLE:
            return TOOLTIP.get(column.key, column.text)(row)
        if row.effective_status != OVERDUE:
            return None
        return OVERDUE_BRUSHES[role]

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
