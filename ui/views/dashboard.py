"""Panel: totals by status, the cluster × component matrix, what is overdue or due soon, and
commitments by partner as a bar chart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.clock import today_in
from pazos_desktop.domain import OVERDUE, format_cop, format_date, status_label
from pazos_desktop.services import partners, search, summaries
from pazos_desktop.services.search import STATUS_ORDER, CommitmentFilter, CommitmentRow

from ..dialogs.commitment import edit_commitment
from ..models.matrix import CELL_IDS_ROLE, MatrixModel
from ..models.rows import Column, RowsModel
from ..personal_data.hooks import OverdueRequestsBanner
from ..widgets import setup_table
from .charts import PartnerChart
from .indicators_panel import IndicatorsPanel

LIST_LIMIT = 50


@dataclass
class DashboardData:
    totals: dict[str, int]
    overall: summaries.Cell
    amount: int
    matrix: summaries.Matrix
    overdue: list[CommitmentRow]
    due_soon: list[CommitmentRow]
    by_partner: list[summaries.PartnerSummary]
    acronyms: dict[int, str]
    on: dt.date  # the day these figures are for


def load_dashboard(session) -> DashboardData:
    return DashboardData(
        on=today_in(session),
        totals=summaries.status_totals(session),
        overall=summaries.overall(session),
        amount=summaries.committed_amount(session),
        matrix=summaries.cluster_component_matrix(session),
        overdue=search.overdue(session, limit=LIST_LIMIT),
        due_soon=search.due_soon(session, limit=LIST_LIMIT),
        by_partner=summaries.by_partner(session),
        acronyms={p.id: p.acronym for p in partners.partner_choices(session) if p.acronym},
    )


class Card(QFrame):
    """A big number with its label."""

    def __init__(self, label: str, color: str = "#1f3b57"):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"Card {{ background: white; border-left: 5px solid {color}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.value = QLabel("…")
        self.value.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.label)


STATUS_COLORS = {
    "pipeline": "#8c8c8c",
    "in_progress": "#2f6690",
    "completed": "#2e7d32",
    "cancelled": "#5d4037",
    "suspended": "#b26a00",
    OVERDUE: "#c62828",
}


class DashboardView(QWidget):
    loaded = Signal()

    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.data: DashboardData | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.personal_data = OverdueRequestsBanner(ctx)  # Ley 1581: requests past their term
        layout.addWidget(self.personal_data)
        layout.addLayout(self._cards())
        middle = QHBoxLayout()
        middle.addLayout(self._matrix(), 3)
        self.chart = PartnerChart(self.tr("Compromisos por entidad"))
        middle.addWidget(self.chart, 2)
        layout.addLayout(middle, 3)
        lists = QHBoxLayout()
        self.overdue_model = RowsModel(self._list_columns(overdue=True), self, self._is_overdue)
        self.soon_model = RowsModel(self._list_columns(overdue=False), self)
        lists.addLayout(self._list(self.tr("Vencidos"), self.overdue_model), 1)
        lists.addLayout(self._list(self.tr("Vencen en los próximos 30 días"), self.soon_model), 1)
        layout.addLayout(lists, 2)
        self.indicators = IndicatorsPanel(ctx)  # ui/views/indicators_panel.py
        layout.addWidget(self.indicators, 3)

    # --- layout ---------------------------------------------------------------------------

    def _cards(self) -> QGridLayout:
        grid = QGridLayout()
        self.cards: dict[str, Card] = {}
        self.total_card = Card(self.tr("Compromisos en total"))
        self.percent_card = Card(self.tr("Cumplimiento"), "#2e7d32")
        self.amount_card = Card(self.tr("Valor comprometido"), "#6a1b9a")
        cards = [self.total_card, self.percent_card, self.amount_card]
        for status in STATUS_ORDER:
            self.cards[status] = Card(status_label(status), STATUS_COLORS.get(status, "#333"))
            cards.append(self.cards[status])
        per_row = 5 if len(cards) > 6 else len(cards)
        for i, card in enumerate(cards):
            grid.addWidget(card, i // per_row, i % per_row)
        return grid

    def _matrix(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(
            QLabel(self.tr("<b>Clúster × componente</b> (compromisos · % cumplido; clic para ver)"))
        )
        self.matrix_model = MatrixModel(self)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setAccessibleName(self.tr("Matriz clúster por componente"))
        self.matrix_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.matrix_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(self.fontMetrics().height() * 3)
        self.matrix_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.setMinimumHeight(self.fontMetrics().height() * 22)
        self.matrix_view.clicked.connect(self.open_cell)
        column.addWidget(self.matrix_view)
        return column

    def _list(self, title: str, model: RowsModel) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(QLabel(f"<b>{title}</b>"))
        table = QTableView()
        table.setModel(model)
        setup_table(table, title)
        table.setMinimumHeight(self.fontMetrics().height() * 12)
        table.doubleClicked.connect(lambda index, m=model: self._edit(m, index))
        for col, width in enumerate((95, 170, 120)):
            table.horizontalHeader().resizeSection(col, width)
        column.addWidget(table)
        return column

    def _list_columns(self, overdue: bool) -> list[Column]:
        late = Column(
            self.tr("Días de retraso"),
            lambda r: summaries.days_late(r.due_date, self.data.on),
            True,
        )
        return [
            Column(self.tr("Fecha límite"), lambda r: format_date(r.due_date)),
            Column(self.tr("Entidad"), lambda r: r.partner_name, tooltip=lambda r: r.partner_name),
            late
            if overdue
            else Column(self.tr("Estado"), lambda r: status_label(r.effective_status)),
            Column(self.tr("Compromiso"), lambda r: r.title, tooltip=lambda r: r.title),
        ]

    @staticmethod
    def _is_overdue(row: CommitmentRow) -> bool:
        return row.effective_status == OVERDUE

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ops.run(load_dashboard, self.show_data, parent=self)
        self.personal_data.refresh()
        self.indicators.refresh()

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        number = _thousands
        self.total_card.value.setText(number(data.overall.total))
        percent = data.overall.percent
        self.percent_card.value.setText(f"{percent:.0f} %" if percent is not None else "—")
        self.amount_card.value.setText(format_cop(data.amount))
        for status, card in self.cards.items():
            card.value.setText(number(data.totals.get(status, 0)))
        self.matrix_model.set_matrix(data.matrix)
        self.overdue_model.set_rows(data.overdue)
        self.soon_model.set_rows(data.due_soon)
        self.chart.show_partners(data.by_partner, data.acronyms)
        self.loaded.emit()

    # --- actions --------------------------------------------------------------------------

    def open_cell(self, index: QModelIndex) -> None:
        """A click on a cell opens the commitment list filtered to that cluster and component."""
        cluster_id, component_id = index.data(CELL_IDS_ROLE)
        f = CommitmentFilter(
            cluster_ids=[cluster_id] if cluster_id is not None else [],
            component_ids=[component_id] if component_id is not None else [],
        )
        self.ctx.window.show_commitments(f)

    def _edit(self, model: RowsModel, index: QModelIndex) -> None:
        row = model.row_at(index.row())
        if row is not None:
            edit_commitment(self.ops, self, row.id, lambda _d: self.refresh())


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")
